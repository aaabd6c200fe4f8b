/**
 * The JSON form of what a practice configures: the practice, its rules, categories, providers, rooms,
 * reasons and working hours. Practice files and the API's bodies are read and written here, so both
 * speak the same shape. The mapping works on plain JSON trees (maps, lists, text, numbers, booleans)
 * as any JSON library reads them, and refuses every mistake with an
 * {@link org.slotbridge.api.InvalidInputException} naming the JSON path, such as
 * {@code reasons[2].timing.gridMinutes}.
 */
@Export
@Version("0.1.0")
package org.slotbridge.sync.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

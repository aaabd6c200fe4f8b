/**
 * The openings search: plain Java over the types of the api bundle, with no persistence and no
 * framework, so that it can be tested and benchmarked on its own.
 */
@Export
@Version("0.1.0")
package org.slotbridge.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * The domain of Slotbridge: practices, their providers, rooms and reasons, the schedule copy a connector
 * keeps in step with the PMS, and the holds and requests that Slotbridge owns. Every type here is an
 * immutable value; entities never leave the store.
 */
@Export
@Version("0.1.0")
package org.slotbridge.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

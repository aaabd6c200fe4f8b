/**
 * The database of Slotbridge, seen through repositories over the api's values. A {@link
 * org.slotbridge.store.Store} service runs work in transactions; the repositories reached through
 * a {@link org.slotbridge.store.StoreSession} read and write the schedule copy, holds, requests,
 * clients and practice settings. Entities never leave the bundle.
 */
@Export
@Version("0.1.0")
package org.slotbridge.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

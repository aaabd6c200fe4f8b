/**
 * What the booking bundle offers besides the api's {@link org.slotbridge.api.service.Booking}: a way for
 * the sync bundle on the same node to hand over each change it commits to a schedule copy, so that the
 * openings search follows it without reading the schedule again.
 */
@Export
@Version("0.1.0")
package org.slotbridge.booking;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

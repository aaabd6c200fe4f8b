package org.slotbridge.engine.internal;

import java.util.List;

/**
 * What the schedule copy holds around one start, for staff.
 *
 * @param appointments the provider's appointments
 * @param blockouts    the blockouts that block the provider for the reason
 * @param rooms        each room's appointments, in the order asked
 */
public record BusyReport(List<Span> appointments, List<Span> blockouts, List<List<Span>> rooms) {
}

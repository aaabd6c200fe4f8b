package org.slotbridge.engine.internal;

/**
 * A span of busy time in units from the epoch, for staff.
 *
 * @param from  the first unit
 * @param to    the first unit after it
 * @param label a blockout's type; null otherwise
 */
public record Span(long from, long to, String label) {
}

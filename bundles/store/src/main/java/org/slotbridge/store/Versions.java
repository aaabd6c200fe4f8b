package org.slotbridge.store;

/**
 * How often a practice's configuration and its schedule copy have changed: each number grows in the
 * transaction of every write to what it counts, so a reader that kept what it loaded at one pair of
 * numbers need only load again what changed.
 *
 * @param config   bumped by every write to the practice, its providers, rooms, reasons, working hours,
 *                 rules or categories
 * @param schedule bumped by every write to its appointments or blockouts
 */
public record Versions(long config, long schedule) {
}

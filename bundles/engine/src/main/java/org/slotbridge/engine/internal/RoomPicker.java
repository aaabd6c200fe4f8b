package org.slotbridge.engine.internal;

/**
 * Picks the room a start would take: the first of the reason's rooms free from the buffer before
 * to the buffer after. The answer depends on the start alone, not on the provider, so it is worked
 * out once per start of a date and remembered while the date's providers are searched.
 */
final class RoomPicker {

    private final LocalBusy busy;
    private final int runFrom;
    private final int runTo;
    /** By unit from {@link #base}: the room found (or -1), where {@link #known} holds the date's stamp. */
    private final int[] found;
    private final int[] known;
    private int base;
    private int stamp;

    /**
     * @param busy    the copy searched
     * @param runFrom where the room must be free from, in units from the start (minus the buffer before)
     * @param runTo   where it may be busy again, in units from the start
     * @param units   how many units the starts of one date may span
     */
    RoomPicker(LocalBusy busy, int runFrom, int runTo, int units) {
        this.busy = busy;
        this.runFrom = runFrom;
        this.runTo = runTo;
        this.found = new int[units];
        this.known = new int[units];
    }

    /** Forgets the rooms of the previous date; the new date's starts lie from {@code firstUnit} on. */
    void startDate(int firstUnit) {
        base = firstUnit;
        stamp++;
    }

    /**
     * The index of the room for a start at {@code unit}, or -1 when none is free; {@code extra} is 1
     * for a start within a unit, which then reaches into one more unit at the end.
     */
    int room(int unit, int extra) {
        int i = unit - base;
        if (extra != 0 || i < 0 || i >= found.length) {
            return busy.firstFreeRoom(unit + runFrom, unit + runTo + extra);
        }
        if (known[i] != stamp) {
            found[i] = busy.firstFreeRoom(unit + runFrom, unit + runTo);
            known[i] = stamp;
        }
        return found[i];
    }
}

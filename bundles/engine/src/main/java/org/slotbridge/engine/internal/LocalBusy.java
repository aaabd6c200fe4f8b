package org.slotbridge.engine.internal;

/**
 * The busy time one search reads, copied out of the {@link BusyIndex} so that the search runs
 * without a lock: one bitset per provider searched and per room of the reason, over the span of
 * the search, with the holds added.
 */
public final class LocalBusy {

    private final long baseUnit;
    private final int words;
    private final long[][] providers;
    private final long[][] rooms;

    LocalBusy(long fromUnit, long toUnit, int providerCount, int roomCount) {
        this.baseUnit = Math.floorDiv(fromUnit, 64) * 64;
        long bits = toUnit - baseUnit;
        if (bits > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a search may not span " + bits + " units");
        }
        this.words = (int) ((bits + 63) / 64);
        this.providers = new long[providerCount][words];
        this.rooms = new long[roomCount][words];
    }

    /** The unit of bit 0, a multiple of 64. */
    public long baseUnit() {
        return baseUnit;
    }

    int words() {
        return words;
    }

    long[] provider(int i) {
        return providers[i];
    }

    long[] room(int i) {
        return rooms[i];
    }

    /** Marks {@code [fromUnit, toUnit)} busy for provider {@code i}, clipped to the copy. */
    public void holdProvider(int i, long fromUnit, long toUnit) {
        hold(providers[i], fromUnit, toUnit);
    }

    /** Marks {@code [fromUnit, toUnit)} busy for room {@code i}, clipped to the copy. */
    public void holdRoom(int i, long fromUnit, long toUnit) {
        hold(rooms[i], fromUnit, toUnit);
    }

    private void hold(long[] bits, long fromUnit, long toUnit) {
        long first = Math.max(fromUnit - baseUnit, 0);
        long last = Math.min(toUnit - baseUnit, (long) words * 64);
        if (first < last) {
            Bits.set(bits, (int) first, (int) last);
        }
    }

    /** True when provider {@code i} is free in {@code [from, to)}, counted in units from {@link #baseUnit}. */
    public boolean providerFree(int i, int from, int to) {
        return !Bits.any(providers[i], from, to);
    }

    /** The first room free in {@code [from, to)}, counted from {@link #baseUnit}; -1 when none is. */
    public int firstFreeRoom(int from, int to) {
        for (int i = 0; i < rooms.length; i++) {
            if (!Bits.any(rooms[i], from, to)) {
                return i;
            }
        }
        return -1;
    }
}

package org.slotbridge.engine.internal;

import java.util.Arrays;

/**
 * The busy time of one kind (appointments, blockouts of one type) on one resource: a bitset of
 * units for fast reading, and the intervals it was built from, sorted by start, so that removing
 * one interval can clear its units and set again what the others still cover.
 *
 * <p>Intervals are kept as two int arrays rather than objects: the index holds tens of thousands.
 * Units are counted from the index's first bit. Not thread-safe: {@link BusyIndex} guards it.
 */
final class Track {

    private static final int[] NONE = new int[0];

    private final long[] bits;
    private int[] starts = NONE;
    private int[] ends = NONE;
    private int size;
    /** The longest interval ever added, which bounds how far before a span an overlapping one can start. */
    private int longest;

    Track(int words) {
        this.bits = new long[words];
    }

    long[] bits() {
        return bits;
    }

    int size() {
        return size;
    }

    void add(int start, int end) {
        if (size == starts.length) {
            int capacity = Math.max(4, size + (size >> 1));
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        int at = firstStartingAfter(start);
        System.arraycopy(starts, at, starts, at + 1, size - at);
        System.arraycopy(ends, at, ends, at + 1, size - at);
        starts[at] = start;
        ends[at] = end;
        size++;
        longest = Math.max(longest, end - start);
        Bits.set(bits, start, end);
    }

    /** Removes one interval equal to {@code [start, end)}; false when there is none. */
    boolean remove(int start, int end) {
        int at = firstStartingAtOrAfter(start);
        while (at < size && starts[at] == start && ends[at] != end) {
            at++;
        }
        if (at == size || starts[at] != start) {
            return false;
        }
        System.arraycopy(starts, at + 1, starts, at, size - at - 1);
        System.arraycopy(ends, at + 1, ends, at, size - at - 1);
        size--;
        Bits.clear(bits, start, end);
        for (int i = firstStartingAtOrAfter(start - longest); i < size && starts[i] < end; i++) {
            if (ends[i] > start) {
                Bits.set(bits, Math.max(starts[i], start), Math.min(ends[i], end));
            }
        }
        return true;
    }

    /** Calls {@code sink} with each interval that shares a unit with {@code [from, to)}, by start. */
    void overlapping(int from, int to, SpanSink sink) {
        for (int i = firstStartingAtOrAfter(from - longest); i < size && starts[i] < to; i++) {
            if (ends[i] > from) {
                sink.accept(starts[i], ends[i]);
            }
        }
    }

    private int firstStartingAtOrAfter(int unit) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] < unit) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private int firstStartingAfter(int unit) {
        return firstStartingAtOrAfter(unit == Integer.MAX_VALUE ? unit : unit + 1);
    }

    /** Receives spans of units. */
    @FunctionalInterface
    interface SpanSink {
        void accept(int start, int end);
    }
}

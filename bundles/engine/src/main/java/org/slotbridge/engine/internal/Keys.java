package org.slotbridge.engine.internal;

import java.util.Arrays;

/** A growing array of {@code long}s, so that a search keeps its openings without boxing them. */
final class Keys {

    private long[] values = new long[64];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    void sort() {
        Arrays.sort(values, 0, size);
    }

    void clear() {
        size = 0;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}

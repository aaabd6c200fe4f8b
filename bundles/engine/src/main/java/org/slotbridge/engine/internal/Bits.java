package org.slotbridge.engine.internal;

/**
 * Ranges of bits in a {@code long[]}: bit {@code i} is bit {@code i % 64} of word {@code i / 64}.
 * Ranges are half-open, {@code [from, to)}, and must lie within the array.
 */
final class Bits {

    private Bits() {
    }

    static void set(long[] words, int from, int to) {
        if (from >= to) {
            return;
        }
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        // Shifts count modulo 64: -1L << from keeps bits from (from % 64) up, -1L >>> -to those below to % 64.
        long firstMask = -1L << from;
        long lastMask = -1L >>> -to;
        if (first == last) {
            words[first] |= firstMask & lastMask;
            return;
        }
        words[first] |= firstMask;
        for (int i = first + 1; i < last; i++) {
            words[i] = -1L;
        }
        words[last] |= lastMask;
    }

    static void clear(long[] words, int from, int to) {
        if (from >= to) {
            return;
        }
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> -to;
        if (first == last) {
            words[first] &= ~(firstMask & lastMask);
            return;
        }
        words[first] &= ~firstMask;
        for (int i = first + 1; i < last; i++) {
            words[i] = 0;
        }
        words[last] &= ~lastMask;
    }

    /** True when any bit of {@code [from, to)} is set; false for an empty range. */
    static boolean any(long[] words, int from, int to) {
        if (from >= to) {
            return false;
        }
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> -to;
        if (first == last) {
            return (words[first] & firstMask & lastMask) != 0;
        }
        if ((words[first] & firstMask) != 0 || (words[last] & lastMask) != 0) {
            return true;
        }
        for (int i = first + 1; i < last; i++) {
            if (words[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** ORs {@code source[sourceFrom + i]} into {@code target[i]} for every word both arrays have. */
    static void or(long[] source, int sourceFrom, long[] target) {
        int from = Math.max(0, -sourceFrom);
        int to = Math.min(target.length, source.length - sourceFrom);
        for (int i = from; i < to; i++) {
            target[i] |= source[sourceFrom + i];
        }
    }
}

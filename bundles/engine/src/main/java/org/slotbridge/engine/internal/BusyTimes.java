package org.slotbridge.engine.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.slotbridge.engine.Interval;

/**
 * The busy time of one resource within a span of interest, merged into disjoint stretches sorted
 * by start, so that a question about any span is one binary search.
 *
 * <p>Times are epoch seconds. A busy interval that starts or ends within a second is widened to
 * whole seconds, which answers exactly for spans that start and end on whole seconds: the only
 * spans the search asks about.
 */
public final class BusyTimes {

    private static final BusyTimes NONE = new BusyTimes(new long[0], new long[0]);

    private final long[] starts;
    private final long[] ends;

    private BusyTimes(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * The busy time of {@code intervals} (in any order, possibly overlapping; null means none)
     * that touches [{@code from}, {@code to}), in epoch seconds; the rest is left out.
     */
    public static BusyTimes of(List<Interval> intervals, long from, long to) {
        if (intervals == null || intervals.isEmpty()) {
            return NONE;
        }
        long[] starts = new long[intervals.size()];
        long[] ends = new long[intervals.size()];
        int count = 0;
        for (Interval interval : intervals) {
            long start = interval.start().getEpochSecond();
            long end = ceilSecond(interval.end());
            if (start < to && end > from) {
                starts[count] = start;
                ends[count] = end;
                count++;
            }
        }
        return count == 0 ? NONE : merge(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    /**
     * Merges intervals given as starts and ends. The two are sorted separately, which loses which
     * start goes with which end but not the union: the number of intervals open at a time rises at
     * each start and falls at each end, and the busy stretches are where it stays above zero.
     */
    private static BusyTimes merge(long[] starts, long[] ends) {
        Arrays.sort(starts);
        Arrays.sort(ends);
        long[] mergedStarts = new long[starts.length];
        long[] mergedEnds = new long[starts.length];
        int count = 0;
        int open = 0;
        int nextEnd = 0;
        for (long start : starts) {
            while (ends[nextEnd] < start) {
                open--;
                if (open == 0) {
                    mergedEnds[count++] = ends[nextEnd];
                }
                nextEnd++;
            }
            if (open == 0) {
                mergedStarts[count] = start;
            }
            open++;
        }
        mergedEnds[count++] = ends[ends.length - 1];
        return new BusyTimes(Arrays.copyOf(mergedStarts, count), Arrays.copyOf(mergedEnds, count));
    }

    /** True when no busy time shares an instant with [{@code start}, {@code end}), in epoch seconds. */
    public boolean isFree(long start, long end) {
        // The first stretch that ends after the span starts is the only one that can overlap,
        // since stretches are disjoint and sorted.
        int low = 0;
        int high = ends.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ends[middle] > start) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low == ends.length || starts[low] >= end;
    }

    /** The first whole second at or after {@code instant}. */
    static long ceilSecond(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }
}

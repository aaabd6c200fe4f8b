package org.slotbridge.engine.internal;

import java.util.Arrays;
import java.util.List;

import org.slotbridge.api.Order;

/**
 * Which openings are shown and in what order (docs/openings.md, steps 7 and 8), on keys that sort
 * by start, then provider.
 */
final class ShownOpenings {

    private ShownOpenings() {
    }

    /**
     * Sorts one date's openings, appends those shown to {@code shown} and empties {@code day}: all of
     * them up to {@code perDay}, else those at positions {@code floor(i * k / n)}, spread over the day.
     */
    static void pick(Keys day, int perDay, Keys shown) {
        day.sort();
        int k = day.size();
        if (k <= perDay) {
            for (int i = 0; i < k; i++) {
                shown.add(day.get(i));
            }
        } else {
            for (int i = 0; i < perDay; i++) {
                shown.add(day.get((int) ((long) i * k / perDay)));
            }
        }
        day.clear();
    }

    /**
     * The page asked for, from the openings shown, which are sorted within each date and end for
     * each date at the given positions.
     */
    static long[] page(Keys shown, List<Integer> dateEnds, Order order, int offset, int limit) {
        long[] ordered = order == Order.SPREAD ? spread(shown, dateEnds) : earliest(shown);
        int from = Math.min(offset, ordered.length);
        int to = limit == 0 ? ordered.length : (int) Math.min((long) from + limit, ordered.length);
        return Arrays.copyOfRange(ordered, from, to);
    }

    private static long[] earliest(Keys shown) {
        long[] all = shown.toArray();
        Arrays.sort(all);
        return all;
    }

    /** The first of each date, date by date, then the second of each, and so on. */
    private static long[] spread(Keys shown, List<Integer> dateEnds) {
        long[] result = new long[shown.size()];
        int count = 0;
        for (int round = 0; count < result.length; round++) {
            int dateStart = 0;
            for (int end : dateEnds) {
                if (dateStart + round < end) {
                    result[count++] = shown.get(dateStart + round);
                }
                dateStart = end;
            }
        }
        return result;
    }
}

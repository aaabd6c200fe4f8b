package org.slotbridge.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TrackTest {

    @Test
    void removalSetsAgainWhatOtherIntervalsCover() {
        Track track = new Track(4);
        track.add(0, 200);   // long, starts long before the others
        track.add(100, 110);
        track.add(105, 120);

        assertTrue(track.remove(100, 110));

        assertTrue(Bits.any(track.bits(), 100, 101));
        track.remove(0, 200);
        assertFalse(Bits.any(track.bits(), 0, 105));
        assertTrue(Bits.any(track.bits(), 105, 106));
        assertFalse(Bits.any(track.bits(), 120, 256));
        assertFalse(track.remove(0, 200));
        assertEquals(1, track.size());
    }

    @Test
    void overlappingListsTheIntervalsThatShareAUnit() {
        Track track = new Track(2);
        track.add(10, 20);
        track.add(0, 100);
        track.add(30, 40);
        track.add(20, 30);
        List<String> seen = new ArrayList<>();

        track.overlapping(20, 30, (start, end) -> seen.add(start + "-" + end));

        assertEquals(List.of("0-100", "20-30"), seen);
    }

    /** The bits always equal the union of the intervals added and not yet removed. */
    @Test
    void agreesWithTheUnionOfItsIntervals() {
        long seed = 61520;
        Random random = new Random(seed);
        Track track = new Track(8);
        List<int[]> live = new ArrayList<>();
        for (int step = 0; step < 3000; step++) {
            if (live.isEmpty() || random.nextInt(5) < 3) {
                int start = random.nextInt(500);
                int end = start + 1 + random.nextInt(random.nextInt(10) == 0 ? 12 : 500 - start);
                end = Math.min(end, 512);
                track.add(start, end);
                live.add(new int[] {start, end});
            } else {
                int[] gone = live.remove(random.nextInt(live.size()));
                assertTrue(track.remove(gone[0], gone[1]), "seed " + seed + " step " + step);
            }
            boolean[] union = new boolean[512];
            for (int[] interval : live) {
                Arrays.fill(union, interval[0], interval[1], true);
            }
            for (int unit = 0; unit < 512; unit++) {
                assertEquals(union[unit], Bits.any(track.bits(), unit, unit + 1), "seed " + seed + " step " + step
                        + " unit " + unit);
            }
        }
    }
}

package org.slotbridge.engine.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the wall-clock minutes of one local date into instants, and tells whether a span of real
 * time stays within a wall-clock window of that date.
 *
 * <p>It reads the zone rules once, for the real time from a day before the date to two days after
 * it, which holds every instant whose wall time falls on the date and the end of any visit that
 * starts then (offsets lie within 18 hours of UTC, and a visit lasts at most a day). That span is
 * cut into stretches of one offset each: usually a single stretch, two around a change of offset.
 *
 * <p>Instants are epoch seconds: every instant this class produces is the wall time of a whole
 * minute less a zone offset, and zone offsets are whole seconds.
 */
public final class DayClock {

    private static final long SECONDS_PER_DAY = 86_400;

    private final long dayStart;
    /** Where each stretch starts; the last one runs to {@link #spanEnd}. */
    private final long[] stretchStarts;
    /** The offset of each stretch, in seconds. */
    private final int[] offsets;
    private final long spanEnd;

    private DayClock(long dayStart, long[] stretchStarts, int[] offsets, long spanEnd) {
        this.dayStart = dayStart;
        this.stretchStarts = stretchStarts;
        this.offsets = offsets;
        this.spanEnd = spanEnd;
    }

    /** The clock of {@code date} under {@code rules}. */
    public static DayClock of(ZoneRules rules, LocalDate date) {
        long spanStart = (date.toEpochDay() - 1) * SECONDS_PER_DAY;
        long spanEnd = (date.toEpochDay() + 3) * SECONDS_PER_DAY;
        Instant at = Instant.ofEpochSecond(spanStart);
        List<ZoneOffsetTransition> changes = new ArrayList<>(2);
        for (ZoneOffsetTransition next = rules.nextTransition(at);
                next != null && next.getInstant().getEpochSecond() < spanEnd;
                next = rules.nextTransition(next.getInstant())) {
            changes.add(next);
        }
        long[] starts = new long[changes.size() + 1];
        int[] offsets = new int[changes.size() + 1];
        starts[0] = spanStart;
        offsets[0] = rules.getOffset(at).getTotalSeconds();
        for (int i = 0; i < changes.size(); i++) {
            starts[i + 1] = changes.get(i).getInstant().getEpochSecond();
            offsets[i + 1] = changes.get(i).getOffsetAfter().getTotalSeconds();
        }
        return new DayClock(date.toEpochDay() * SECONDS_PER_DAY, starts, offsets, spanEnd);
    }

    /** True when one offset holds throughout, so wall time and real time run together. */
    public boolean isSteady() {
        return offsets.length == 1;
    }

    /**
     * The one instant at which the clock shows {@code minute} of this date, for a steady date only
     * (see {@link #isSteady}), where it saves {@link #instantsAt}'s array.
     */
    public long steadyInstantAt(int minute) {
        return dayStart + minute * 60L - offsets[0];
    }

    /**
     * The instants, in epoch seconds and earliest first, at which the wall clock shows
     * {@code minute} (0 to 1439) of this date: none in a gap, one normally, two in an overlap.
     */
    public long[] instantsAt(int minute) {
        long[] found = new long[offsets.length];
        return Arrays.copyOf(found, instantsAt(minute, found));
    }

    /**
     * Writes the instants of {@link #instantsAt(int)} into {@code into}, which has room for one per
     * stretch ({@link #stretches()}), and returns how many there are; a search calls it for every
     * candidate, so it allocates nothing.
     */
    public int instantsAt(int minute, long[] into) {
        long wall = dayStart + minute * 60L;
        int count = 0;
        for (int i = 0; i < offsets.length; i++) {
            // The wall time shows under this stretch's offset only if that instant lies in the stretch.
            long instant = wall - offsets[i];
            if (instant >= stretchStarts[i] && instant < stretchEnd(i)) {
                into[count++] = instant;
            }
        }
        return count;
    }

    /** How many stretches of one offset the clock reads: one more than the changes near the date. */
    public int stretches() {
        return offsets.length;
    }

    /**
     * True when the wall clock shows a time of this date from {@code fromMinute} (inclusive) to
     * {@code untilMinute} (exclusive, 1440 being the next midnight) at every instant of
     * [{@code start}, {@code end}), given in epoch seconds.
     *
     * <p>Within a stretch the wall clock runs forward with real time, so it is enough to check
     * where the span's part in each stretch begins and where it ends.
     */
    public boolean keepsWithin(long start, long end, int fromMinute, int untilMinute) {
        long from = dayStart + fromMinute * 60L;
        long until = dayStart + untilMinute * 60L;
        for (int i = 0; i < offsets.length; i++) {
            long partStart = Math.max(start, stretchStarts[i]);
            long partEnd = Math.min(end, stretchEnd(i));
            if (partStart < partEnd && (partStart + offsets[i] < from || partEnd + offsets[i] > until)) {
                return false;
            }
        }
        return true;
    }

    private long stretchEnd(int i) {
        return i + 1 < stretchStarts.length ? stretchStarts[i + 1] : spanEnd;
    }
}

package org.slotbridge.engine.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slotbridge.api.Opening;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.Reason;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.Timing;
import org.slotbridge.api.WorkingHours;

/**
 * The rules of one reason in one practice, worked out once and read by the search, the check of
 * one start and the staff's explanation alike, so that all three judge by the same numbers.
 */
public final class SearchPlan {

    static final int MINUTES_PER_DAY = 24 * 60;

    private final PracticeConfig config;
    private final Reason reason;
    private final Timing timing;
    private final ZoneId zone;
    private final Map<String, WorkingHours> hours;
    private final int unitSeconds;
    private final int durationUnits;
    private final int bufferBeforeUnits;
    private final int bufferAfterUnits;
    /** The runs of the visit that need the provider, in units from the start: {from, to} pairs. */
    private final int[] visitRuns;
    /** The visit runs and the buffers, merged where they touch: all the provider must be free for. */
    private final int[] providerRuns;
    private final int gridMinutes;
    /** Fixed start minutes, ascending; empty when the grid applies. */
    private final int[] fixedStarts;
    private final List<String> rooms;
    /** By minute of the day, whether the reason may start then; null when it may start whenever. */
    private final boolean[] reasonMinutes;

    private SearchPlan(PracticeConfig config, Reason reason) {
        this.config = config;
        this.reason = reason;
        this.timing = config.timing(reason);
        this.zone = config.practice().zone();
        this.hours = config.hoursByProvider();
        this.unitSeconds = config.rules().unitMinutes() * 60;
        this.durationUnits = units(reason.duration());
        this.bufferBeforeUnits = units(timing.bufferBefore());
        this.bufferAfterUnits = units(timing.bufferAfter());
        this.visitRuns = visitRuns(reason.rules().pattern(), durationUnits);
        this.providerRuns = providerRuns(visitRuns, bufferBeforeUnits, durationUnits, bufferAfterUnits);
        this.gridMinutes = Math.toIntExact(timing.grid().toMinutes());
        this.fixedStarts = timing.starts().stream().mapToInt(t -> t.getHour() * 60 + t.getMinute()).toArray();
        this.rooms = reason.roomIds().stream().sorted().toList();
        this.reasonMinutes = reason.windows().isEmpty() ? null : minutes(reason.windows());
    }

    public static SearchPlan of(PracticeConfig config, Reason reason) {
        return new SearchPlan(config, reason);
    }

    /** Whole units, rounding up; the checked configuration only has whole units. */
    private int units(Duration duration) {
        return Math.toIntExact(-Math.floorDiv(-duration.getSeconds(), unitSeconds));
    }

    private static int[] visitRuns(String pattern, int durationUnits) {
        if (pattern == null) {
            return new int[] {0, durationUnits};
        }
        List<Integer> runs = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            if (pattern.charAt(i) != 'X') {
                i++;
                continue;
            }
            int end = i;
            while (end < pattern.length() && pattern.charAt(end) == 'X') {
                end++;
            }
            runs.add(i);
            runs.add(end);
            i = end;
        }
        return runs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] providerRuns(int[] visitRuns, int before, int duration, int after) {
        List<Integer> runs = new ArrayList<>();
        if (before > 0) {
            add(runs, -before, 0);
        }
        for (int i = 0; i < visitRuns.length; i += 2) {
            add(runs, visitRuns[i], visitRuns[i + 1]);
        }
        if (after > 0) {
            add(runs, duration, duration + after);
        }
        return runs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Appends a run, joining it to the last one when they touch. */
    private static void add(List<Integer> runs, int from, int to) {
        if (!runs.isEmpty() && runs.get(runs.size() - 1) == from) {
            runs.set(runs.size() - 1, to);
        } else {
            runs.add(from);
            runs.add(to);
        }
    }

    /** By minute of the day, whether one of the windows holds it. */
    static boolean[] minutes(List<TimeWindow> windows) {
        boolean[] allowed = new boolean[MINUTES_PER_DAY];
        for (TimeWindow window : windows) {
            for (int m = window.startMinute(); m < window.endMinute(); m++) {
                allowed[m] = true;
            }
        }
        return allowed;
    }

    public PracticeConfig config() {
        return config;
    }

    public Reason reason() {
        return reason;
    }

    public ZoneId zone() {
        return zone;
    }

    public ZoneRules zoneRules() {
        return zone.getRules();
    }

    public int unitSeconds() {
        return unitSeconds;
    }

    public long durationSeconds() {
        return (long) durationUnits * unitSeconds;
    }

    public int durationMinutes() {
        return durationUnits * unitSeconds / 60;
    }

    public int durationUnits() {
        return durationUnits;
    }

    public int bufferBeforeUnits() {
        return bufferBeforeUnits;
    }

    public int bufferAfterUnits() {
        return bufferAfterUnits;
    }

    public int[] visitRuns() {
        return visitRuns.clone();
    }

    /** The spans, in units from the start, in which the provider must be free: {from, to} pairs. */
    public int[] providerRuns() {
        return providerRuns.clone();
    }

    public List<String> rooms() {
        return rooms;
    }

    public Set<String> usableTypes() {
        return reason.rules().blockoutTypes();
    }

    public int horizonDays() {
        return timing.horizonDays();
    }

    public int dailyCap() {
        return timing.dailyCap();
    }

    public Duration minimumNotice() {
        return timing.minimumNotice();
    }

    /** The provider's windows on the date; empty on a day off or for a provider without hours. */
    public List<TimeWindow> windows(String providerId, LocalDate date) {
        WorkingHours h = hours.get(providerId);
        return h == null ? List.of() : h.on(date);
    }

    /**
     * The providers with working hours whom the reason allows, and when {@code wanted} is not null,
     * that one only; by id.
     */
    public List<String> providers(String wanted) {
        List<String> result = new ArrayList<>();
        for (String id : hours.keySet()) {
            if ((wanted == null || wanted.equals(id)) && allowsProvider(id)) {
                result.add(id);
            }
        }
        result.sort(null);
        return result;
    }

    public boolean hasHours(String providerId) {
        return hours.containsKey(providerId);
    }

    public boolean allowsProvider(String providerId) {
        return reason.allowsProvider(providerId, config.rules());
    }

    public boolean closed(LocalDate date) {
        return config.rules().closedDates().contains(date);
    }

    public boolean onWeekday(LocalDate date) {
        return reason.weekdays().isEmpty() || reason.weekdays().contains(date.getDayOfWeek());
    }

    public boolean valid(LocalDate date) {
        LocalDate from = reason.rules().validFrom();
        LocalDate until = reason.rules().validUntil();
        return (from == null || !date.isBefore(from)) && (until == null || !date.isAfter(until));
    }

    /** The practice is open and the reason is offered on the date. */
    public boolean dateAllowed(LocalDate date) {
        return !closed(date) && onWeekday(date) && valid(date);
    }

    /** True when the reason may start at the minute of the day. */
    public boolean reasonAllows(int minute) {
        return reasonMinutes == null || reasonMinutes[minute];
    }

    /** Whether the reason may start at each minute of the day, also within one of {@code times} when there are any. */
    public boolean[] startMinutes(List<TimeWindow> times) {
        boolean[] allowed = new boolean[MINUTES_PER_DAY];
        Arrays.fill(allowed, true);
        if (reasonMinutes != null) {
            System.arraycopy(reasonMinutes, 0, allowed, 0, MINUTES_PER_DAY);
        }
        if (!times.isEmpty()) {
            boolean[] client = minutes(times);
            for (int m = 0; m < allowed.length; m++) {
                allowed[m] &= client[m];
            }
        }
        return allowed;
    }

    /** The first candidate minute of a window starting at {@code windowStart}: the window start, or a fixed start. */
    public int firstStart(int windowStart) {
        return fixedStarts.length == 0 ? windowStart : nextFixed(windowStart - 1);
    }

    /** The candidate minute after {@code minute} in the same window. */
    public int nextStart(int minute) {
        return fixedStarts.length == 0 ? minute + gridMinutes : nextFixed(minute);
    }

    private int nextFixed(int minute) {
        for (int start : fixedStarts) {
            if (start > minute) {
                return start;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** True when the minute is a candidate of the window from {@code windowStart}: on its grid, or a fixed start. */
    public boolean onGrid(int minute, int windowStart) {
        if (fixedStarts.length == 0) {
            return minute >= windowStart && (minute - windowStart) % gridMinutes == 0;
        }
        for (int start : fixedStarts) {
            if (start == minute) {
                return true;
            }
        }
        return false;
    }

    public boolean fixedStarts() {
        return fixedStarts.length > 0;
    }

    public int gridMinutes() {
        return gridMinutes;
    }

    public List<LocalTime> starts() {
        return timing.starts();
    }

    /** How many of {@code booked} are the provider's and start on the local date. */
    public int bookedOn(List<Opening> booked, String providerId, LocalDate date) {
        int count = 0;
        for (Opening opening : booked) {
            if (providerId.equals(opening.providerId()) && LocalDate.ofInstant(opening.start(), zone).equals(date)) {
                count++;
            }
        }
        return count;
    }
}

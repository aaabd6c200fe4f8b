package org.slotbridge.engine;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.WorkingHours;

/** Small builders that keep the scenario tests readable. */
final class Fixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    /** A Monday in summer time in New York (UTC-4). */
    static final LocalDate MONDAY = LocalDate.of(2026, 6, 15);

    private Fixtures() {
    }

    static TimeWindow window(String text) {
        return TimeWindow.parse(text, "window");
    }

    static List<TimeWindow> windows(String... texts) {
        return Arrays.stream(texts).map(Fixtures::window).toList();
    }

    static Reason reason(int minutes) {
        return new Reason("checkup", "Check-up", null, null, Duration.ofMinutes(minutes),
                Set.of(), Set.of(), Set.of(), List.of());
    }

    static Reason withRooms(Reason r, String... rooms) {
        return new Reason(r.id(), r.name(), null, null, r.duration(), r.providerIds(), Set.of(rooms),
                r.weekdays(), r.windows());
    }

    static Reason withProviders(Reason r, String... providers) {
        return new Reason(r.id(), r.name(), null, null, r.duration(), Set.of(providers), r.roomIds(),
                r.weekdays(), r.windows());
    }

    static Reason limitedTo(Reason r, Set<DayOfWeek> weekdays, String... windows) {
        return new Reason(r.id(), r.name(), null, null, r.duration(), r.providerIds(), r.roomIds(),
                weekdays, windows(windows));
    }

    static WorkingHours hours(String provider, Set<DayOfWeek> days, String... windows) {
        Map<DayOfWeek, List<TimeWindow>> weekly = new HashMap<>();
        days.forEach(day -> weekly.put(day, windows(windows)));
        return new WorkingHours(provider, weekly, Map.of());
    }

    static WorkingHours withException(WorkingHours hours, LocalDate date, String... windows) {
        Map<LocalDate, List<TimeWindow>> exceptions = new HashMap<>(hours.exceptions());
        exceptions.put(date, windows(windows));
        return new WorkingHours(hours.providerId(), hours.weekly(), exceptions);
    }

    static ScheduleSnapshot schedule(ZoneId zone, WorkingHours... hours) {
        return schedule(zone, Map.of(), Map.of(), hours);
    }

    static ScheduleSnapshot schedule(ZoneId zone, Map<String, List<Interval>> providerBusy,
                                     Map<String, List<Interval>> roomBusy, WorkingHours... hours) {
        Map<String, WorkingHours> byProvider = new HashMap<>();
        for (WorkingHours h : hours) {
            byProvider.put(h.providerId(), h);
        }
        return new ScheduleSnapshot(zone, byProvider, providerBusy, roomBusy);
    }

    static Preferences dates(LocalDate from, LocalDate to) {
        return new Preferences(from, to, Set.of(), List.of(), null);
    }

    static Preferences day(LocalDate date) {
        return dates(date, date);
    }

    static SearchRules rules(int gridMinutes) {
        return new SearchRules(Duration.ofMinutes(gridMinutes), Duration.ZERO, 180);
    }

    static Interval busy(String start, String end) {
        return new Interval(Instant.parse(start), Instant.parse(end));
    }

    static List<Instant> instants(String... texts) {
        return Arrays.stream(texts).map(Instant::parse).toList();
    }

    static List<Instant> starts(List<Opening> openings) {
        return openings.stream().map(Opening::start).toList();
    }
}

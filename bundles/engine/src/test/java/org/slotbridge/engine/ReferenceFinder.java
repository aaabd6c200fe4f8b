package org.slotbridge.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;
import org.slotbridge.api.TimeWindow;

/**
 * The search rules written the slow, direct way, to check {@link OpeningFinder} against: walk every
 * real minute that could show a time of the date, read the wall clock, and test each rule as
 * stated. Assumes whole-minute zone offsets, which hold for every zone since the 1970s.
 */
final class ReferenceFinder {

    private ReferenceFinder() {
    }

    static List<Opening> find(ScheduleSnapshot schedule, Reason reason, Preferences preferences, Instant now,
                              SearchRules rules) {
        ZoneId zone = schedule.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        long grid = rules.grid().toMinutes();
        List<Opening> result = new ArrayList<>();
        for (LocalDate date = preferences.from(); !date.isAfter(preferences.to()); date = date.plusDays(1)) {
            if (date.isBefore(today) || date.isAfter(today.plusDays(rules.horizonDays()))
                    || !reason.weekdays().isEmpty() && !reason.weekdays().contains(date.getDayOfWeek())
                    || !preferences.days().isEmpty() && !preferences.days().contains(date.getDayOfWeek())) {
                continue;
            }
            // Offsets lie within 18 hours of UTC, so only these minutes can show a time of the date.
            Instant first = date.atStartOfDay().toInstant(ZoneOffset.ofHours(18));
            Instant last = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.ofHours(-18));
            for (String provider : new TreeSet<>(schedule.hours().keySet())) {
                if (!reason.allowsProvider(provider)
                        || preferences.providerId() != null && !preferences.providerId().equals(provider)) {
                    continue;
                }
                for (TimeWindow window : schedule.hours().get(provider).on(date)) {
                    for (Instant start = first; start.isBefore(last); start = start.plusSeconds(60)) {
                        LocalDateTime wall = LocalDateTime.ofInstant(start, zone);
                        if (!shows(wall, date, window)
                                || (minuteOfDay(wall) - window.startMinute()) % grid != 0
                                || !anyContains(reason.windows(), wall)
                                || !anyContains(preferences.times(), wall)
                                || start.isBefore(now.plus(rules.minimumNotice()))) {
                            continue;
                        }
                        Instant end = start.plus(reason.duration());
                        if (!everyMinuteShows(start, end, zone, date, window)
                                || !free(schedule.providerBusy().get(provider), start, end)) {
                            continue;
                        }
                        String room = null;
                        if (!reason.roomIds().isEmpty()) {
                            room = firstFreeRoom(schedule, reason, start, end);
                            if (room == null) {
                                continue;
                            }
                        }
                        result.add(new Opening(reason.id(), provider, room, start, end));
                    }
                }
            }
        }
        result.sort(Comparator.comparing(Opening::start).thenComparing(Opening::providerId));
        return result;
    }

    private static boolean everyMinuteShows(Instant start, Instant end, ZoneId zone, LocalDate date,
                                            TimeWindow window) {
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(60)) {
            if (!shows(LocalDateTime.ofInstant(t, zone), date, window)) {
                return false;
            }
        }
        return true;
    }

    private static boolean shows(LocalDateTime wall, LocalDate date, TimeWindow window) {
        return wall.getSecond() == 0 && wall.toLocalDate().equals(date) && window.contains(wall.toLocalTime());
    }

    private static boolean anyContains(List<TimeWindow> windows, LocalDateTime wall) {
        return windows.isEmpty() || windows.stream().anyMatch(w -> w.contains(wall.toLocalTime()));
    }

    private static String firstFreeRoom(ScheduleSnapshot schedule, Reason reason, Instant start, Instant end) {
        for (String room : new TreeSet<>(reason.roomIds())) {
            if (free(schedule.roomBusy().get(room), start, end)) {
                return room;
            }
        }
        return null;
    }

    private static boolean free(List<Interval> busy, Instant start, Instant end) {
        return busy == null || busy.stream().noneMatch(i -> i.overlaps(start, end));
    }

    private static int minuteOfDay(LocalDateTime wall) {
        return wall.getHour() * 60 + wall.getMinute();
    }
}

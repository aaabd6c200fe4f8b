package org.slotbridge.engine.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.engine.ScheduleSnapshot;
import org.slotbridge.engine.SearchRules;

/**
 * One search for the openings of one reason, as of one moment. Built per call and not shared.
 *
 * <p>A candidate is a wall-clock minute of a provider's working window on a date, on the grid
 * counted from the window's start. It becomes an opening at each real instant that shows that
 * minute (none in a spring-forward gap, two in a fall-back overlap) when every instant of the visit,
 * measured in real elapsed time, shows a wall time of that date inside the same working window, and
 * the provider and, when the reason needs one, a room are free throughout.
 */
public final class OpeningSearch {

    /** The order of results: earliest first, then by provider id. */
    public static final Comparator<Opening> ORDER = (a, b) -> {
        int byStart = a.start().compareTo(b.start());
        return byStart != 0 ? byStart : a.providerId().compareTo(b.providerId());
    };

    private final ScheduleSnapshot schedule;
    private final Reason reason;
    private final ZoneId zone;
    private final ZoneRules zoneRules;
    private final long durationSeconds;
    private final int durationMinutes;
    private final int gridMinutes;
    private final LocalDate today;
    private final LocalDate lastDay;
    /** The first whole second at which an opening may start. */
    private final long earliestStart;
    private final List<String> rooms;

    public OpeningSearch(ScheduleSnapshot schedule, Reason reason, Instant now, SearchRules rules) {
        this.schedule = schedule;
        this.reason = reason;
        this.zone = schedule.zone();
        this.zoneRules = zone.getRules();
        this.durationSeconds = reason.duration().getSeconds();
        this.durationMinutes = Math.toIntExact(reason.duration().toMinutes());
        this.gridMinutes = Math.toIntExact(rules.grid().toMinutes());
        this.today = LocalDate.ofInstant(now, zone);
        this.lastDay = today.plusDays(rules.horizonDays());
        this.earliestStart = BusyTimes.ceilSecond(now.plus(rules.minimumNotice()));
        this.rooms = reason.roomIds().stream().sorted().toList();
    }

    /** The openings that suit {@code preferences}, in {@link #ORDER}. */
    public List<Opening> find(Preferences preferences) {
        LocalDate first = preferences.from().isBefore(today) ? today : preferences.from();
        LocalDate last = preferences.to().isAfter(lastDay) ? lastDay : preferences.to();
        List<String> providers = providers(preferences.providerId());
        if (first.isAfter(last) || providers.isEmpty()) {
            return List.of();
        }
        // Busy time outside the searched dates can never matter: offsets stay within 18 hours
        // and a visit within a day.
        long from = (first.toEpochDay() - 1) * 86_400;
        long to = (last.toEpochDay() + 3) * 86_400;
        BusyTimes[] roomBusy = roomBusy(from, to);

        BusyTimes[] providerBusy = new BusyTimes[providers.size()];
        for (int i = 0; i < providerBusy.length; i++) {
            providerBusy[i] = BusyTimes.of(schedule.providerBusy().get(providers.get(i)), from, to);
        }

        List<Opening> found = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (!dayAllowed(date, preferences.days())) {
                continue;
            }
            DayClock clock = DayClock.of(zoneRules, date);
            int dayStart = found.size();
            for (int i = 0; i < providerBusy.length; i++) {
                String provider = providers.get(i);
                for (TimeWindow window : schedule.hours().get(provider).on(date)) {
                    collect(found, provider, clock, window, preferences.times(), providerBusy[i], roomBusy);
                }
            }
            found.subList(dayStart, found.size()).sort(ORDER);
        }
        // Days are sorted one by one, which leaves almost nothing to do here: only a wall clock
        // turned back over midnight puts one date's openings before the previous date's.
        found.sort(ORDER);
        return Collections.unmodifiableList(found);
    }

    /** True when {@link #find} over the opening's own date and provider would list it. */
    public boolean offers(Opening opening) {
        String provider = opening.providerId();
        long start = opening.start().getEpochSecond();
        // The second test also keeps instants far beyond any date out of the conversion below.
        if (!reason.id().equals(opening.reasonId()) || providers(provider).isEmpty()
                || start < earliestStart || start > (lastDay.toEpochDay() + 2) * 86_400) {
            return false;
        }
        LocalDateTime wall = LocalDateTime.ofInstant(opening.start(), zone);
        LocalDate date = wall.toLocalDate();
        if (date.isBefore(today) || date.isAfter(lastDay) || !dayAllowed(date, Set.of())
                || wall.getSecond() != 0 || wall.getNano() != 0) {
            return false;
        }
        int minute = wall.getHour() * 60 + wall.getMinute();
        TimeWindow window = windowOnGrid(schedule.hours().get(provider).on(date), minute);
        if (window == null || !startAllowed(minute, List.of())) {
            return false;
        }
        long end = start + durationSeconds;
        BusyTimes busy = BusyTimes.of(schedule.providerBusy().get(provider), start, end);
        DayClock clock = DayClock.of(zoneRules, date);
        return opening.equals(check(provider, clock, window, start, busy, roomBusy(start, end)));
    }

    private void collect(List<Opening> found, String provider, DayClock clock, TimeWindow window,
                         List<TimeWindow> times, BusyTimes busy, BusyTimes[] roomBusy) {
        for (int minute = window.startMinute(); minute < window.endMinute(); minute += gridMinutes) {
            if (clock.isSteady() && minute + durationMinutes > window.endMinute()) {
                break;
            }
            if (!startAllowed(minute, times)) {
                continue;
            }
            for (long start : clock.instantsAt(minute)) {
                Opening opening = check(provider, clock, window, start, busy, roomBusy);
                if (opening != null) {
                    found.add(opening);
                }
            }
        }
    }

    /**
     * The opening at {@code start} (epoch seconds), a real instant of a grid minute of the window;
     * null when none.
     */
    private Opening check(String provider, DayClock clock, TimeWindow window, long start,
                          BusyTimes busy, BusyTimes[] roomBusy) {
        if (start < earliestStart) {
            return null;
        }
        long end = start + durationSeconds;
        if (!clock.keepsWithin(start, end, window.startMinute(), window.endMinute())
                || !busy.isFree(start, end)) {
            return null;
        }
        String room = null;
        if (!rooms.isEmpty()) {
            room = firstFreeRoom(start, end, roomBusy);
            if (room == null) {
                return null;
            }
        }
        return new Opening(reason.id(), provider, room,
                Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
    }

    private String firstFreeRoom(long start, long end, BusyTimes[] roomBusy) {
        for (int i = 0; i < roomBusy.length; i++) {
            if (roomBusy[i].isFree(start, end)) {
                return rooms.get(i);
            }
        }
        return null;
    }

    /** The busy time of each room the reason may use, in the order of {@link #rooms}. */
    private BusyTimes[] roomBusy(long from, long to) {
        BusyTimes[] result = new BusyTimes[rooms.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = BusyTimes.of(schedule.roomBusy().get(rooms.get(i)), from, to);
        }
        return result;
    }

    /** The providers with working hours whom the reason allows and the client accepts, by id. */
    private List<String> providers(String wanted) {
        Collection<String> candidates = wanted != null ? List.of(wanted) : schedule.hours().keySet();
        return candidates.stream()
                .filter(id -> schedule.hours().containsKey(id) && reason.allowsProvider(id))
                .sorted()
                .toList();
    }

    private boolean dayAllowed(LocalDate date, Set<DayOfWeek> days) {
        return (reason.weekdays().isEmpty() || reason.weekdays().contains(date.getDayOfWeek()))
                && (days.isEmpty() || days.contains(date.getDayOfWeek()));
    }

    private boolean startAllowed(int minute, List<TimeWindow> times) {
        return inAny(reason.windows(), minute) && inAny(times, minute);
    }

    /** True when the list is empty (no limit) or one of its windows holds the minute. */
    private static boolean inAny(List<TimeWindow> windows, int minute) {
        if (windows.isEmpty()) {
            return true;
        }
        for (TimeWindow window : windows) {
            if (minute >= window.startMinute() && minute < window.endMinute()) {
                return true;
            }
        }
        return false;
    }

    /** The working window that holds the minute on its grid, or null. */
    private TimeWindow windowOnGrid(List<TimeWindow> windows, int minute) {
        for (TimeWindow window : windows) {
            if (minute >= window.startMinute() && minute < window.endMinute()) {
                return (minute - window.startMinute()) % gridMinutes == 0 ? window : null;
            }
        }
        return null;
    }
}

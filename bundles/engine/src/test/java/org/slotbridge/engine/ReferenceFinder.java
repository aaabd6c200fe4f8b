package org.slotbridge.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.ClientKind;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Order;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.Timing;
import org.slotbridge.api.WorkingHours;

/**
 * The rule book ({@code docs/openings.md}) written the slow, literal way, to check {@link OpeningFinder}
 * against. It reads the raw configuration, appointments, blockouts and claims, and shares no code
 * with the engine, nor the helpers of the api records ({@code allowsProvider}, {@code admits},
 * {@code on}, {@code contains}, {@code over}): each rule is spelled out here again.
 *
 * <p>For each date it walks every real minute that could show a time of that date (offsets lie
 * within 18 hours of UTC) and reads the practice's clock with java.time. Busy time is checked
 * against the exact instants of the raw lists. It assumes what tzdb holds for every zone since
 * 1990: offsets are whole minutes and clocks change on whole minutes, so reading the clock once
 * a minute sees every instant a visit covers; {@link #checkClockChangesOnWholeMinutes} refuses a
 * visit for which that does not hold.
 */
final class ReferenceFinder {

    /** The codes {@link #plainObstacles} decides; the others depend on how a visit meets busy time and breaks. */
    static final Set<String> PLAIN_CODES = Set.of("closed", "no_hours", "no_such_time", "off_grid", "notice", "horizon",
            "reason_provider", "reason_weekday", "reason_window", "reason_validity", "daily_cap");

    /** Openings by start, then provider id. */
    static final Comparator<Opening> BY_START_THEN_PROVIDER =
            Comparator.comparing(Opening::start).thenComparing(Opening::providerId);

    private final PracticeConfig config;
    private final List<Appointment> appointments;
    private final List<Blockout> blockouts;
    private final Claims claims;
    private final ZoneId zone;
    /** Answers already worked out, by reason, preferences and now: the checks ask for the same day often. */
    private final Map<List<Object>, List<Opening>> answers = new HashMap<>();

    ReferenceFinder(PracticeConfig config, List<Appointment> appointments, List<Blockout> blockouts,
                    Claims claims) {
        this.config = config;
        this.appointments = List.copyOf(appointments);
        this.blockouts = List.copyOf(blockouts);
        this.claims = claims;
        this.zone = config.practice().zone();
    }

    /** The answer of a search: rules 1 to 8. */
    List<Opening> find(String reasonId, Preferences preferences, Instant now) {
        List<Opening> all = new ArrayList<>(uncapped(reasonId, preferences, now));
        // 7. Shown per day, by the date the clock shows at the start.
        Map<LocalDate, List<Opening>> byDate = new TreeMap<>();
        for (Opening opening : all) {
            byDate.computeIfAbsent(wall(opening.start()).toLocalDate(), d -> new ArrayList<>()).add(opening);
        }
        int n = config.rules().shownPerDay();
        Map<LocalDate, List<Opening>> shown = new TreeMap<>();
        byDate.forEach((date, openings) -> {
            openings.sort(BY_START_THEN_PROVIDER);
            int k = openings.size();
            if (k <= n) {
                shown.put(date, openings);
            } else {
                List<Opening> picked = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    picked.add(openings.get((int) ((long) i * k / n)));
                }
                shown.put(date, picked);
            }
        });
        // 8. Order and page.
        List<Opening> ordered = new ArrayList<>();
        if (preferences.order() == Order.SPREAD) {
            for (int position = 0; ; position++) {
                boolean any = false;
                for (List<Opening> ofDate : shown.values()) {
                    if (position < ofDate.size()) {
                        ordered.add(ofDate.get(position));
                        any = true;
                    }
                }
                if (!any) {
                    break;
                }
            }
        } else {
            shown.values().forEach(ordered::addAll);
            ordered.sort(BY_START_THEN_PROVIDER);
        }
        List<Opening> page = new ArrayList<>();
        for (int i = preferences.offset(); i < ordered.size(); i++) {
            if (preferences.limit() > 0 && page.size() == preferences.limit()) {
                break;
            }
            page.add(ordered.get(i));
        }
        return page;
    }

    /**
     * What a hold is checked against: the search of the opening's own date for its provider, without the cap on
     * how many are shown (the daily cap on online bookings still applies). False for a reason the practice does
     * not have.
     */
    boolean offers(Opening opening, Instant now) {
        if (config.reasons().stream().noneMatch(r -> r.id().equals(opening.reasonId()))) {
            return false;
        }
        LocalDate date = wall(opening.start()).toLocalDate();
        Preferences thatDay = new Preferences(date, date, Set.of(), List.of(), opening.providerId());
        return uncapped(opening.reasonId(), thatDay, now).contains(opening);
    }

    /** The opening {@code explain} should report for this start, or null when none is offered. */
    Opening openingAt(String reasonId, String providerId, Instant start, Instant now) {
        LocalDate date = wall(start).toLocalDate();
        Preferences thatDay = new Preferences(date, date, Set.of(), List.of(), providerId);
        return uncapped(reasonId, thatDay, now).stream().filter(o -> o.start().equals(start)).findFirst()
                .orElse(null);
    }

    /**
     * The obstacles of the staff's "why not" table that follow from the date, the provider and the time
     * of day of a start alone, each named exactly when its rule is broken. The time-of-day codes
     * ({@code reason_window}, {@code off_grid}) are judged for starts on a whole minute only, and left out
     * of the answer for others (then {@code no_such_time} applies).
     */
    Set<String> plainObstacles(String reasonId, String providerId, Instant start, Instant now) {
        Reason reason = reason(reasonId);
        Timing timing = timingOf(reason);
        LocalDateTime wall = wall(start);
        LocalDate date = wall.toLocalDate();
        LocalDate today = wall(now).toLocalDate();
        boolean whole = wall.getSecond() == 0 && wall.getNano() == 0;
        int m = minuteOfDay(wall);
        Set<String> codes = new TreeSet<>();
        if (config.rules().closedDates().contains(date)) {
            codes.add("closed");
        }
        List<TimeWindow> windows = windowsOf(providerId, date);
        if (windows.isEmpty()) {
            codes.add("no_hours");
        }
        if (!whole) {
            codes.add("no_such_time");
        }
        if (whole && windows.stream().anyMatch(w -> inWindow(w, m) && !isCandidate(w, m, timing))) {
            codes.add("off_grid");
        }
        if (start.isBefore(now.plus(timing.minimumNotice()))) {
            codes.add("notice");
        }
        if (date.isBefore(today) || date.isAfter(today.plusDays(timing.horizonDays()))) {
            codes.add("horizon");
        }
        if (!allows(reason, providerId)) {
            codes.add("reason_provider");
        }
        if (!reason.weekdays().isEmpty() && !reason.weekdays().contains(date.getDayOfWeek())) {
            codes.add("reason_weekday");
        }
        if (whole && !anyHolds(reason.windows(), m)) {
            codes.add("reason_window");
        }
        if (reason.rules().validFrom() != null && date.isBefore(reason.rules().validFrom())
                || reason.rules().validUntil() != null && date.isAfter(reason.rules().validUntil())) {
            codes.add("reason_validity");
        }
        if (timing.dailyCap() > 0 && bookedOn(providerId, date) >= timing.dailyCap()) {
            codes.add("daily_cap");
        }
        return codes;
    }

    /** Rules 1 to 6: every opening that suits the preferences, by start then provider, before rules 7 and 8. */
    List<Opening> uncapped(String reasonId, Preferences preferences, Instant now) {
        List<Object> question = List.of(reasonId, preferences, now);
        List<Opening> known = answers.get(question);
        if (known == null) {
            known = List.copyOf(search(reasonId, preferences, now));
            answers.put(question, known);
        }
        return known;
    }

    private List<Opening> search(String reasonId, Preferences preferences, Instant now) {
        Reason reason = reason(reasonId);
        Timing timing = timingOf(reason);
        List<Opening> result = new ArrayList<>();
        // 1. Who.
        if (!admits(reason.rules().audience(), preferences.client())) {
            return result;
        }
        List<String> providers = new ArrayList<>();
        for (WorkingHours h : config.hours()) {
            if (allows(reason, h.providerId())
                    && (preferences.providerId() == null || preferences.providerId().equals(h.providerId()))) {
                providers.add(h.providerId());
            }
        }
        providers.sort(Comparator.naturalOrder());
        // 2. Dates.
        LocalDate today = wall(now).toLocalDate();
        for (LocalDate date = preferences.from(); !date.isAfter(preferences.to()); date = date.plusDays(1)) {
            if (date.isBefore(today) || date.isAfter(today.plusDays(timing.horizonDays()))
                    || config.rules().closedDates().contains(date)
                    || !reason.weekdays().isEmpty() && !reason.weekdays().contains(date.getDayOfWeek())
                    || !preferences.days().isEmpty() && !preferences.days().contains(date.getDayOfWeek())
                    || reason.rules().validFrom() != null && date.isBefore(reason.rules().validFrom())
                    || reason.rules().validUntil() != null && date.isAfter(reason.rules().validUntil())) {
                continue;
            }
            List<Minute> minutes = minutesOf(date);
            for (String provider : providers) {
                // 3. Cap.
                if (timing.dailyCap() > 0 && bookedOn(provider, date) >= timing.dailyCap()) {
                    continue;
                }
                // 4. Candidates, 5. instants, 6. checks.
                for (TimeWindow window : windowsOf(provider, date)) {
                    for (int i = 0; i < minutes.size(); i++) {
                        Minute start = minutes.get(i);
                        int m = minuteOfDay(start.wall);
                        if (!start.wall.toLocalDate().equals(date) || start.wall.getSecond() != 0
                                || !inWindow(window, m) || !isCandidate(window, m, timing)
                                || !anyHolds(reason.windows(), m) || !anyHolds(preferences.times(), m)) {
                            continue;
                        }
                        Opening opening = check(reason, timing, provider, date, window, minutes, i, now);
                        if (opening != null) {
                            result.add(opening);
                        }
                    }
                }
            }
        }
        result.sort(BY_START_THEN_PROVIDER);
        return result;
    }

    /** Rule 6 for the start {@code minutes.get(i)}: the opening, or null when a check fails. */
    private Opening check(Reason reason, Timing timing, String provider, LocalDate date, TimeWindow window,
                          List<Minute> minutes, int i, Instant now) {
        Instant s = minutes.get(i).instant;
        Instant e = s.plus(reason.duration());
        if (s.isBefore(now.plus(timing.minimumNotice()))) {
            return null;
        }
        checkClockChangesOnWholeMinutes(s, e);
        // Every minute of [s, e) shows the date, inside the window; the walk covers every minute of the date.
        long visitMinutes = reason.duration().toMinutes();
        for (int j = 0; j < visitMinutes; j++) {
            if (i + j >= minutes.size()) {
                return null;
            }
            LocalDateTime wall = minutes.get(i + j).wall;
            if (!wall.toLocalDate().equals(date) || !inWindow(window, minuteOfDay(wall))) {
                return null;
            }
        }
        // The provider: each X unit of the pattern (the whole visit without one) and both buffers.
        List<Instant[]> needed = new ArrayList<>();
        String pattern = reason.rules().pattern();
        if (pattern == null) {
            needed.add(new Instant[] {s, e});
        } else {
            Duration unit = Duration.ofMinutes(config.rules().unitMinutes());
            for (int u = 0; u < pattern.length(); u++) {
                if (pattern.charAt(u) == 'X') {
                    needed.add(new Instant[] {s.plus(unit.multipliedBy(u)), s.plus(unit.multipliedBy(u + 1L))});
                }
            }
        }
        needed.add(new Instant[] {s.minus(timing.bufferBefore()), s});
        needed.add(new Instant[] {e, e.plus(timing.bufferAfter())});
        for (Instant[] span : needed) {
            if (providerBusy(provider, reason, span[0], span[1])) {
                return null;
            }
        }
        // The room: the lowest free id over the visit and both buffers.
        String room = null;
        if (!reason.roomIds().isEmpty()) {
            Instant from = s.minus(timing.bufferBefore());
            Instant to = e.plus(timing.bufferAfter());
            for (String candidate : new TreeSet<>(reason.roomIds())) {
                if (!roomBusy(candidate, from, to)) {
                    room = candidate;
                    break;
                }
            }
            if (room == null) {
                return null;
            }
        }
        return new Opening(reason.id(), provider, room, s, e);
    }

    private boolean providerBusy(String provider, Reason reason, Instant from, Instant to) {
        for (Appointment a : appointments) {
            if (a.status() != AppointmentStatus.CANCELLED && provider.equals(a.providerId())
                    && shareTime(a.start(), a.end(), from, to)) {
                return true;
            }
        }
        for (Opening hold : claims.held()) {
            if (provider.equals(hold.providerId()) && shareTime(hold.start(), hold.end(), from, to)) {
                return true;
            }
        }
        for (Blockout b : blockouts) {
            boolean names = b.providerId() == null || provider.equals(b.providerId());
            boolean reserved = b.type() != null && reason.rules().blockoutTypes().contains(b.type());
            if (names && !reserved && shareTime(b.start(), b.end(), from, to)) {
                return true;
            }
        }
        return false;
    }

    private boolean roomBusy(String room, Instant from, Instant to) {
        for (Appointment a : appointments) {
            if (a.status() != AppointmentStatus.CANCELLED && room.equals(a.roomId())
                    && shareTime(a.start(), a.end(), from, to)) {
                return true;
            }
        }
        for (Opening hold : claims.held()) {
            if (room.equals(hold.roomId()) && shareTime(hold.start(), hold.end(), from, to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two spans share time when each starts before the other ends. A span of no time (a buffer of 0)
     * needs nothing, so it shares time with nothing.
     */
    private static boolean shareTime(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        if (!aStart.isBefore(aEnd) || !bStart.isBefore(bEnd)) {
            return false;
        }
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    private long bookedOn(String provider, LocalDate date) {
        return claims.booked().stream()
                .filter(o -> provider.equals(o.providerId()) && wall(o.start()).toLocalDate().equals(date))
                .count();
    }

    private List<TimeWindow> windowsOf(String provider, LocalDate date) {
        for (WorkingHours h : config.hours()) {
            if (h.providerId().equals(provider)) {
                if (h.exceptions().containsKey(date)) {
                    return h.exceptions().get(date);
                }
                return h.weekly().getOrDefault(date.getDayOfWeek(), List.of());
            }
        }
        return List.of();
    }

    private static boolean isCandidate(TimeWindow window, int m, Timing timing) {
        int a = startMinute(window);
        if (!timing.starts().isEmpty()) {
            for (LocalTime fixed : timing.starts()) {
                if (fixed.getHour() * 60 + fixed.getMinute() == m) {
                    return true;
                }
            }
            return false;
        }
        long grid = timing.grid().toMinutes();
        return m >= a && (m - a) % grid == 0;
    }

    /** True when no windows are given, or one of them holds {@code m}. */
    private static boolean anyHolds(List<TimeWindow> windows, int m) {
        return windows.isEmpty() || windows.stream().anyMatch(w -> inWindow(w, m));
    }

    /** A window holds {@code m} when start <= m < end; an end of 00:00 is the end of the day. */
    private static boolean inWindow(TimeWindow window, int m) {
        return startMinute(window) <= m && m < endMinute(window);
    }

    private static int startMinute(TimeWindow window) {
        return window.start().getHour() * 60 + window.start().getMinute();
    }

    private static int endMinute(TimeWindow window) {
        int end = window.end().getHour() * 60 + window.end().getMinute();
        return end == 0 ? 24 * 60 : end;
    }

    private static int minuteOfDay(LocalDateTime wall) {
        return wall.getHour() * 60 + wall.getMinute();
    }

    /** Every whole UTC minute that could show a time of {@code date}, in order, with what the clock shows then. */
    private List<Minute> minutesOf(LocalDate date) {
        Instant first = date.atStartOfDay().toInstant(ZoneOffset.ofHours(18));
        Instant last = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.ofHours(-18));
        List<Minute> minutes = new ArrayList<>();
        for (Instant t = first; t.isBefore(last); t = t.plusSeconds(60)) {
            minutes.add(new Minute(t, wall(t)));
        }
        return minutes;
    }

    private void checkClockChangesOnWholeMinutes(Instant s, Instant e) {
        ZoneOffsetTransition change = zone.getRules().nextTransition(s);
        for (; change != null && change.getInstant().isBefore(e);
                change = zone.getRules().nextTransition(change.getInstant())) {
            if (change.getInstant().getEpochSecond() % 60 != 0 || change.getOffsetAfter().getTotalSeconds() % 60 != 0) {
                throw new IllegalStateException("the reference reads the clock once a minute, but " + zone
                        + " changes at " + change);
            }
        }
    }

    private LocalDateTime wall(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    private Reason reason(String reasonId) {
        for (Reason reason : config.reasons()) {
            if (reason.id().equals(reasonId)) {
                return reason;
            }
        }
        throw new NotFoundException("reason", reasonId);
    }

    /** Each field of the reason's timing, or the practice's where the reason leaves it unset. */
    private Timing timingOf(Reason reason) {
        Timing own = reason.rules().timing();
        Timing base = config.rules().timing();
        return new Timing(own.grid() != null ? own.grid() : base.grid(),
                own.starts() != null ? own.starts() : base.starts(),
                own.bufferBefore() != null ? own.bufferBefore() : base.bufferBefore(),
                own.bufferAfter() != null ? own.bufferAfter() : base.bufferAfter(),
                own.minimumNotice() != null ? own.minimumNotice() : base.minimumNotice(),
                own.horizonDays() != null ? own.horizonDays() : base.horizonDays(),
                own.dailyCap() != null ? own.dailyCap() : base.dailyCap());
    }

    /** Listed, in the reason's group, or anyone when the reason names neither. */
    private boolean allows(Reason reason, String provider) {
        String group = reason.rules().providerGroup();
        if (reason.providerIds().isEmpty() && group == null) {
            return true;
        }
        if (reason.providerIds().contains(provider)) {
            return true;
        }
        return group != null && config.rules().providerGroups().getOrDefault(group, Set.of()).contains(provider);
    }

    /** An audience admits anyone when the client has not said whether they are new. */
    private static boolean admits(Audience audience, ClientKind client) {
        switch (audience) {
            case NEW_CLIENTS:
                return client != ClientKind.EXISTING;
            case EXISTING_CLIENTS:
                return client != ClientKind.NEW;
            default:
                return true;
        }
    }

    /** One real minute and what the practice's clock shows then. */
    private record Minute(Instant instant, LocalDateTime wall) {
    }
}

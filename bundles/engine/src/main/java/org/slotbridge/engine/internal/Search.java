package org.slotbridge.engine.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slotbridge.api.Opening;
import org.slotbridge.api.Order;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.engine.Claims;

/**
 * One search for the openings of one reason (docs/openings.md, "The search"). Built per call.
 *
 * <p>It copies the busy time it needs under the index's read lock, adds the holds, and then walks
 * dates, providers, working windows and candidate minutes without a lock. An accepted start is
 * kept as one {@code long} (see {@link #key}) until the page is known, so that only the openings
 * returned become objects.
 */
public final class Search {

    private static final long SECONDS_PER_DAY = 86_400;
    /** Keys hold the room in bits 0-18, the provider in bits 19-37 and the start in the rest. */
    private static final int PROVIDER_SHIFT = 19;
    private static final int START_SHIFT = 38;
    private static final int MAX_RESOURCES = (1 << PROVIDER_SHIFT) - 2;

    private final SearchPlan plan;
    private final Preferences preferences;
    private final List<String> providers;
    private final LocalDate first;
    private final LocalDate last;
    private final boolean[] startMinutes;
    /** The first second at which an opening may start. */
    private final long earliest;
    /** The second keys count from: the UTC start of the day before the first date, before any start. */
    private final long keyBase;
    private final int unitSeconds;
    private final int[] providerRuns;

    private LocalBusy busy;
    private long busyBaseSecond;
    private RoomPicker rooms;
    private int[][] booked;
    private final Keys day = new Keys();
    private final Keys shown = new Keys();
    /** Where each searched date's openings end in {@link #shown}. */
    private final List<Integer> dateEnds = new ArrayList<>();

    private Search(SearchPlan plan, Preferences preferences, Instant now) {
        this.plan = plan;
        this.preferences = preferences;
        this.providers = plan.providers(preferences.providerId());
        LocalDate today = LocalDate.ofInstant(now, plan.zone());
        LocalDate lastDay = today.plusDays(plan.horizonDays());
        this.first = preferences.from().isBefore(today) ? today : preferences.from();
        this.last = preferences.to().isAfter(lastDay) ? lastDay : preferences.to();
        this.startMinutes = plan.startMinutes(preferences.times());
        this.earliest = ceilSecond(now.plus(plan.minimumNotice()));
        this.keyBase = (first.toEpochDay() - 1) * SECONDS_PER_DAY;
        this.unitSeconds = plan.unitSeconds();
        this.providerRuns = plan.providerRuns();
        if (providers.size() > MAX_RESOURCES || plan.rooms().size() > MAX_RESOURCES) {
            throw new IllegalArgumentException("a search handles at most " + MAX_RESOURCES + " providers and rooms");
        }
    }

    /**
     * The openings of the plan's reason that suit the preferences, at most the practice's number per
     * date, in the order and page asked for.
     *
     * @throws IllegalArgumentException when the index does not cover the dates searched, from the
     *                                  day before the first to the day after the last, with buffers
     */
    public static List<Opening> find(SearchPlan plan, BusyIndex index, Claims claims, Preferences preferences,
                                     Instant now) {
        if (!plan.reason().rules().audience().admits(preferences.client())) {
            return List.of();
        }
        return new Search(plan, preferences, now).run(index, claims);
    }

    private List<Opening> run(BusyIndex index, Claims claims) {
        if (first.isAfter(last) || providers.isEmpty()) {
            return List.of();
        }
        copyBusy(index, claims.held());
        if (plan.dailyCap() > 0) {
            booked = countBooked(claims.booked());
        }
        long wanted = preferences.limit() == 0 || preferences.order() != Order.EARLIEST
                ? Long.MAX_VALUE : (long) preferences.offset() + preferences.limit();
        ZoneRules zoneRules = plan.zoneRules();
        boolean lastDate = false;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (plan.dateAllowed(date)
                    && (preferences.days().isEmpty() || preferences.days().contains(date.getDayOfWeek()))) {
                searchDate(date, DayClock.of(zoneRules, date));
                ShownOpenings.pick(day, plan.config().rules().shownPerDay(), shown);
                dateEnds.add(shown.size());
            }
            // A clock turned back over midnight can put the next date's openings before this one's,
            // so an early page is complete only once one more date has been searched.
            if (lastDate) {
                break;
            }
            lastDate = shown.size() >= wanted;
        }
        long[] page = ShownOpenings.page(shown, dateEnds, preferences.order(), preferences.offset(),
                preferences.limit());
        List<Opening> result = new ArrayList<>(page.length);
        for (long key : page) {
            result.add(opening(key));
        }
        return result;
    }

    /**
     * Copies the busy time of the span the search reads: every instant that shows a searched date
     * lies within a day of it (offsets stay within 18 hours of UTC), and the buffers reach further.
     */
    private void copyBusy(BusyIndex index, List<Opening> held) {
        long spanFrom = keyBase - (long) plan.bufferBeforeUnits() * unitSeconds;
        long spanTo = (last.toEpochDay() + 2) * SECONDS_PER_DAY + (long) plan.bufferAfterUnits() * unitSeconds;
        if (spanTo - spanFrom > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the search with its buffers spans more than " + Integer.MAX_VALUE
                    + " seconds");
        }
        if (!index.covers(spanFrom, spanTo)) {
            throw new IllegalArgumentException("the index covers " + index.from() + " to " + index.to()
                    + ", but the search needs " + Instant.ofEpochSecond(spanFrom) + " to "
                    + Instant.ofEpochSecond(spanTo));
        }
        busy = index.copy(providers, plan.rooms(), plan.usableTypes(), index.floorUnit(spanFrom),
                index.ceilUnit(spanTo));
        busyBaseSecond = busy.baseUnit() * unitSeconds;
        Map<String, Integer> providerIndex = indexOf(providers);
        Map<String, Integer> roomIndex = indexOf(plan.rooms());
        for (Opening hold : held) {
            long from = index.floorUnit(hold.start().getEpochSecond());
            long to = index.ceilUnit(ceilSecond(hold.end()));
            Integer p = providerIndex.get(hold.providerId());
            if (p != null) {
                busy.holdProvider(p, from, to);
            }
            Integer r = hold.roomId() == null ? null : roomIndex.get(hold.roomId());
            if (r != null) {
                busy.holdRoom(r, from, to);
            }
        }
        if (!plan.rooms().isEmpty()) {
            // A date's starts lie within a day of it, so three days of units hold them all.
            rooms = new RoomPicker(busy, -plan.bufferBeforeUnits(), plan.durationUnits() + plan.bufferAfterUnits(),
                    (int) (3 * SECONDS_PER_DAY / unitSeconds) + 1);
        }
    }

    /** Online bookings per provider (by index) and date (days from {@link #first}). */
    private int[][] countBooked(List<Opening> bookings) {
        Map<String, Integer> providerIndex = indexOf(providers);
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        int[][] counts = new int[providers.size()][days];
        for (Opening opening : bookings) {
            Integer p = providerIndex.get(opening.providerId());
            if (p != null) {
                long d = ChronoUnit.DAYS.between(first, LocalDate.ofInstant(opening.start(), plan.zone()));
                if (d >= 0 && d < days) {
                    counts[p][(int) d]++;
                }
            }
        }
        return counts;
    }

    private void searchDate(LocalDate date, DayClock clock) {
        int dayIndex = (int) ChronoUnit.DAYS.between(first, date);
        if (rooms != null) {
            rooms.startDate((int) (((date.toEpochDay() - 1) * SECONDS_PER_DAY - busyBaseSecond) / unitSeconds));
        }
        for (int p = 0; p < providers.size(); p++) {
            if (booked != null && booked[p][dayIndex] >= plan.dailyCap()) {
                continue;
            }
            for (TimeWindow window : plan.windows(providers.get(p), date)) {
                if (clock.isSteady()) {
                    steadyWindow(p, clock, window.startMinute(), window.endMinute());
                } else {
                    changingWindow(p, clock, window.startMinute(), window.endMinute());
                }
            }
        }
    }

    /** One offset all day: the visit stays in the window exactly when it ends by the window's end on the clock. */
    private void steadyWindow(int p, DayClock clock, int from, int until) {
        int duration = plan.durationMinutes();
        for (int m = plan.firstStart(from); m < until && m + duration <= until; m = plan.nextStart(m)) {
            if (startMinutes[m]) {
                long start = clock.steadyInstantAt(m);
                if (start >= earliest) {
                    tryStart(p, start);
                }
            }
        }
    }

    /** An offset changes near the date: a minute may show never, once or twice, and a visit may leave the window. */
    private void changingWindow(int p, DayClock clock, int from, int until) {
        long duration = plan.durationSeconds();
        long[] instants = new long[clock.stretches()];
        for (int m = plan.firstStart(from); m < until; m = plan.nextStart(m)) {
            if (startMinutes[m]) {
                int count = clock.instantsAt(m, instants);
                for (int i = 0; i < count; i++) {
                    long start = instants[i];
                    if (start >= earliest && clock.keepsWithin(start, start + duration, from, until)) {
                        tryStart(p, start);
                    }
                }
            }
        }
    }

    /** Keeps the start when the provider is free for it and, when the reason needs one, a room is. */
    private void tryStart(int p, long start) {
        // The search spans less than 2^31 seconds, and int division is the cheaper.
        int offset = (int) (start - busyBaseSecond);
        int unit = offset / unitSeconds;
        // A start off the units (only under a pre-1990 offset) reaches into one more unit at the end.
        int extra = offset == unit * unitSeconds ? 0 : 1;
        for (int i = 0; i < providerRuns.length; i += 2) {
            if (!busy.providerFree(p, unit + providerRuns[i], unit + providerRuns[i + 1] + extra)) {
                return;
            }
        }
        int room = rooms == null ? -1 : rooms.room(unit, extra);
        if (rooms == null || room >= 0) {
            day.add(key(start, p, room));
        }
    }

    /** Start, provider and room in one long that sorts by start, then provider. */
    private long key(long start, int provider, int room) {
        return (start - keyBase) << START_SHIFT | (long) provider << PROVIDER_SHIFT | (room + 1);
    }

    private Opening opening(long key) {
        long start = keyBase + (key >>> START_SHIFT);
        int provider = (int) (key >>> PROVIDER_SHIFT) & ((1 << (START_SHIFT - PROVIDER_SHIFT)) - 1);
        int room = (int) (key & ((1 << PROVIDER_SHIFT) - 1)) - 1;
        return new Opening(plan.reason().id(), providers.get(provider), room < 0 ? null : plan.rooms().get(room),
                Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + plan.durationSeconds()));
    }

    private static Map<String, Integer> indexOf(List<String> ids) {
        Map<String, Integer> result = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            result.put(ids.get(i), i);
        }
        return result;
    }

    /** The first whole second at or after the instant. */
    static long ceilSecond(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }
}

package org.slotbridge.engine;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assertions;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.Timing;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.engine.Fixtures.ReasonSpec;

/**
 * A small practice written by hand for the examples: its configuration, schedule copy and claims,
 * answered about by both the engine ({@link #schedule()}) and the reference ({@link #reference()}).
 * Times are written with their offset ({@code 2026-06-15T08:00-04:00}) so that each example states the
 * instant it expects.
 */
final class ReferencePractice {

    static final Set<DayOfWeek> WEEKDAYS = Fixtures.WEEKDAYS;
    static final Set<DayOfWeek> EVERY_DAY = Fixtures.EVERY_DAY;
    /**
     * With {@code -Dslotbridge.engine.referenceOnly=true} the examples check the reference alone, as when
     * the reference itself is being changed.
     */
    static final boolean REFERENCE_ONLY = Boolean.getBoolean("slotbridge.engine.referenceOnly");

    private final ZoneId zone;
    private final LocalDate around;
    private int unit = 5;
    private Timing timing = Timing.DEFAULT;
    private final Set<LocalDate> closed = new TreeSet<>();
    private final Map<String, Set<String>> groups = new HashMap<>();
    private int shownPerDay = 100;
    private final Map<String, Map<DayOfWeek, List<TimeWindow>>> weekly = new LinkedHashMap<>();
    private final Map<String, Map<LocalDate, List<TimeWindow>>> exceptions = new LinkedHashMap<>();
    private final List<String> providersWithoutHours = new ArrayList<>();
    private final List<String> rooms = new ArrayList<>();
    private final List<Reason> reasons = new ArrayList<>();
    private final List<Appointment> appointments = new ArrayList<>();
    private final List<Blockout> blockouts = new ArrayList<>();
    private final List<Opening> held = new ArrayList<>();
    private final List<Opening> booked = new ArrayList<>();

    /**
     * @param zone   the practice's zone
     * @param around a date of the example: the engine's index covers from 30 days before to 400 after
     */
    ReferencePractice(String zone, LocalDate around) {
        this.zone = ZoneId.of(zone);
        this.around = around;
    }

    /** An instant written with its offset, e.g. {@code 2026-06-15T08:00-04:00}. */
    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static List<Instant> instants(String... offsetDateTimes) {
        return Arrays.stream(offsetDateTimes).map(ReferencePractice::at).toList();
    }

    static List<TimeWindow> windows(String... texts) {
        return Fixtures.windows(texts);
    }

    /** A reason named "Reason" and its id, as the examples write it. */
    static ReasonSpec reason(String id, int minutes) {
        return new ReasonSpec(id, "Reason " + id, minutes);
    }

    ReferencePractice unit(int minutes) {
        unit = minutes;
        return this;
    }

    ReferencePractice timing(Timing practiceTiming) {
        timing = practiceTiming;
        return this;
    }

    /** The default timing with the grid and notice given, so that examples say what they rely on. */
    ReferencePractice grid(int gridMinutes, Duration notice) {
        timing = new Timing(Duration.ofMinutes(gridMinutes), List.of(), Duration.ZERO, Duration.ZERO, notice, 180, 0);
        return this;
    }

    ReferencePractice closed(LocalDate date) {
        closed.add(date);
        return this;
    }

    ReferencePractice group(String name, String... members) {
        groups.put(name, Set.of(members));
        return this;
    }

    ReferencePractice shownPerDay(int n) {
        shownPerDay = n;
        return this;
    }

    ReferencePractice hours(String provider, Set<DayOfWeek> days, String... windowTexts) {
        Map<DayOfWeek, List<TimeWindow>> week = weekly.computeIfAbsent(provider, p -> new HashMap<>());
        days.forEach(day -> week.put(day, windows(windowTexts)));
        exceptions.computeIfAbsent(provider, p -> new HashMap<>());
        return this;
    }

    /** Replaces the provider's windows on one date; no windows makes it a day off. */
    ReferencePractice exception(String provider, LocalDate date, String... windowTexts) {
        weekly.computeIfAbsent(provider, p -> new HashMap<>());
        exceptions.computeIfAbsent(provider, p -> new HashMap<>()).put(date, windows(windowTexts));
        return this;
    }

    ReferencePractice providerWithoutHours(String provider) {
        providersWithoutHours.add(provider);
        return this;
    }

    ReferencePractice rooms(String... ids) {
        rooms.addAll(List.of(ids));
        return this;
    }

    ReferencePractice reason(ReasonSpec spec) {
        reasons.add(spec.build());
        return this;
    }

    ReferencePractice appointment(String provider, String room, String start, String end) {
        return appointment(provider, room, start, end, AppointmentStatus.BOOKED);
    }

    ReferencePractice appointment(String provider, String room, String start, String end, AppointmentStatus status) {
        appointments.add(new Appointment("a" + (appointments.size() + 1), provider, room, at(start), at(end), null,
                status, null));
        return this;
    }

    ReferencePractice blockout(String provider, String type, String start, String end) {
        blockouts.add(new Blockout("b" + (blockouts.size() + 1), provider, at(start), at(end), type));
        return this;
    }

    ReferencePractice held(String reasonId, String provider, String room, String start, String end) {
        held.add(new Opening(reasonId, provider, room, at(start), at(end)));
        return this;
    }

    ReferencePractice booked(String reasonId, String provider, String start, String end) {
        booked.add(new Opening(reasonId, provider, null, at(start), at(end)));
        return this;
    }

    PracticeConfig config() {
        Set<String> providerIds = new TreeSet<>(weekly.keySet());
        providerIds.addAll(providersWithoutHours);
        groups.values().forEach(providerIds::addAll);
        List<WorkingHours> hours = new ArrayList<>();
        weekly.forEach((provider, week) -> hours.add(new WorkingHours(provider, week, exceptions.get(provider))));
        PracticeRules rules = new PracticeRules(unit, timing, closed, groups, shownPerDay);
        Practice practice = new Practice("example", "Example practice", zone, null, null, NewClientPolicy.WELCOME,
                true);
        return new PracticeConfig(practice, rules,
                providerIds.stream().map(id -> new Provider(id, "Dr " + id)).toList(),
                rooms.stream().map(id -> new Room(id, "Room " + id)).toList(), hours, reasons, List.of());
    }

    /** The engine's view, with an index holding the appointments and blockouts. */
    Schedule schedule() {
        ScheduleIndex index = new ScheduleIndex(unit, around.minusDays(30).atStartOfDay(zone).toInstant(),
                around.plusDays(400).atStartOfDay(zone).toInstant());
        appointments.forEach(index::add);
        blockouts.forEach(index::add);
        return new Schedule(config(), index, new Claims(held, booked));
    }

    ReferenceFinder reference() {
        return new ReferenceFinder(config(), appointments, blockouts, new Claims(held, booked));
    }

    /** Preferences of any client for the dates from {@code from} to {@code to}, earliest first. */
    static Preferences dates(LocalDate from, LocalDate to) {
        return Fixtures.dates(from, to);
    }

    /** Asserts that the reference and the engine both find exactly these starts, in this order. */
    void assertStarts(List<Instant> expected, String reasonId, Preferences preferences, Instant now) {
        Assertions.assertAll(
                () -> Assertions.assertEquals(expected, starts(reference().find(reasonId, preferences, now)),
                        "the reference"),
                () -> {
                    if (!REFERENCE_ONLY) {
                        Assertions.assertEquals(expected,
                                starts(new OpeningFinder().find(schedule(), reasonId, preferences, now)), "the engine");
                    }
                });
    }

    /** Asserts that the reference and the engine both find exactly these openings, in this order. */
    void assertFinds(List<Opening> expected, String reasonId, Preferences preferences, Instant now) {
        Assertions.assertAll(
                () -> Assertions.assertEquals(expected, reference().find(reasonId, preferences, now), "the reference"),
                () -> {
                    if (!REFERENCE_ONLY) {
                        Assertions.assertEquals(expected,
                                new OpeningFinder().find(schedule(), reasonId, preferences, now), "the engine");
                    }
                });
    }

    /** Asserts that the reference and the engine both offer, or both refuse, this opening. */
    void assertOffers(boolean expected, Opening opening, Instant now) {
        Assertions.assertAll(
                () -> Assertions.assertEquals(expected, reference().offers(opening, now), "the reference"),
                () -> {
                    if (!REFERENCE_ONLY) {
                        Assertions.assertEquals(expected, new OpeningFinder().offers(schedule(), opening, now),
                                "the engine");
                    }
                });
    }

    static List<Instant> starts(List<Opening> openings) {
        return Fixtures.starts(openings);
    }
}

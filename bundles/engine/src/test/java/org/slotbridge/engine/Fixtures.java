package org.slotbridge.engine;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.ReasonRules;
import org.slotbridge.api.Room;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.Timing;
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

    /** A reason called "checkup" of so many minutes, to be refined. */
    static ReasonSpec checkup(int minutes) {
        return reason("checkup", minutes);
    }

    /** A reason named by its id. */
    static ReasonSpec reason(String id, int minutes) {
        return new ReasonSpec(id, id, minutes);
    }

    static Opening opening(String reason, String provider, String room, String start, String end) {
        return new Opening(reason, provider, room, Instant.parse(start), Instant.parse(end));
    }

    static Preferences dates(LocalDate from, LocalDate to) {
        return new Preferences(from, to, Set.of(), List.of(), null);
    }

    static Preferences day(LocalDate date) {
        return dates(date, date);
    }

    static Instant at(String text) {
        return Instant.parse(text);
    }

    static List<Instant> instants(String... texts) {
        return Arrays.stream(texts).map(Instant::parse).toList();
    }

    static List<Instant> starts(List<Opening> openings) {
        return openings.stream().map(Opening::start).toList();
    }

    static Appointment appointment(String id, String provider, String room, String start, String end) {
        return new Appointment(id, provider, room, Instant.parse(start), Instant.parse(end), null,
                AppointmentStatus.BOOKED, null);
    }

    /** A reason being put together. */
    static final class ReasonSpec {
        private final String id;
        private final String name;
        private final int minutes;
        private Set<String> providers = Set.of();
        private Set<String> rooms = Set.of();
        private Set<DayOfWeek> weekdays = Set.of();
        private List<TimeWindow> windows = List.of();
        private String group;
        private LocalDate validFrom;
        private LocalDate validUntil;
        private Audience audience = Audience.ANYONE;
        private Set<String> blockoutTypes = Set.of();
        private String pattern;
        private Timing timing = Timing.INHERIT;

        ReasonSpec(String id, String name, int minutes) {
            this.id = id;
            this.name = name;
            this.minutes = minutes;
        }

        ReasonSpec providers(String... ids) {
            providers = Set.of(ids);
            return this;
        }

        ReasonSpec rooms(String... ids) {
            rooms = Set.of(ids);
            return this;
        }

        ReasonSpec weekdays(DayOfWeek... days) {
            weekdays = Set.of(days);
            return this;
        }

        ReasonSpec windows(String... texts) {
            windows = Fixtures.windows(texts);
            return this;
        }

        ReasonSpec group(String name) {
            group = name;
            return this;
        }

        ReasonSpec valid(LocalDate from, LocalDate until) {
            validFrom = from;
            validUntil = until;
            return this;
        }

        ReasonSpec audience(Audience value) {
            audience = value;
            return this;
        }

        ReasonSpec blockoutTypes(String... types) {
            blockoutTypes = Set.of(types);
            return this;
        }

        ReasonSpec pattern(String value) {
            pattern = value;
            return this;
        }

        ReasonSpec timing(Timing value) {
            timing = value;
            return this;
        }

        /** Fixed start times for this reason only. */
        ReasonSpec starts(String... times) {
            timing = new Timing(null, Arrays.stream(times).map(LocalTime::parse).toList(), null, null, null, null,
                    null);
            return this;
        }

        Reason build() {
            return new Reason(id, name, null, null, Duration.ofMinutes(minutes), providers, rooms, weekdays, windows,
                    new ReasonRules(group, validFrom, validUntil, audience, blockoutTypes, pattern, timing));
        }
    }

    /**
     * A practice being put together: its zone, rules, hours, reasons and schedule copy. Providers
     * and rooms are those named anywhere; no notice, every opening shown, unless a test says.
     */
    static final class Clinic {
        private final ZoneId zone;
        private int unitMinutes = 5;
        private Duration grid = Duration.ofMinutes(15);
        private List<LocalTime> starts = List.of();
        private Duration bufferBefore = Duration.ZERO;
        private Duration bufferAfter = Duration.ZERO;
        private Duration notice = Duration.ZERO;
        private int horizonDays = 366;
        private int dailyCap;
        private int shownPerDay = 10_000;
        private final Set<LocalDate> closed = new HashSet<>();
        private final Map<String, Set<String>> groups = new HashMap<>();
        private final List<WorkingHours> hours = new ArrayList<>();
        private final Map<String, Reason> reasons = new LinkedHashMap<>();
        private final List<Appointment> appointments = new ArrayList<>();
        private final List<Blockout> blockouts = new ArrayList<>();
        private final List<Opening> held = new ArrayList<>();
        private final List<Opening> booked = new ArrayList<>();
        private final Set<String> extraProviders = new TreeSet<>();

        Clinic(ZoneId zone) {
            this.zone = zone;
        }

        static Clinic in(ZoneId zone) {
            return new Clinic(zone);
        }

        Clinic unit(int minutes) {
            unitMinutes = minutes;
            return this;
        }

        Clinic grid(int minutes) {
            grid = Duration.ofMinutes(minutes);
            return this;
        }

        Clinic starts(String... times) {
            starts = Arrays.stream(times).map(LocalTime::parse).toList();
            return this;
        }

        Clinic buffers(int beforeMinutes, int afterMinutes) {
            bufferBefore = Duration.ofMinutes(beforeMinutes);
            bufferAfter = Duration.ofMinutes(afterMinutes);
            return this;
        }

        Clinic notice(Duration value) {
            notice = value;
            return this;
        }

        Clinic horizon(int days) {
            horizonDays = days;
            return this;
        }

        Clinic dailyCap(int cap) {
            dailyCap = cap;
            return this;
        }

        Clinic shownPerDay(int count) {
            shownPerDay = count;
            return this;
        }

        Clinic closed(LocalDate... dates) {
            closed.addAll(List.of(dates));
            return this;
        }

        Clinic group(String name, String... members) {
            groups.put(name, Set.of(members));
            extraProviders.addAll(List.of(members));
            return this;
        }

        Clinic hours(WorkingHours... more) {
            hours.addAll(List.of(more));
            return this;
        }

        Clinic provider(String id) {
            extraProviders.add(id);
            return this;
        }

        Clinic reason(ReasonSpec spec) {
            Reason reason = spec.build();
            reasons.put(reason.id(), reason);
            return this;
        }

        Clinic appointment(String provider, String room, String start, String end) {
            appointments.add(Fixtures.appointment("A" + appointments.size(), provider, room, start, end));
            return this;
        }

        Clinic blockout(String provider, String start, String end, String type) {
            blockouts.add(new Blockout("B" + blockouts.size(), provider, Instant.parse(start), Instant.parse(end),
                    type));
            return this;
        }

        Clinic hold(Opening opening) {
            held.add(opening);
            return this;
        }

        Clinic booked(Opening opening) {
            booked.add(opening);
            return this;
        }

        PracticeConfig config() {
            Timing timing = new Timing(grid, starts, bufferBefore, bufferAfter, notice, horizonDays, dailyCap);
            PracticeRules rules = new PracticeRules(unitMinutes, timing, closed, groups, shownPerDay);
            Set<String> providerIds = new TreeSet<>(extraProviders);
            Set<String> roomIds = new TreeSet<>();
            hours.forEach(h -> providerIds.add(h.providerId()));
            reasons.values().forEach(r -> {
                providerIds.addAll(r.providerIds());
                roomIds.addAll(r.roomIds());
            });
            appointments.forEach(a -> {
                if (a.providerId() != null) {
                    providerIds.add(a.providerId());
                }
                if (a.roomId() != null) {
                    roomIds.add(a.roomId());
                }
            });
            Practice practice = new Practice("test", "Test", zone, null, null, NewClientPolicy.WELCOME, true);
            return new PracticeConfig(practice, rules, providerIds.stream().map(id -> new Provider(id, id)).toList(),
                    roomIds.stream().map(id -> new Room(id, id)).toList(), hours, List.copyOf(reasons.values()),
                    List.of());
        }

        /** The schedule with an index that covers the given span. */
        Schedule schedule(Instant from, Instant to) {
            ScheduleIndex index = new ScheduleIndex(unitMinutes, from, to);
            appointments.forEach(index::add);
            blockouts.forEach(index::add);
            return new Schedule(config(), index, new Claims(held, booked));
        }

        /** The schedule with an index from three days before {@code now} to 400 days after. */
        Schedule schedule(Instant now) {
            return schedule(now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(400)));
        }
    }
}

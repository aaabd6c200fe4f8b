package org.slotbridge.benchmarks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Category;
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
import org.slotbridge.engine.Claims;
import org.slotbridge.engine.Schedule;
import org.slotbridge.engine.ScheduleIndex;

/**
 * A busy practice made up from a seed, the same on every run: the subject of every benchmark.
 *
 * <p>The standard one has 20 providers, 10 rooms, 5-minute units and 90 days from {@link #TODAY}
 * in America/New_York (across the spring change of offset on 2027-03-14), with 15,000 appointments,
 * 2,000 blockouts, 50 reasons and 200 live holds. Other sizes scale rooms with providers, and
 * appointments, blockouts and holds with provider-days, so that every size is as busy as the
 * standard one.
 */
public final class ReferencePractice {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** The first date of the schedule, a Monday: every search starts here. */
    public static final LocalDate TODAY = LocalDate.of(2027, 3, 8);
    /** Searches are made at 08:00 local time on {@link #TODAY}. */
    public static final Instant NOW = TODAY.atTime(8, 0).atZone(ZONE).toInstant();
    public static final long SEED = 20270308L;

    public static final int PROVIDERS = 20;
    public static final int DAYS = 90;
    public static final int APPOINTMENTS = 15_000;
    public static final int BLOCKOUTS = 2_000;
    public static final int HOLDS = 200;
    public static final int REASONS = 50;
    public static final int UNIT = 5;

    /** Dates the practice is closed; those beyond the schedule do no harm. */
    private static final Set<LocalDate> CLOSED = Set.of(LocalDate.of(2027, 5, 31), LocalDate.of(2027, 7, 5),
            LocalDate.of(2027, 9, 6), LocalDate.of(2027, 11, 25), LocalDate.of(2027, 12, 24),
            LocalDate.of(2027, 12, 31));
    private static final int[] APPOINTMENT_MINUTES = {10, 15, 20, 30, 30, 45, 60};
    private static final int[] REASON_MINUTES = {15, 30, 20, 45, 60, 10, 90};
    private static final String EMERGENCY = "emergency";

    private final int days;
    private final PracticeConfig config;
    private final List<Appointment> appointments;
    private final List<Blockout> blockouts;
    private final Claims claims;

    private ReferencePractice(int days, PracticeConfig config, List<Appointment> appointments,
                              List<Blockout> blockouts, Claims claims) {
        this.days = days;
        this.config = config;
        this.appointments = appointments;
        this.blockouts = blockouts;
        this.claims = claims;
    }

    /** The standard practice: 20 providers over 90 days. */
    public static ReferencePractice standard() {
        return generate(PROVIDERS, DAYS, SEED);
    }

    /**
     * A practice of this many providers over this many dates from {@link #TODAY}, as busy per
     * provider-day as the standard one.
     */
    public static ReferencePractice generate(int providers, int days, long seed) {
        if (providers < 2 || days < 1) {
            throw new IllegalArgumentException("at least two providers and one day, not " + providers + " and " + days);
        }
        return new Generator(providers, days, new Random(seed)).run();
    }

    /** Scales a count of the standard practice to another number of provider-days. */
    static int scaled(int standardCount, int providers, int days) {
        return (int) Math.round(standardCount * (double) providers * days / ((double) PROVIDERS * DAYS));
    }

    public int days() {
        return days;
    }

    public PracticeConfig config() {
        return config;
    }

    public List<Appointment> appointments() {
        return appointments;
    }

    public List<Blockout> blockouts() {
        return blockouts;
    }

    public Claims claims() {
        return claims;
    }

    public List<String> reasonIds() {
        return config.reasons().stream().map(Reason::id).toList();
    }

    /**
     * The first instant the index covers: two days before {@link #TODAY}, as a search looks at
     * every instant that may show one of its dates, a day to either side in any zone.
     */
    public Instant indexFrom() {
        return TODAY.minusDays(2).atStartOfDay(ZONE).toInstant();
    }

    /** The first instant the index no longer covers: two days after the last date. */
    public Instant indexTo() {
        return TODAY.plusDays(days + 2L).atStartOfDay(ZONE).toInstant();
    }

    /** A new index holding every appointment and blockout. */
    public ScheduleIndex buildIndex() {
        ScheduleIndex index = new ScheduleIndex(UNIT, indexFrom(), indexTo());
        appointments.forEach(index::add);
        blockouts.forEach(index::add);
        return index;
    }

    public Schedule schedule(ScheduleIndex index) {
        return new Schedule(config, index, claims);
    }

    /** A client's search: any provider, every weekday and time, from today over this many dates. */
    public static Preferences searchOver(int searchDays) {
        return new Preferences(TODAY, TODAY.plusDays(searchDays - 1L), Set.of(), List.of(), null);
    }

    /** Draws every part of one practice from one random sequence, in a fixed order. */
    private static final class Generator {

        private final int providerCount;
        private final int days;
        private final Random random;
        private final List<String> providerIds = new ArrayList<>();
        private final List<String> roomIds = new ArrayList<>();
        private final Map<String, WorkingHours> hours = new HashMap<>();
        /** Busy units of each provider-day, so that appointments rarely overlap, as in a real book. */
        private final Map<String, BitSet> taken = new HashMap<>();

        Generator(int providerCount, int days, Random random) {
            this.providerCount = providerCount;
            this.days = days;
            this.random = random;
        }

        ReferencePractice run() {
            List<Provider> providers = new ArrayList<>();
            for (int i = 0; i < providerCount; i++) {
                String id = String.format("p%02d", i);
                providerIds.add(id);
                providers.add(new Provider(id, "Provider " + i));
                hours.put(id, workingHours(i, id));
            }
            List<Room> rooms = new ArrayList<>();
            for (int i = 0; i < Math.max(1, providerCount / 2); i++) {
                String id = String.format("room%02d", i);
                roomIds.add(id);
                rooms.add(new Room(id, "Room " + i));
            }
            Map<String, Set<String>> groups = Map.of(
                    "hygienists", new LinkedHashSet<>(providerIds.subList(0, providerCount / 3)),
                    "doctors", new LinkedHashSet<>(providerIds.subList(providerCount / 3, providerCount)));
            Timing timing = new Timing(Duration.ofMinutes(15), List.of(), Duration.ZERO, Duration.ZERO,
                    Duration.ofHours(1), 366, 0);
            PracticeRules rules = new PracticeRules(UNIT, timing, CLOSED, groups, 12);
            Practice practice = new Practice("reference", "Reference practice", ZONE, null, null,
                    NewClientPolicy.WELCOME, true);
            List<Reason> reasons = new ArrayList<>();
            for (int i = 0; i < REASONS; i++) {
                reasons.add(reason(i));
            }
            List<Category> categories = List.of(new Category("general", "General", null, null),
                    new Category("hygiene", "Hygiene", "general", null));
            PracticeConfig config = new PracticeConfig(practice, rules, providers, rooms,
                    providerIds.stream().map(hours::get).toList(), reasons, categories);

            List<Appointment> appointments = appointments(scaled(APPOINTMENTS, providerCount, days));
            List<Blockout> blockouts = blockouts(scaled(BLOCKOUTS, providerCount, days));
            List<Opening> held = holds(scaled(HOLDS, providerCount, days), config);
            return new ReferencePractice(days, config, appointments, blockouts, new Claims(held, held));
        }

        /** Four kinds of week, each with a lunch break, and two exceptions: a day off and a short day. */
        private WorkingHours workingHours(int i, String id) {
            Map<DayOfWeek, List<TimeWindow>> weekly = new HashMap<>();
            switch (i % 4) {
                case 0, 1 -> EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                        .forEach(d -> weekly.put(d, windows("08:00-12:00", "13:00-17:00")));
                case 2 -> {
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)
                            .forEach(d -> weekly.put(d, windows("07:30-11:30", "12:00-16:00")));
                    weekly.put(DayOfWeek.FRIDAY, windows("08:00-12:00"));
                }
                default -> {
                    EnumSet.range(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY)
                            .forEach(d -> weekly.put(d, windows("09:00-13:00", "14:00-18:00")));
                    weekly.put(DayOfWeek.THURSDAY, windows("09:00-13:00", "14:00-17:30", "18:30-20:30"));
                }
            }
            Map<LocalDate, List<TimeWindow>> exceptions = new HashMap<>();
            exceptions.put(TODAY.plusDays(random.nextInt(days)), List.of());
            exceptions.put(TODAY.plusDays(random.nextInt(days)), windows("08:00-12:00"));
            return new WorkingHours(id, weekly, exceptions);
        }

        /**
         * Reason {@code i}. Each property cycles with its own short period, so any few reasons in a
         * row differ in duration, providers, rooms and rules.
         */
        private Reason reason(int i) {
            int minutes = REASON_MINUTES[i % REASON_MINUTES.length];
            Set<String> providers = switch (i % 5) {
                case 1 -> pick(providerIds, Math.min(3, providerCount));
                case 3 -> pick(providerIds, Math.min(6, providerCount));
                default -> Set.of();
            };
            String group = i % 5 == 2 ? "hygienists" : null;
            Set<String> rooms = switch (i % 3) {
                case 1 -> pick(roomIds, 1);
                case 2 -> pick(roomIds, Math.min(3, roomIds.size()));
                default -> Set.of();
            };
            Set<DayOfWeek> weekdays = switch (i % 11) {
                case 5 -> EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
                case 7 -> EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
                default -> Set.of();
            };
            List<TimeWindow> windows = switch (i % 6) {
                case 4 -> windows("08:00-12:00");
                case 5 -> windows("12:00-18:00");
                default -> List.of();
            };
            String pattern = null;
            if (i % 4 == 1 && minutes >= 30) {
                int units = minutes / UNIT;
                pattern = "XX" + "/".repeat(units - 4) + "XX";
            }
            Timing timing = new Timing(
                    i % 9 == 2 ? Duration.ofMinutes(10) : i % 9 == 6 ? Duration.ofMinutes(30) : null,
                    i % 13 == 12 ? List.of(LocalTime.of(8, 0), LocalTime.of(9, 30), LocalTime.of(11, 0),
                            LocalTime.of(14, 0), LocalTime.of(15, 30)) : null,
                    i % 8 == 7 ? Duration.ofMinutes(5) : null,
                    i % 8 == 3 ? Duration.ofMinutes(10) : null,
                    i % 7 == 4 ? Duration.ofHours(24) : null,
                    null,
                    i % 10 == 8 ? 4 : null);
            ReasonRules rules = new ReasonRules(group,
                    i % 17 == 16 ? TODAY.plusDays(7) : null,
                    null,
                    i % 12 == 3 ? Audience.NEW_CLIENTS : Audience.ANYONE,
                    i % 10 == 0 ? Set.of(EMERGENCY) : Set.of(),
                    pattern, timing);
            String category = i % 2 == 0 ? "general" : "hygiene";
            return new Reason(String.format("r%02d", i), "Reason " + i, category, null, Duration.ofMinutes(minutes),
                    providers, rooms, weekdays, windows, rules);
        }

        /**
         * Appointments on the providers' working time, mostly without overlap; 5 % cancelled and 3 %
         * no-shows, 30 % without a room.
         */
        private List<Appointment> appointments(int count) {
            List<Appointment> result = new ArrayList<>(count);
            while (result.size() < count) {
                Slot slot = slot(APPOINTMENT_MINUTES[random.nextInt(APPOINTMENT_MINUTES.length)], 20);
                if (slot == null) {
                    continue;
                }
                int roll = random.nextInt(100);
                AppointmentStatus status = roll < 5 ? AppointmentStatus.CANCELLED
                        : roll < 8 ? AppointmentStatus.NO_SHOW : AppointmentStatus.BOOKED;
                String room = random.nextInt(10) < 3 ? null : roomIds.get(random.nextInt(roomIds.size()));
                result.add(new Appointment("a" + result.size(), slot.provider, room, slot.start, slot.end,
                        "patient" + random.nextInt(5_000), status, null));
            }
            return Collections.unmodifiableList(result);
        }

        /**
         * Blockouts: 60 % short ones of one provider, 20 % reserved for emergencies, 10 % staff
         * meetings of the whole practice and 10 % whole days off.
         */
        private List<Blockout> blockouts(int count) {
            List<Blockout> result = new ArrayList<>(count);
            while (result.size() < count) {
                String id = "b" + result.size();
                int roll = random.nextInt(10);
                if (roll == 0) {
                    LocalDate date = TODAY.plusDays(random.nextInt(days));
                    result.add(new Blockout(id, null, date.atTime(12, 0).atZone(ZONE).toInstant(),
                            date.atTime(13, 0).atZone(ZONE).toInstant(), "meeting"));
                } else if (roll == 1) {
                    LocalDate date = TODAY.plusDays(random.nextInt(days));
                    result.add(new Blockout(id, providerIds.get(random.nextInt(providerCount)),
                            date.atStartOfDay(ZONE).toInstant(), date.plusDays(1).atStartOfDay(ZONE).toInstant(),
                            "vacation"));
                } else {
                    Slot slot = slot(roll < 4 ? 30 : 15 * (1 + random.nextInt(4)), 1);
                    if (slot != null) {
                        result.add(new Blockout(id, slot.provider, slot.start, slot.end, roll < 4 ? EMERGENCY : null));
                    }
                }
            }
            return Collections.unmodifiableList(result);
        }

        /** Holds on reasons' openings, two thirds of them in the first two weeks. */
        private List<Opening> holds(int count, PracticeConfig config) {
            List<Opening> result = new ArrayList<>(count);
            while (result.size() < count) {
                Reason reason = config.reasons().get(random.nextInt(config.reasons().size()));
                String provider = providerIds.get(random.nextInt(providerCount));
                if (!reason.allowsProvider(provider, config.rules())) {
                    continue;
                }
                int span = random.nextInt(3) < 2 ? Math.min(14, days) : days;
                LocalDate date = TODAY.plusDays(random.nextInt(span));
                List<TimeWindow> windows = hours.get(provider).on(date);
                if (windows.isEmpty()) {
                    continue;
                }
                TimeWindow window = windows.get(random.nextInt(windows.size()));
                int minutes = (int) reason.duration().toMinutes();
                int starts = (window.endMinute() - window.startMinute() - minutes) / 15 + 1;
                if (starts < 1) {
                    continue;
                }
                int minute = window.startMinute() + 15 * random.nextInt(starts);
                Instant start = date.atTime(minute / 60, minute % 60).atZone(ZONE).toInstant();
                List<String> rooms = reason.roomIds().stream().sorted().toList();
                String room = rooms.isEmpty() ? null : rooms.get(random.nextInt(rooms.size()));
                result.add(new Opening(reason.id(), provider, room, start, start.plus(reason.duration())));
            }
            return result;
        }

        /**
         * A random span of {@code minutes} within a working window of a random provider-day, free of
         * what earlier calls took when one is found within {@code tries}; null when the day has no
         * window long enough.
         */
        private Slot slot(int minutes, int tries) {
            String provider = providerIds.get(random.nextInt(providerCount));
            int day = random.nextInt(days);
            LocalDate date = TODAY.plusDays(day);
            List<TimeWindow> windows = hours.get(provider).on(date);
            if (windows.isEmpty() || CLOSED.contains(date)) {
                return null;
            }
            BitSet busy = taken.computeIfAbsent(provider + day, k -> new BitSet(24 * 60 / UNIT));
            int units = minutes / UNIT;
            int first = -1;
            for (int attempt = 0; attempt < tries; attempt++) {
                TimeWindow window = windows.get(random.nextInt(windows.size()));
                int positions = (window.endMinute() - window.startMinute()) / UNIT - units + 1;
                if (positions < 1) {
                    continue;
                }
                int candidate = window.startMinute() / UNIT + random.nextInt(positions);
                if (first < 0) {
                    first = candidate;
                }
                if (busy.nextSetBit(candidate) < 0 || busy.nextSetBit(candidate) >= candidate + units) {
                    first = candidate;
                    break;
                }
            }
            if (first < 0) {
                return null;
            }
            busy.set(first, first + units);
            int minute = first * UNIT;
            Instant start = date.atTime(minute / 60, minute % 60).atZone(ZONE).toInstant();
            return new Slot(provider, start, start.plusSeconds(60L * minutes));
        }

        private Set<String> pick(List<String> ids, int count) {
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, random);
            return Set.copyOf(shuffled.subList(0, count));
        }

        private static List<TimeWindow> windows(String... texts) {
            return Arrays.stream(texts).map(t -> TimeWindow.parse(t, "window")).toList();
        }
    }

    private record Slot(String provider, Instant start, Instant end) {
    }
}

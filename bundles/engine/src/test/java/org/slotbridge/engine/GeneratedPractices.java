package org.slotbridge.engine;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Category;
import org.slotbridge.api.ClientKind;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Order;
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

/**
 * Makes a random {@link GeneratedPractice} from a seed: a zone drawn from all of tzdb, dates mostly
 * around one of its changes of offset between 2000 and 2040 (midnight changes included), working
 * hours near the hour of the change, and every rule of the rule book switched on now and then.
 * Every configuration it makes passes {@link PracticeConfig}'s checks; one that does not is a bug here.
 */
final class GeneratedPractices {

    private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    private static final Instant CHANGES_FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant CHANGES_TO = Instant.parse("2041-01-01T00:00:00Z");
    private static final Map<String, List<ZoneOffsetTransition>> CHANGES = new ConcurrentHashMap<>();
    /** Provider and room ids whose string order differs from the order they are listed in. */
    private static final List<String> PROVIDER_IDS = List.of("P2", "P10", "P1", "p3", "ab");
    private static final List<String> ROOM_IDS = List.of("R2", "R10", "op", "R1");
    private static final List<String> BLOCKOUT_TYPES = List.of("surgery", "emergency", "lunch");

    private GeneratedPractices() {
    }

    static GeneratedPractice generate(long seed) {
        return new Maker(seed).make();
    }

    /** The changes of offset of a zone between 2000 and 2040. */
    static List<ZoneOffsetTransition> offsetChanges(ZoneId zone) {
        return CHANGES.computeIfAbsent(zone.getId(), id -> {
            List<ZoneOffsetTransition> result = new ArrayList<>();
            ZoneRules rules = zone.getRules();
            for (ZoneOffsetTransition t = rules.nextTransition(CHANGES_FROM);
                    t != null && t.getInstant().isBefore(CHANGES_TO); t = rules.nextTransition(t.getInstant())) {
                result.add(t);
            }
            return List.copyOf(result);
        });
    }

    /** A change of offset in a zone. */
    private record ZoneChange(ZoneId zone, ZoneOffsetTransition change) {
    }

    /** Changes at local midnight across all zones, found once. */
    private static final class MidnightChanges {
        static final List<ZoneChange> ALL = find();

        private static List<ZoneChange> find() {
            List<ZoneChange> result = new ArrayList<>();
            for (String id : ZONES) {
                ZoneId zone = ZoneId.of(id);
                for (ZoneOffsetTransition t : offsetChanges(zone)) {
                    if (t.getDateTimeBefore().toLocalTime().equals(LocalTime.MIDNIGHT)
                            || t.getDateTimeAfter().toLocalTime().equals(LocalTime.MIDNIGHT)) {
                        result.add(new ZoneChange(zone, t));
                    }
                }
            }
            return result;
        }
    }

    /** True when every offset the zone uses since 1990 is a whole number of units, as the configuration requires. */
    private static boolean unitFits(ZoneId zone, int unit) {
        ZoneRules rules = zone.getRules();
        Instant from = Instant.parse("1990-01-01T00:00:00Z");
        if (rules.getOffset(from).getTotalSeconds() % (unit * 60) != 0) {
            return false;
        }
        for (ZoneOffsetTransition t = rules.nextTransition(from);
                t != null && t.getInstant().isBefore(Instant.parse("2050-01-01T00:00:00Z"));
                t = rules.nextTransition(t.getInstant())) {
            if (t.getOffsetAfter().getTotalSeconds() % (unit * 60) != 0) {
                return false;
            }
        }
        return true;
    }

    /** One scenario; the fields are what has been decided so far. */
    private static final class Maker {
        private final long seed;
        private final Random random;
        private ZoneId zone;
        private int unit;
        /** Minute of the day the clock changes on the anchor date, or -1. */
        private int focus = -1;
        private LocalDate from;
        private LocalDate to;
        private List<String> providers;
        private List<String> rooms;
        private List<String> reasonIds;

        Maker(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
        }

        GeneratedPractice make() {
            LocalDate anchor = zoneAndAnchor();
            unit = unit();
            from = anchor.minusDays(random.nextInt(2));
            // mostly one to three dates; now and then two weeks, for the order across many dates
            to = from.plusDays(random.nextInt(25) == 0 ? 3 + random.nextInt(12) : random.nextInt(3));

            providers = new ArrayList<>(PROVIDER_IDS);
            Collections.shuffle(providers, random);
            providers = providers.subList(0, 1 + random.nextInt(4));
            rooms = new ArrayList<>(ROOM_IDS);
            Collections.shuffle(rooms, random);
            rooms = rooms.subList(0, random.nextInt(4));

            Map<String, Set<String>> groups = new HashMap<>();
            if (random.nextInt(5) < 2) {
                groups.put("team-a", subset(providers, false));
                if (random.nextBoolean()) {
                    groups.put("team-b", subset(providers, true));
                }
            }
            Set<LocalDate> closed = new TreeSet<>();
            if (random.nextInt(7) == 0) {
                closed.add(from.plusDays(random.nextInt(3)));
            }
            int shownPerDay = switch (random.nextInt(4)) {
                case 0 -> 1 + random.nextInt(4);
                case 1 -> 5 + random.nextInt(36);
                default -> 12;
            };
            PracticeRules rules = new PracticeRules(unit, practiceTiming(), closed, groups, shownPerDay);

            List<Category> categories = categories();
            int reasonCount = 1 + random.nextInt(3);
            reasonIds = new ArrayList<>();
            for (int i = 1; i <= reasonCount; i++) {
                reasonIds.add("r" + i);
            }
            List<Reason> reasons = new ArrayList<>();
            for (String id : reasonIds) {
                reasons.add(reason(id, groups, categories));
            }
            List<WorkingHours> hours = new ArrayList<>();
            for (String provider : providers) {
                if (random.nextInt(12) != 0) {
                    hours.add(workingHours(provider));
                }
            }
            Practice practice = new Practice("generated", "Generated practice", zone, null, null,
                    NewClientPolicy.WELCOME, true);
            PracticeConfig config = new PracticeConfig(practice, rules,
                    providers.stream().map(id -> new Provider(id, "Provider " + id)).toList(),
                    rooms.stream().map(id -> new Room(id, "Room " + id)).toList(), hours, reasons, categories);

            Instant indexFrom = from.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant indexTo = to.plusDays(4).atStartOfDay(ZoneOffset.UTC).toInstant();
            List<Appointment> appointments = new ArrayList<>();
            for (int i = random.nextInt(14); i > 0; i--) {
                appointments.add(appointment("a" + i, indexFrom));
            }
            List<Blockout> blockouts = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                blockouts.add(blockout("b" + i));
            }
            List<GeneratedPractice.Change> changes = changes(appointments, blockouts, indexFrom);
            Claims claims = new Claims(held(), booked());
            String reasonId = reasonIds.get(random.nextInt(reasonIds.size()));
            return new GeneratedPractice(seed, config, appointments, blockouts, claims, changes, indexFrom, indexTo,
                    reasonId, preferences(), now());
        }

        /** Picks the zone and a date: mostly the date of one of its changes, sometimes a midnight change. */
        private LocalDate zoneAndAnchor() {
            if (random.nextInt(8) == 0) {
                ZoneChange pick = MidnightChanges.ALL.get(random.nextInt(MidnightChanges.ALL.size()));
                zone = pick.zone();
                return around(pick.change());
            }
            zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            List<ZoneOffsetTransition> changes = offsetChanges(zone);
            if (!changes.isEmpty() && random.nextInt(5) != 0) {
                return around(changes.get(random.nextInt(changes.size())));
            }
            return LocalDate.of(2000, 1, 1).plusDays(random.nextInt(41 * 365));
        }

        private LocalDate around(ZoneOffsetTransition change) {
            LocalDateTime at = random.nextBoolean() ? change.getDateTimeBefore() : change.getDateTimeAfter();
            focus = at.getHour() * 60 + at.getMinute();
            return at.toLocalDate().plusDays(random.nextInt(5) == 0 ? random.nextInt(3) - 1 : 0);
        }

        private int unit() {
            int[] choices = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 15, 15, 15, 15, 15, 10, 30, 60, 1, 20};
            int pick = choices[random.nextInt(choices.length)];
            for (int candidate : new int[] {pick, 5, 1}) {
                if (unitFits(zone, candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException(zone + " has an offset that is not a whole minute");
        }

        private Timing practiceTiming() {
            return new Timing(Duration.ofMinutes(grid()), random.nextInt(6) == 0 ? starts() : List.of(),
                    Duration.ofMinutes(buffer()), Duration.ofMinutes(buffer()), notice(), horizon(), cap());
        }

        /** A reason's timing: each field set now and then, the rest left to the practice. */
        private Timing reasonTiming() {
            if (random.nextInt(5) >= 2) {
                return Timing.INHERIT;
            }
            return new Timing(maybe() ? Duration.ofMinutes(grid()) : null,
                    maybe() ? (random.nextBoolean() ? starts() : List.of()) : null,
                    maybe() ? Duration.ofMinutes(buffer()) : null, maybe() ? Duration.ofMinutes(buffer()) : null,
                    maybe() ? notice() : null, maybe() ? horizon() : null, maybe() ? cap() : null);
        }

        private boolean maybe() {
            return random.nextInt(3) == 0;
        }

        private int grid() {
            if (unit == 1) {
                return new int[] {5, 7, 10, 13, 15}[random.nextInt(5)];
            }
            if (random.nextInt(5) < 2 && 15 % unit == 0) {
                return 15;
            }
            return unit * (1 + random.nextInt(Math.max(1, 60 / unit)));
        }

        private List<LocalTime> starts() {
            List<LocalTime> starts = new ArrayList<>();
            for (int i = 1 + random.nextInt(8); i >= 0; i--) {
                starts.add(time(aligned(nearFocus(), unit) % 1440));
            }
            return starts;
        }

        private int buffer() {
            return random.nextInt(3) != 0 ? 0 : unit * (1 + random.nextInt(Math.max(1, 30 / unit)));
        }

        private Duration notice() {
            return switch (random.nextInt(16)) {
                case 0, 1, 2, 3 -> Duration.ZERO;
                case 4, 5 -> Duration.ofMinutes(30);
                case 6, 7 -> Duration.ofHours(2);
                case 8 -> Duration.ofDays(1);
                case 9, 10 -> Duration.ofMinutes(random.nextInt(600));
                default -> Duration.ofHours(1);
            };
        }

        private int horizon() {
            int pick = random.nextInt(30);
            return pick == 0 ? 0 : pick < 3 ? 1 + random.nextInt(3) : 180;
        }

        private int cap() {
            return random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        }

        private List<Category> categories() {
            List<Category> categories = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                String parent = categories.isEmpty() || random.nextBoolean() ? null
                        : categories.get(random.nextInt(categories.size())).id();
                categories.add(new Category("c" + i, "Category " + i, parent, null));
            }
            return categories;
        }

        private Reason reason(String id, Map<String, Set<String>> groups, List<Category> categories) {
            int units = switch (random.nextInt(20)) {
                case 0 -> 1 + random.nextInt(Math.max(1, 1440 / unit));
                case 1, 2, 3, 4 -> 1 + random.nextInt(Math.max(1, 240 / unit));
                default -> 1 + random.nextInt(Math.max(1, 90 / unit));
            };
            if (unit == 1) {
                units = Math.max(units, 5);
            }
            Duration duration = Duration.ofMinutes((long) units * unit);
            Set<String> providerIds = random.nextInt(4) == 0 ? subset(providers, false) : Set.of();
            String group = !groups.isEmpty() && random.nextInt(3) == 0
                    ? new ArrayList<>(new TreeSet<>(groups.keySet())).get(random.nextInt(groups.size())) : null;
            Set<String> roomIds = !rooms.isEmpty() && random.nextBoolean() ? subset(rooms, false) : Set.of();
            Set<DayOfWeek> weekdays = random.nextInt(5) == 0 ? weekdays() : Set.of();
            List<TimeWindow> windows = new ArrayList<>();
            if (random.nextInt(5) == 0) {
                windows.add(window(unit));
                if (random.nextBoolean()) {
                    windows.add(window(unit));
                }
            }
            LocalDate validFrom = random.nextInt(8) == 0 ? from.plusDays(random.nextInt(5) - 2) : null;
            LocalDate validUntil = random.nextInt(8) == 0 ? from.plusDays(random.nextInt(5)) : null;
            if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
                validUntil = validFrom;
            }
            Audience audience = switch (random.nextInt(5)) {
                case 0 -> Audience.NEW_CLIENTS;
                case 1 -> Audience.EXISTING_CLIENTS;
                default -> Audience.ANYONE;
            };
            Set<String> blockoutTypes = random.nextInt(3) == 0 ? subset(BLOCKOUT_TYPES, false) : Set.of();
            String pattern = random.nextInt(10) < 3 ? pattern(units) : null;
            String category = categories.isEmpty() || random.nextBoolean() ? null
                    : categories.get(random.nextInt(categories.size())).id();
            ReasonRules rules = new ReasonRules(group, validFrom, validUntil, audience, blockoutTypes, pattern,
                    reasonTiming());
            return new Reason(id, "Reason " + id, category, null, duration, providerIds, roomIds, weekdays, windows,
                    rules);
        }

        private String pattern(int units) {
            StringBuilder pattern = new StringBuilder();
            for (int i = 0; i < units; i++) {
                pattern.append(random.nextInt(5) < 3 ? 'X' : '/');
            }
            if (pattern.indexOf("X") < 0) {
                pattern.setCharAt(random.nextInt(units), 'X');
            }
            return pattern.toString();
        }

        private WorkingHours workingHours(String provider) {
            Map<DayOfWeek, List<TimeWindow>> weekly = new HashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextInt(5) != 0) {
                    weekly.put(day, workingWindows());
                }
            }
            Map<LocalDate, List<TimeWindow>> exceptions = new HashMap<>();
            for (LocalDate date = from.minusDays(1); !date.isAfter(to.plusDays(1)); date = date.plusDays(1)) {
                if (random.nextInt(7) == 0) {
                    exceptions.put(date, random.nextBoolean() ? List.of() : workingWindows());
                }
            }
            return new WorkingHours(provider, weekly, exceptions);
        }

        /** One to three windows with breaks (sometimes none) between them, often near the change. */
        private List<TimeWindow> workingWindows() {
            int low;
            int high;
            int near = focus < 0 ? 0 : random.nextInt(6);
            if (near == 1 || near == 2) {
                low = Math.max(0, focus - 180);
                high = Math.min(1440, focus + 180);
            } else if (near == 3 || near == 4) {
                // tight around the change, so that windows often end inside a repeated or skipped hour
                low = Math.max(0, focus - 60);
                high = Math.min(1440, focus + 90);
            } else if (near == 5 && focus < 180) {
                low = 1260;
                high = 1440;
            } else if (random.nextInt(3) == 0) {
                low = 0;
                high = 1440;
            } else {
                low = 420;
                high = 1140;
            }
            low = aligned(low + unit - 1, unit);
            high = aligned(high, unit);
            List<TimeWindow> windows = new ArrayList<>();
            if (random.nextInt(15) == 0) {
                // the whole day, which a change of offset makes 23 or 25 hours long
                windows.add(TimeWindow.ALL_DAY);
                return windows;
            }
            int cursor = low + unit * random.nextInt(Math.max(1, (high - low) / unit / 3));
            for (int i = 1 + random.nextInt(3); i > 0 && cursor < high; i--) {
                int length = unit * (1 + random.nextInt(Math.max(1, Math.min(high - cursor, 480) / unit)));
                int end = Math.min(cursor + length, high);
                windows.add(new TimeWindow(time(cursor), time(end)));
                cursor = end + (random.nextInt(4) == 0 ? 0 : unit * (1 + random.nextInt(Math.max(1, 60 / unit))));
            }
            if (windows.isEmpty()) {
                windows.add(new TimeWindow(time(low), time(high)));
            }
            return windows;
        }

        /** A window of the day, on units of {@code step}. */
        private TimeWindow window(int step) {
            int start = aligned(random.nextInt(3) == 0 ? random.nextInt(1440) : nearFocus(), step) % 1440;
            int end = start + step * (1 + random.nextInt(Math.max(1, (1440 - start) / step)));
            return new TimeWindow(time(start), time(Math.min(end, 1440)));
        }

        /** A minute of the day, near the change when there is one. */
        private int nearFocus() {
            if (focus >= 0 && random.nextInt(3) != 0) {
                return Math.floorMod(focus - 180 + random.nextInt(361), 1440);
            }
            return 360 + random.nextInt(840);
        }

        private Instant localInstant(LocalDate date, int minute) {
            return date.atStartOfDay().plusMinutes(minute).atZone(zone).toInstant();
        }

        private LocalDate someDate() {
            return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 3) - 1);
        }

        private Appointment appointment(String id, Instant indexFrom) {
            Instant start;
            Instant end;
            if (random.nextInt(80) == 0) {
                // starts before the index covers, reaching into the searched dates
                start = indexFrom.minus(Duration.ofDays(2));
                end = localInstant(from, nearFocus());
            } else {
                int kind = random.nextInt(20);
                start = localInstant(someDate(), aligned(nearFocus(), unit));
                Duration length = Duration.ofMinutes((long) unit * (1 + random.nextInt(Math.max(1, 120 / unit))));
                if (kind < 3) {
                    start = start.plusSeconds(60L * random.nextInt(unit + 7));
                    length = Duration.ofMinutes(1 + random.nextInt(180));
                } else if (kind < 5) {
                    start = start.plusSeconds(random.nextInt(3600));
                    length = Duration.ofSeconds(1 + random.nextInt(3 * 3600));
                }
                end = start.plus(length);
            }
            if (!end.isAfter(start)) {
                end = start.plusSeconds(60L * unit);
            }
            String provider = switch (random.nextInt(20)) {
                case 0, 1 -> null;
                case 2 -> "ghost";
                default -> providers.get(random.nextInt(providers.size()));
            };
            String room = switch (random.nextInt(20)) {
                case 0 -> "R99";
                case 1, 2, 3, 4, 5, 6, 7 -> rooms.isEmpty() ? null : rooms.get(random.nextInt(rooms.size()));
                default -> null;
            };
            AppointmentStatus status = switch (random.nextInt(25)) {
                case 0, 1 -> AppointmentStatus.NO_SHOW;
                case 2, 3, 4 -> AppointmentStatus.CANCELLED;
                default -> AppointmentStatus.BOOKED;
            };
            return new Appointment(id, provider, room, start, end, random.nextBoolean() ? "pat-" + id : null, status,
                    null);
        }

        private Blockout blockout(String id) {
            Instant start = localInstant(someDate(), aligned(nearFocus(), unit));
            Duration length = switch (random.nextInt(10)) {
                case 0 -> Duration.ofMinutes(240 + random.nextInt(1560));
                case 1, 2 -> Duration.ofSeconds(1 + random.nextInt(7200));
                default -> Duration.ofMinutes((long) unit * (1 + random.nextInt(Math.max(1, 120 / unit))));
            };
            if (random.nextInt(5) == 0) {
                start = start.plusSeconds(random.nextInt(600));
            }
            String provider = switch (random.nextInt(20)) {
                case 0, 1, 2, 3, 4, 5 -> null;
                case 6 -> "ghost";
                default -> providers.get(random.nextInt(providers.size()));
            };
            String type = random.nextBoolean() ? null : BLOCKOUT_TYPES.get(random.nextInt(BLOCKOUT_TYPES.size()));
            return new Blockout(id, provider, start, start.plus(length), type);
        }

        /**
         * The final lists as adds, in random order, mixed with appointments and blockouts added and
         * removed again, second copies of final ones removed again, and final ones removed and added back.
         */
        private List<GeneratedPractice.Change> changes(List<Appointment> appointments, List<Blockout> blockouts,
                                                       Instant indexFrom) {
            List<Object> finals = new ArrayList<>(appointments);
            finals.addAll(blockouts);
            List<GeneratedPractice.Change> changes = new ArrayList<>();
            for (Object item : finals) {
                changes.add(new GeneratedPractice.Change(true, item));
            }
            Collections.shuffle(changes, random);
            List<Object> undone = new ArrayList<>();
            for (int i = random.nextInt(7); i > 0; i--) {
                Object extra = random.nextInt(3) == 0 ? blockout("xb" + i) : appointment("xa" + i, indexFrom);
                undone.add(extra);
                changes.add(random.nextInt(changes.size() + 1), new GeneratedPractice.Change(true, extra));
            }
            for (Object item : finals) {
                int pick = random.nextInt(10);
                if (pick < 2) {
                    // a second, equal copy: removing one leaves the other
                    changes.add(random.nextInt(changes.size() + 1), new GeneratedPractice.Change(true, item));
                    undone.add(item);
                } else if (pick == 2) {
                    // removed and added back
                    int at = indexOfAdd(changes, item);
                    changes.add(at + 1 + random.nextInt(changes.size() - at),
                            new GeneratedPractice.Change(false, item));
                    int removed = lastIndexOf(changes, item, false);
                    changes.add(removed + 1 + random.nextInt(changes.size() - removed),
                            new GeneratedPractice.Change(true, item));
                }
            }
            for (Object item : undone) {
                int at = indexOfAdd(changes, item);
                changes.add(at + 1 + random.nextInt(changes.size() - at), new GeneratedPractice.Change(false, item));
            }
            return changes;
        }

        private static int indexOfAdd(List<GeneratedPractice.Change> changes, Object item) {
            for (int i = 0; i < changes.size(); i++) {
                if (changes.get(i).add() && changes.get(i).item() == item) {
                    return i;
                }
            }
            throw new IllegalStateException("no add of " + item);
        }

        private static int lastIndexOf(List<GeneratedPractice.Change> changes, Object item, boolean add) {
            for (int i = changes.size() - 1; i >= 0; i--) {
                if (changes.get(i).add() == add && changes.get(i).item() == item) {
                    return i;
                }
            }
            throw new IllegalStateException("no change of " + item);
        }

        private List<Opening> held() {
            List<Opening> held = new ArrayList<>();
            for (int i = random.nextBoolean() ? 0 : 1 + random.nextInt(3); i > 0; i--) {
                Instant start = localInstant(someDate(), aligned(nearFocus(), unit));
                if (random.nextInt(10) == 0) {
                    start = start.plusSeconds(random.nextInt(600));
                }
                String room = rooms.isEmpty() || random.nextBoolean() ? null : rooms.get(random.nextInt(rooms.size()));
                held.add(new Opening(reasonIds.get(random.nextInt(reasonIds.size())),
                        providers.get(random.nextInt(providers.size())), room, start,
                        start.plus(Duration.ofMinutes((long) unit * (1 + random.nextInt(Math.max(1, 90 / unit)))))));
            }
            return held;
        }

        private List<Opening> booked() {
            List<Opening> booked = new ArrayList<>();
            for (int i = random.nextBoolean() ? 0 : 1 + random.nextInt(6); i > 0; i--) {
                Instant start = localInstant(someDate(), random.nextInt(1440));
                String reason = random.nextInt(4) == 0 ? "elsewhere" : reasonIds.get(random.nextInt(reasonIds.size()));
                booked.add(new Opening(reason, providers.get(random.nextInt(providers.size())), null, start,
                        start.plusSeconds(1800)));
            }
            return booked;
        }

        private Preferences preferences() {
            Set<DayOfWeek> days = random.nextInt(5) == 0 ? weekdays() : Set.of();
            List<TimeWindow> times = new ArrayList<>();
            if (random.nextInt(5) == 0) {
                TimeWindow[] named = {TimeWindow.MORNING, TimeWindow.AFTERNOON, TimeWindow.EVENING};
                times.add(random.nextBoolean() ? named[random.nextInt(3)] : window(1));
                if (random.nextBoolean()) {
                    times.add(window(1));
                }
            }
            String provider = switch (random.nextInt(30)) {
                case 0 -> "nobody";
                case 1, 2, 3, 4, 5, 6, 7 -> providers.get(random.nextInt(providers.size()));
                default -> null;
            };
            ClientKind client = switch (random.nextInt(5)) {
                case 0 -> ClientKind.NEW;
                case 1 -> ClientKind.EXISTING;
                default -> null;
            };
            Order order = random.nextBoolean() ? Order.SPREAD : Order.EARLIEST;
            int limit = random.nextInt(5) < 3 ? 0 : 1 + random.nextInt(15);
            int offset = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(10);
            return new Preferences(from, to, days, times, provider, client, order, limit, offset);
        }

        private Instant now() {
            Instant now = switch (random.nextInt(20)) {
                case 0 -> localInstant(to.plusDays(1 + random.nextInt(2)), random.nextInt(1440));
                case 2, 3, 4, 5 -> localInstant(from, 0).plusSeconds(random.nextInt(
                        (int) (to.toEpochDay() - from.toEpochDay() + 1) * 86_400));
                default -> localInstant(from.minusDays(1 + random.nextInt(3)), random.nextInt(1440));
            };
            // often on a unit, so that now plus the notice falls on a start
            if (random.nextBoolean()) {
                long unitSeconds = unit * 60L;
                return Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), unitSeconds));
            }
            return random.nextInt(3) == 0 ? now.plusSeconds(random.nextInt(60)) : now;
        }

        private Set<DayOfWeek> weekdays() {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextBoolean()) {
                    days.add(day);
                }
            }
            return days;
        }

        /** A random subset of {@code ids}, in random order; not empty unless {@code mayBeEmpty}. */
        private Set<String> subset(List<String> ids, boolean mayBeEmpty) {
            Set<String> result = new LinkedHashSet<>();
            for (String id : ids) {
                if (random.nextBoolean()) {
                    result.add(id);
                }
            }
            if (result.isEmpty() && !mayBeEmpty) {
                result.add(ids.get(random.nextInt(ids.size())));
            }
            return result;
        }

        private static int aligned(int minute, int step) {
            return minute - Math.floorMod(minute, step);
        }

        private static LocalTime time(int minute) {
            return minute >= 1440 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
        }
    }
}

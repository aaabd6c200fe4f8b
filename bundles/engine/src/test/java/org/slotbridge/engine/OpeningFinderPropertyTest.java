package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.WorkingHours;

/**
 * Random schedules in random zones, often on a daylight-saving change: the finder must agree with the reference.
 * Each scenario comes from its own seed, so a failure names the seed that repeats it; set the system property
 * {@code slotbridge.engine.seed} to start from another base seed.
 */
class OpeningFinderPropertyTest {

    private static final long BASE_SEED = Long.getLong("slotbridge.engine.seed", 20261203L);

    private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    private static final List<String> PROVIDERS = List.of("P1", "P2", "P3");
    private static final List<String> ROOMS = List.of("R1", "R2");

    private final OpeningFinder finder = new OpeningFinder();

    @Test
    void findAgreesWithTheMinuteByMinuteReference() {
        for (long seed = BASE_SEED; seed < BASE_SEED + 500; seed++) {
            Scenario s = Scenario.random(new Random(seed));
            List<Opening> expected = ReferenceFinder.find(s.schedule, s.reason, s.preferences, s.now, s.rules);
            long repeat = seed;

            assertEquals(expected, finder.find(s.schedule, s.reason, s.preferences, s.now, s.rules),
                    () -> "seed " + repeat + ": " + s);
        }
    }

    @Test
    void offersAgreesWithASearchOfThatDay() {
        for (long seed = BASE_SEED; seed < BASE_SEED + 300; seed++) {
            offersAgreesWithASearchOfThatDay(seed);
        }
    }

    private void offersAgreesWithASearchOfThatDay(long seed) {
        Random random = new Random(seed);
        Scenario s = Scenario.random(random);
        List<Opening> candidates = new ArrayList<>(finder.find(s.schedule, s.reason, s.preferences, s.now, s.rules));
        for (Opening found : List.copyOf(candidates)) {
            // neighbours that are often, but not always, openings too
            Duration shift = Duration.ofMinutes(random.nextInt(121) - 60)
                    .plusSeconds(random.nextInt(5) == 0 ? random.nextInt(60) : 0);
            String room = s.reason.roomIds().isEmpty() ? null : ROOMS.get(random.nextInt(ROOMS.size()));
            candidates.add(new Opening(found.reasonId(), PROVIDERS.get(random.nextInt(PROVIDERS.size())), room,
                    found.start().plus(shift), found.end().plus(shift)));
        }
        Collections.shuffle(candidates, random);
        for (Opening candidate : candidates.subList(0, Math.min(candidates.size(), 12))) {
            LocalDate date = LocalDate.ofInstant(candidate.start(), s.schedule.zone());
            Preferences thatDay = new Preferences(date, date, Set.of(), List.of(), candidate.providerId());
            boolean expected = ReferenceFinder.find(s.schedule, s.reason, thatDay, s.now, s.rules).contains(candidate);

            assertEquals(expected, finder.offers(s.schedule, s.reason, candidate, s.now, s.rules),
                    () -> "seed " + seed + ": " + candidate + " in " + s);
        }
    }

    /** One random search: a schedule, a reason, preferences, a moment and rules. */
    static final class Scenario {
        final ScheduleSnapshot schedule;
        final Reason reason;
        final Preferences preferences;
        final Instant now;
        final SearchRules rules;

        private Scenario(ScheduleSnapshot schedule, Reason reason, Preferences preferences, Instant now,
                         SearchRules rules) {
            this.schedule = schedule;
            this.reason = reason;
            this.preferences = preferences;
            this.now = now;
            this.rules = rules;
        }

        static Scenario random(Random random) {
            ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            LocalDate anchor = LocalDate.of(2000 + random.nextInt(38), 1, 1).plusDays(random.nextInt(365));
            // Mostly, search around a change of offset, with working hours near the time it happens.
            int changeMinute = -1;
            ZoneOffsetTransition change =
                    zone.getRules().nextTransition(anchor.atStartOfDay(ZoneOffset.UTC).toInstant());
            if (change != null && random.nextInt(4) != 0) {
                anchor = change.getDateTimeBefore().toLocalDate().plusDays(random.nextInt(3) - 1);
                LocalTime at = change.getDateTimeBefore().toLocalTime();
                changeMinute = at.getHour() * 60 + at.getMinute();
            }
            LocalDate from = anchor.minusDays(random.nextInt(3));
            LocalDate to = from.plusDays(random.nextInt(4));

            Map<String, WorkingHours> hours = new HashMap<>();
            Map<String, List<Interval>> providerBusy = new HashMap<>();
            for (String provider : PROVIDERS.subList(0, 1 + random.nextInt(PROVIDERS.size()))) {
                hours.put(provider, workingHours(provider, from, to, changeMinute, random));
                providerBusy.put(provider, busy(from, to, random));
            }
            Map<String, List<Interval>> roomBusy = new HashMap<>();
            for (String room : ROOMS) {
                if (random.nextBoolean()) {
                    roomBusy.put(room, busy(from, to, random));
                }
            }
            ScheduleSnapshot schedule = new ScheduleSnapshot(zone, hours, providerBusy, roomBusy);

            int minutes = random.nextInt(4) == 0 ? 1 + random.nextInt(240) : pick(random, 15, 30, 45, 60, 90);
            Reason reason = new Reason("r", "Reason", null, null, Duration.ofMinutes(minutes),
                    random.nextInt(3) == 0 ? subset(PROVIDERS, random) : Set.of(),
                    random.nextInt(3) == 0 ? subset(ROOMS, random) : Set.of(),
                    random.nextInt(4) == 0 ? weekdays(random) : Set.of(),
                    random.nextInt(4) == 0 ? List.of(window(random, 0, 1440)) : List.of());
            Preferences preferences = new Preferences(from, to,
                    random.nextInt(4) == 0 ? weekdays(random) : Set.of(),
                    random.nextInt(4) == 0 ? List.of(window(random, 0, 1440)) : List.of(),
                    random.nextInt(4) == 0 ? PROVIDERS.get(random.nextInt(PROVIDERS.size())) : null);

            Instant now = from.minusDays(random.nextInt(3)).atStartOfDay(zone).toInstant()
                    .plusSeconds(60L * random.nextInt(3 * 1440));
            SearchRules rules = new SearchRules(Duration.ofMinutes(pick(random, 5, 10, 15, 20, 30, 45, 60, 7)),
                    Duration.ofMinutes(pick(random, 0, 0, 30, 60, 24 * 60)),
                    pick(random, 0, 1, 2, 3, 10, 180, 180));
            return new Scenario(schedule, reason, preferences, now, rules);
        }

        private static WorkingHours workingHours(String provider, LocalDate from, LocalDate to, int changeMinute,
                                                 Random random) {
            Map<DayOfWeek, List<TimeWindow>> weekly = new HashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextInt(5) != 0) {
                    weekly.put(day, windows(changeMinute, random));
                }
            }
            Map<LocalDate, List<TimeWindow>> exceptions = new HashMap<>();
            if (random.nextInt(3) == 0) {
                LocalDate date = from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
                exceptions.put(date, random.nextBoolean() ? List.of() : windows(changeMinute, random));
            }
            return new WorkingHours(provider, weekly, exceptions);
        }

        /**
         * One to three disjoint windows, often in the small hours where clocks usually change, or
         * within two hours of {@code changeMinute} when that is not negative.
         */
        private static List<TimeWindow> windows(int changeMinute, Random random) {
            int low = 0;
            int high = random.nextBoolean() ? 360 : 1440;
            if (changeMinute >= 0 && random.nextInt(3) != 0) {
                low = Math.max(0, changeMinute - 120);
                high = Math.min(1440, changeMinute + 120);
            }
            TreeSet<Integer> cuts = new TreeSet<>();
            int count = 2 * (1 + random.nextInt(3));
            while (cuts.size() < count) {
                int cut = low + random.nextInt(high - low + 1);
                cuts.add(random.nextInt(4) == 0 ? cut : cut - cut % 15);
            }
            List<Integer> sorted = new ArrayList<>(cuts);
            List<TimeWindow> result = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i += 2) {
                result.add(new TimeWindow(time(sorted.get(i)), time(sorted.get(i + 1))));
            }
            return result;
        }

        private static TimeWindow window(Random random, int low, int high) {
            int start = low + random.nextInt(high - low);
            int end = start + 1 + random.nextInt(high - start);
            return new TimeWindow(time(start), time(end));
        }

        private static LocalTime time(int minute) {
            return minute == 1440 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
        }

        /** Up to eight busy spans around the dates, some starting off the minute. */
        private static List<Interval> busy(LocalDate from, LocalDate to, Random random) {
            long first = from.minusDays(1).toEpochDay() * 86_400;
            long span = (to.toEpochDay() - from.toEpochDay() + 3) * 86_400;
            List<Interval> result = new ArrayList<>();
            for (int i = random.nextInt(9); i > 0; i--) {
                long start = first + (random.nextLong() & Long.MAX_VALUE) % span;
                start = random.nextInt(4) == 0 ? start : start - start % 300;
                long length = random.nextInt(4) == 0 ? 1 + random.nextInt(600) : 60L * (1 + random.nextInt(240));
                result.add(new Interval(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + length)));
            }
            return result;
        }

        private static Set<DayOfWeek> weekdays(Random random) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextBoolean()) {
                    days.add(day);
                }
            }
            return days;
        }

        private static Set<String> subset(List<String> ids, Random random) {
            Set<String> result = new TreeSet<>();
            for (String id : ids) {
                if (random.nextBoolean()) {
                    result.add(id);
                }
            }
            return result;
        }

        private static int pick(Random random, int... choices) {
            return choices[random.nextInt(choices.length)];
        }

        @Override
        public String toString() {
            return "zone=" + schedule.zone() + " now=" + now + " " + rules + "\n  " + reason + "\n  " + preferences
                    + "\n  hours=" + schedule.hours() + "\n  providerBusy=" + schedule.providerBusy()
                    + "\n  roomBusy=" + schedule.roomBusy();
        }
    }
}

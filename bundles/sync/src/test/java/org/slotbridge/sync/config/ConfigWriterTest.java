package org.slotbridge.sync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Category;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.ReasonRules;
import org.slotbridge.api.Room;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.Timing;
import org.slotbridge.api.WorkingHours;

/** Whatever a configuration holds, writing it as JSON text and reading it back gives the same one. */
class ConfigWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNIT = 5;
    private static final List<String> ZONES = List.of("America/New_York", "Europe/Paris", "Australia/Sydney",
            "UTC", "Asia/Tokyo");

    @Test
    void randomConfigurationsReadBackTheSame() throws Exception {
        long seed = 20_261_203L;
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            PracticeConfig config = config(random);
            String text = JSON.writeValueAsString(ConfigWriter.config(config));
            assertEquals(config, ConfigReader.config(JSON.readValue(text, Object.class)),
                    "seed " + seed + ", round " + round + ": " + text);
        }
    }

    private static PracticeConfig config(Random random) {
        Practice practice = new Practice("p" + random.nextInt(1000), "Practice " + random.nextInt(),
                ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))), random.nextBoolean() ? null : "+1 555 0100",
                random.nextBoolean() ? null : "desk@example.org", NewClientPolicy.values()[random.nextInt(2)],
                random.nextBoolean());
        List<Provider> providers = List.of(new Provider("A", "Ann"), new Provider("B", "Bo"), new Provider("C", "Cy"));
        List<Room> rooms = List.of(new Room("R1", "Room 1"), new Room("R2", "Room 2"));
        Map<String, Set<String>> groups = new HashMap<>();
        if (random.nextBoolean()) {
            groups.put("team", Set.of("A", "C"));
        }
        Set<LocalDate> closed = new HashSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            closed.add(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730)));
        }
        PracticeRules rules = new PracticeRules(UNIT, timing(random, true), closed, groups, 1 + random.nextInt(20));
        List<Category> categories = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String parent = categories.isEmpty() || random.nextBoolean() ? null
                    : categories.get(random.nextInt(categories.size())).id();
            categories.add(new Category("c" + i, "Category " + i, parent, random.nextBoolean() ? null : "Help " + i));
        }
        List<Reason> reasons = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            reasons.add(reason("r" + i, random, categories, groups));
        }
        List<WorkingHours> hours = new ArrayList<>();
        for (Provider provider : providers) {
            if (random.nextBoolean()) {
                Map<DayOfWeek, List<TimeWindow>> weekly = new EnumMap<>(DayOfWeek.class);
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (random.nextBoolean()) {
                        weekly.put(day, random.nextBoolean() ? List.of(window(8, 12), window(13, 17))
                                : List.of(window(9, 0)));
                    }
                }
                Map<LocalDate, List<TimeWindow>> exceptions = new HashMap<>();
                if (random.nextBoolean()) {
                    exceptions.put(LocalDate.of(2026, 12, 24), List.of());
                }
                hours.add(new WorkingHours(provider.id(), weekly, exceptions));
            }
        }
        return new PracticeConfig(practice, rules, providers, rooms, hours, reasons, categories);
    }

    private static Reason reason(String id, Random random, List<Category> categories,
                                 Map<String, Set<String>> groups) {
        int units = 1 + random.nextInt(18);
        Set<DayOfWeek> days = new HashSet<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextInt(3) == 0) {
                days.add(day);
            }
        }
        List<TimeWindow> windows = random.nextBoolean() ? List.of() : List.of(window(8, 10), window(15, 17));
        LocalDate from = random.nextBoolean() ? null : LocalDate.of(2026, 3, 1 + random.nextInt(28));
        LocalDate until = random.nextBoolean() ? null : LocalDate.of(2027, 1 + random.nextInt(12), 1);
        StringBuilder pattern = new StringBuilder("X");
        for (int i = 1; i < units; i++) {
            pattern.append(random.nextBoolean() ? 'X' : '/');
        }
        // a reason lists providers or names a group, never both
        String group = groups.isEmpty() || random.nextBoolean() ? null : "team";
        Set<String> providers = group != null || random.nextBoolean() ? Set.of() : Set.of("A", "B");
        ReasonRules rules = new ReasonRules(group, from, until,
                Audience.values()[random.nextInt(Audience.values().length)],
                random.nextBoolean() ? Set.of() : Set.of("EMERGENCY", "NEW"),
                random.nextBoolean() ? null : pattern.toString(), timing(random, false));
        String category = categories.isEmpty() || random.nextBoolean() ? null
                : categories.get(random.nextInt(categories.size())).id();
        return new Reason(id, "Reason " + id, category, random.nextBoolean() ? null : "Help for " + id,
                Duration.ofMinutes((long) units * UNIT), providers,
                random.nextBoolean() ? Set.of() : Set.of("R1", "R2"), days, windows, rules);
    }

    /** A practice's timing (every field) or a reason's (each field set or left to the practice). */
    private static Timing timing(Random random, boolean complete) {
        return new Timing(
                complete || random.nextBoolean() ? Duration.ofMinutes(UNIT * (1 + random.nextInt(12))) : null,
                complete || random.nextBoolean()
                        ? (random.nextBoolean() ? List.of() : List.of(LocalTime.of(8, 0), LocalTime.of(13, 30))) : null,
                complete || random.nextBoolean() ? Duration.ofMinutes(UNIT * random.nextInt(4)) : null,
                complete || random.nextBoolean() ? Duration.ofMinutes(UNIT * random.nextInt(4)) : null,
                complete || random.nextBoolean() ? Duration.ofMinutes(random.nextInt(2000)) : null,
                complete || random.nextBoolean() ? random.nextInt(400) : null,
                complete || random.nextBoolean() ? random.nextInt(10) : null);
    }

    /** From {@code start} o'clock to {@code end} o'clock; an end of 0 is the end of the day. */
    private static TimeWindow window(int start, int end) {
        return new TimeWindow(LocalTime.of(start, 0), LocalTime.of(end, 0));
    }
}

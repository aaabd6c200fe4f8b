package org.slotbridge.store.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slotbridge.api.Category;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.store.Store;

/**
 * A small dental practice for tests: two providers, two rooms, a 60-minute check-up under the category
 * "Routine care" that needs a room and a 30-minute consultation that needs none, everyone working
 * weekdays 08:00-12:00 and 13:00-17:00, and the default practice rules.
 */
public final class Fixtures {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final String SLUG = "riverside";

    private Fixtures() {
    }

    public static Practice practice(String slug, NewClientPolicy newClients) {
        return new Practice(slug, "Riverside Family Dental", ZONE, "+1 555 0100", "desk@riverside.example",
                newClients, true);
    }

    public static Reason checkup() {
        return new Reason("checkup", "Check-up", "Routine care", "A yearly visit", Duration.ofMinutes(60),
                Set.of("SMITH", "JONES"), Set.of("OP1", "OP2"), Set.of(), List.of());
    }

    /** The category of the check-up. */
    public static Category routineCare() {
        return new Category("Routine care", "Routine care", null, null);
    }

    public static Reason consult() {
        return new Reason("consult", "Consultation", null, null, Duration.ofMinutes(30), Set.of(), Set.of(),
                Set.of(), List.of());
    }

    public static WorkingHours weekdays(String providerId) {
        Map<DayOfWeek, List<TimeWindow>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekly.put(day, List.of(TimeWindow.parse("08:00-12:00", "w"), TimeWindow.parse("13:00-17:00", "w")));
        }
        return new WorkingHours(providerId, weekly, Map.of());
    }

    /** The whole practice as one configuration, as {@link #setUp} stores it. */
    public static PracticeConfig config(String slug, NewClientPolicy newClients) {
        return new PracticeConfig(practice(slug, newClients), PracticeRules.DEFAULT,
                List.of(new Provider("SMITH", "Dr. Ann Smith"), new Provider("JONES", "Dr. Bo Jones")),
                List.of(new Room("OP1", "Operatory 1"), new Room("OP2", "Operatory 2")),
                List.of(weekdays("SMITH"), weekdays("JONES")), List.of(checkup(), consult()), List.of(routineCare()));
    }

    /** Stores a whole configuration as {@code PracticeSetup.apply} does, in one checked transaction. */
    public static void apply(Store store, PracticeConfig config) {
        new PracticeSetupService(store).apply(config);
    }

    /** Stores the practice with its providers, rooms, reasons, category, hours and rules. */
    public static void setUp(Store store, String slug, NewClientPolicy newClients) {
        apply(store, config(slug, newClients));
    }
}

package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slotbridge.engine.ReferencePractice.windows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Category;
import org.slotbridge.api.InvalidInputException;
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

/**
 * A configuration is refused as a whole, with the place and the reason, for each fault the rule book
 * lists. Unknown zone names are not here: the api takes a {@link ZoneId}, so a name is parsed (and
 * refused) where it is read, in the practice file reader of the sync bundle.
 */
class ConfigExamplesTest {

    private static final String ZONE = "America/New_York";

    @Test
    void theBaseConfigurationOfTheseExamplesIsAccepted() {
        assertDoesNotThrow(() -> config(ZONE, 15, Timing.DEFAULT, hours("08:00-12:00"), reason(60, null),
                List.of(), Map.of()));
    }

    @Test
    void windowsOfOneDayMayNotOverlap() {
        assertRefused("weekly", () -> new WorkingHours("A",
                Map.of(DayOfWeek.MONDAY, windows("08:00-12:00", "11:00-13:00")), Map.of()),
                "08:00-12:00", "11:00-13:00", "of A", "MONDAY");
        assertRefused("exceptions", () -> new WorkingHours("A", Map.of(),
                Map.of(LocalDate.of(2026, 6, 15), windows("13:00-14:00", "08:00-13:30"))),
                "2026-06-15", "overlap");
        // touching windows do not overlap
        assertDoesNotThrow(() -> new WorkingHours("A", Map.of(DayOfWeek.MONDAY, windows("08:00-12:00", "12:00-13:00")),
                Map.of()));
    }

    @Test
    void aWindowMayNotEndBeforeItStarts() {
        assertRefused("hours[A].weekly.MONDAY", () -> TimeWindow.parse("12:00-08:00", "hours[A].weekly.MONDAY"),
                "08:00", "12:00");
        assertRefused("window", () -> new TimeWindow(LocalTime.of(9, 0), LocalTime.of(9, 0)), "09:00");
    }

    @Test
    void workingHoursAndReasonWindowsAreWholeUnits() {
        assertRefused("hours[A].weekly.MONDAY", () -> config(ZONE, 15, Timing.DEFAULT, hours("08:10-12:00"),
                reason(60, null), List.of(), Map.of()), "08:10-12:00", "15-minute");
        Reason windowed = new Reason("visit", "Visit", null, null, Duration.ofMinutes(60), Set.of(), Set.of(),
                Set.of(), windows("09:00-09:50"));
        assertRefused("reasons[visit].windows", () -> config(ZONE, 15, Timing.DEFAULT, hours("08:00-12:00"),
                windowed, List.of(), Map.of()), "09:00-09:50", "15-minute");
    }

    @Test
    void aDurationIsWholeUnits() {
        assertRefused("reasons[visit].duration", () -> config(ZONE, 15, Timing.DEFAULT, hours("08:00-12:00"),
                reason(20, null), List.of(), Map.of()), "20 minutes", "15-minute");
    }

    @Test
    void aPatternHasOneCharacterPerUnitOfTheVisit() {
        assertRefused("reasons[visit].pattern", () -> config(ZONE, 15, Timing.DEFAULT, hours("08:00-12:00"),
                reason(60, "XX/"), List.of(), Map.of()), "3 units", "60 minutes");
        assertDoesNotThrow(() -> config(ZONE, 15, Timing.DEFAULT, hours("08:00-12:00"), reason(60, "XX/X"),
                List.of(), Map.of()));
    }

    @Test
    void gridStartsAndBuffersAreWholeUnits() {
        Timing grid20 = new Timing(Duration.ofMinutes(20), List.of(), Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1), 180, 0);
        assertRefused("rules.timing.grid", () -> config(ZONE, 15, grid20, hours("08:00-12:00"), reason(60, null),
                List.of(), Map.of()), "20 minutes", "15-minute");
        Timing fixed = new Timing(Duration.ofMinutes(15), List.of(LocalTime.of(8, 10)), Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1), 180, 0);
        assertRefused("rules.timing.starts", () -> config(ZONE, 15, fixed, hours("08:00-12:00"), reason(60, null),
                List.of(), Map.of()), "08:10");
        Reason buffered = new Reason("visit", "Visit", null, null, Duration.ofMinutes(60), Set.of(), Set.of(),
                Set.of(), List.of(), new ReasonRules(null, null, null, Audience.ANYONE, Set.of(),
                        null, new Timing(null, null, Duration.ofMinutes(10), null, null, null, null)));
        assertRefused("reasons[visit].timing.bufferBefore", () -> config(ZONE, 15, Timing.DEFAULT,
                hours("08:00-12:00"), buffered, List.of(), Map.of()), "10 minutes", "15-minute");
    }

    @Test
    void theZoneMustUseWholeUnitOffsets() {
        // Kathmandu is 5:45 ahead of UTC: a whole number of 15-minute units, not of 30-minute ones
        assertDoesNotThrow(() -> config("Asia/Kathmandu", 15, Timing.DEFAULT, hours("08:00-12:00"),
                reason(60, null), List.of(), Map.of()));
        Timing half = new Timing(Duration.ofMinutes(30), List.of(), Duration.ZERO, Duration.ZERO, Duration.ofHours(1),
                180, 0);
        assertRefused("rules.unitMinutes", () -> config("Asia/Kathmandu", 30, half, hours("08:00-12:00"),
                reason(60, null), List.of(), Map.of()), "Asia/Kathmandu", "+05:45", "30-minute");
        // Lord Howe changes by half an hour: its summer offset +11:00 is whole hours, its winter one is not
        Timing hourly = new Timing(Duration.ofMinutes(60), List.of(), Duration.ZERO, Duration.ZERO, Duration.ofHours(1),
                180, 0);
        assertRefused("rules.unitMinutes", () -> config("Australia/Lord_Howe", 60, hourly, hours("08:00-12:00"),
                reason(60, null), List.of(), Map.of()), "+10:30");
    }

    @Test
    void aReasonNamesOnlyProvidersRoomsGroupsAndCategoriesOfThePractice() {
        Reason stranger = new Reason("visit", "Visit", null, null, Duration.ofMinutes(60), Set.of("Z"), Set.of(),
                Set.of(), List.of());
        assertRefused("reasons[visit].providerIds", () -> config(ZONE, 15, Timing.DEFAULT, hours("08:00-12:00"),
                stranger, List.of(), Map.of()), "'Z'");
        Reason elsewhere = new Reason("visit", "Visit", null, null, Duration.ofMinutes(60), Set.of(), Set.of("R9"),
                Set.of(), List.of());
        assertRefused("reasons[visit].roomIds", () -> config(ZONE, 15, Timing.DEFAULT, hours("08:00-12:00"),
                elsewhere, List.of(), Map.of()), "'R9'");
        Reason grouped = new Reason("visit", "Visit", null, null, Duration.ofMinutes(60), Set.of(), Set.of(),
                Set.of(), List.of(), new ReasonRules("surgeons", null, null, Audience.ANYONE,
                        Set.of(), null, Timing.INHERIT));
        assertRefused("reasons[visit].providerGroup", () -> config(ZONE, 15, Timing.DEFAULT, hours("08:00-12:00"),
                grouped, List.of(), Map.of("hygiene", Set.of("A"))), "'surgeons'");
        Reason filed = new Reason("visit", "Visit", "implants", null, Duration.ofMinutes(60), Set.of(), Set.of(),
                Set.of(), List.of());
        assertRefused("reasons[visit].category", () -> config(ZONE, 15, Timing.DEFAULT, hours("08:00-12:00"),
                filed, List.of(new Category("cleaning", "Cleaning", null, null)), Map.of()), "'implants'");
    }

    @Test
    void hoursAndGroupsNameOnlyProvidersOfThePractice() {
        WorkingHours strangers = new WorkingHours("Z", Map.of(DayOfWeek.MONDAY, windows("08:00-12:00")), Map.of());
        assertRefused("hours[Z]", () -> config(ZONE, 15, Timing.DEFAULT, strangers, reason(60, null), List.of(),
                Map.of()), "'Z'");
        assertRefused("rules.providerGroups[hygiene]", () -> config(ZONE, 15, Timing.DEFAULT, hours("08:00-12:00"),
                reason(60, null), List.of(), Map.of("hygiene", Set.of("A", "Z"))), "'Z'");
    }

    @Test
    void categoriesMayNotLoopNorHangFromAnUnknownParent() {
        List<Category> loop = List.of(new Category("c1", "One", "c2", null), new Category("c2", "Two", "c3", null),
                new Category("c3", "Three", "c1", null));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> config(ZONE, 15,
                Timing.DEFAULT, hours("08:00-12:00"), reason(60, null), loop, Map.of()));
        assertAll(() -> assertTrue(refused.field().matches("categories\\[c[123]\\]\\.parentId"), refused.field()),
                () -> assertTrue(refused.reason().contains("loop"), refused.reason()));
        List<Category> orphan = List.of(new Category("c1", "One", "c9", null));
        assertRefused("categories[c1].parentId", () -> config(ZONE, 15, Timing.DEFAULT, hours("08:00-12:00"),
                reason(60, null), orphan, Map.of()), "'c9'");
        assertRefused("parentId", () -> new Category("c1", "One", "c1", null), "itself");
    }

    /** Asserts the refusal names {@code field} exactly and says each of {@code words}. */
    private static void assertRefused(String field, Executable build, String... words) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, build);
        assertEquals(field, refused.field(), refused::getMessage);
        for (String word : words) {
            assertTrue(refused.reason().contains(word), () -> "'" + refused.reason() + "' should say " + word);
        }
    }

    private static WorkingHours hours(String... windowTexts) {
        return new WorkingHours("A", Map.of(DayOfWeek.MONDAY, windows(windowTexts)), Map.of());
    }

    private static Reason reason(int minutes, String pattern) {
        return new Reason("visit", "Visit", null, null, Duration.ofMinutes(minutes), Set.of(), Set.of(), Set.of(),
                List.of(), new ReasonRules(null, null, null, Audience.ANYONE, Set.of(), pattern,
                        Timing.INHERIT));
    }

    private static PracticeConfig config(String zone, int unit, Timing timing, WorkingHours hours, Reason reason,
                                         List<Category> categories, Map<String, Set<String>> groups) {
        PracticeRules rules = new PracticeRules(unit, timing, Set.of(), groups, 12);
        Practice practice = new Practice("example", "Example", ZoneId.of(zone), null, null, NewClientPolicy.WELCOME,
                true);
        return new PracticeConfig(practice, rules, List.of(new Provider("A", "Dr A")), List.of(new Room("R1", "One")),
                List.of(hours), List.of(reason), categories);
    }
}

package org.slotbridge.sync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Category;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Reason;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.Timing;
import org.slotbridge.api.WorkingHours;

class ConfigReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A configuration that uses every field of the format. */
    static final String FULL = """
            {"slug": "smile", "name": "Smile Dental", "zone": "Europe/Paris", "phone": "+33 1 00 00 00 00",
             "email": "desk@smile.example", "newClients": "EXISTING_ONLY", "onlineBooking": false,
             "rules": {"unitMinutes": 10,
                       "timing": {"gridMinutes": 20, "starts": ["08:00", "14:00"], "bufferBeforeMinutes": 10,
                                  "bufferAfterMinutes": 0, "noticeMinutes": 120, "horizonDays": 60, "dailyCap": 3},
                       "closedDates": ["2026-12-25", "2027-01-01"],
                       "providerGroups": {"hygienists": ["LEE"]},
                       "shownPerDay": 6},
             "categories": [{"id": "routine", "name": "Routine care", "helpText": "Check-ups and cleaning"},
                            {"id": "kids", "name": "Children", "parent": "routine"}],
             "providers": [{"id": "LEE", "name": "Kim Lee"}, {"id": "ROSS", "name": "Ann Ross"}],
             "rooms": [{"id": "R1", "name": "Room 1"}],
             "reasons": [
               {"id": "cleaning", "name": "Cleaning", "category": "routine", "helpText": "Half an hour",
                "minutes": 30, "providers": [], "rooms": ["R1"], "weekdays": ["monday", "FRIDAY"],
                "windows": ["08:00-12:00"], "providerGroup": "hygienists", "validFrom": "2026-01-01",
                "validUntil": "2026-12-31", "audience": "new_clients", "blockoutTypes": ["HYG"],
                "pattern": "X/X", "timing": {"gridMinutes": 30, "starts": [], "dailyCap": 0}},
               {"id": "kids-check", "name": "Child check-up", "category": "kids", "minutes": 20}
             ],
             "workingHours": [{"provider": "LEE", "weekly": {"MONDAY": ["13:00-17:00", "08:00-12:00"]},
                               "exceptions": {"2026-12-24": [], "2026-12-28": ["10:00-12:00"]}}]}
            """;

    @Test
    void readsEveryFieldOfTheFormat() throws IOException {
        PracticeConfig config = ConfigReader.config(tree(FULL));

        assertEquals(ZoneId.of("Europe/Paris"), config.practice().zone());
        assertEquals(false, config.practice().onlineBooking());
        PracticeRules rules = config.rules();
        assertEquals(10, rules.unitMinutes());
        assertEquals(new Timing(Duration.ofMinutes(20), List.of(LocalTime.of(8, 0), LocalTime.of(14, 0)),
                Duration.ofMinutes(10), Duration.ZERO, Duration.ofMinutes(120), 60, 3), rules.timing());
        assertEquals(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)), rules.closedDates());
        assertEquals(Map.of("hygienists", Set.of("LEE")), rules.providerGroups());
        assertEquals(6, rules.shownPerDay());
        assertEquals(List.of(new Category("routine", "Routine care", null, "Check-ups and cleaning"),
                new Category("kids", "Children", "routine", null)), config.categories());

        Reason cleaning = config.reason("cleaning");
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), cleaning.weekdays());
        assertEquals(List.of(new TimeWindow(LocalTime.of(8, 0), LocalTime.NOON)), cleaning.windows());
        assertEquals("hygienists", cleaning.rules().providerGroup());
        assertEquals(LocalDate.of(2026, 12, 31), cleaning.rules().validUntil());
        assertEquals(Audience.NEW_CLIENTS, cleaning.rules().audience());
        assertEquals(Set.of("HYG"), cleaning.rules().blockoutTypes());
        assertEquals("X/X", cleaning.rules().pattern());
        assertEquals(new Timing(Duration.ofMinutes(30), List.of(), null, null, null, null, 0),
                cleaning.rules().timing(), "only what the reason overrides; [] means the grid");
        assertEquals(Duration.ofMinutes(30), config.timing(cleaning).grid());
        assertEquals(Duration.ofMinutes(10), config.timing(cleaning).bufferBefore(), "the rest from the practice");

        Reason kids = config.reason("kids-check");
        assertEquals(Audience.ANYONE, kids.rules().audience());
        assertEquals(Timing.INHERIT, kids.rules().timing());
        assertNull(kids.rules().pattern());

        WorkingHours lee = config.hoursByProvider().get("LEE");
        assertEquals(2, lee.on(LocalDate.of(2026, 12, 21)).size());
        assertEquals(List.of(), lee.on(LocalDate.of(2026, 12, 24)));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws IOException {
        PracticeConfig config = ConfigReader.config(tree(FULL));

        Map<String, Object> written = ConfigWriter.config(config);
        Object throughText = JSON.readValue(JSON.writeValueAsString(written), Object.class);

        assertEquals(config, ConfigReader.config(throughText));
    }

    @Test
    void leftOutSettingsTakeTheirDefaults() throws IOException {
        Map<String, Object> file = map(FULL);
        file.remove("rules");
        file.put("rules", Map.of("timing", Map.of("gridMinutes", 30)));
        file.remove("reasons");
        file.remove("workingHours");

        PracticeConfig config = ConfigReader.config(file);

        assertEquals(Timing.DEFAULT.minimumNotice(), config.rules().timing().minimumNotice());
        assertEquals(Duration.ofMinutes(30), config.rules().timing().grid());
        assertEquals(PracticeRules.DEFAULT.unitMinutes(), config.rules().unitMinutes());
        assertEquals(PracticeRules.DEFAULT.shownPerDay(), config.rules().shownPerDay());
        file.remove("rules");
        assertEquals(PracticeRules.DEFAULT, ConfigReader.config(file).rules());
    }

    @Test
    void withoutCategoriesEachCategoryNamedBecomesOne() throws IOException {
        Map<String, Object> file = map("""
                {"slug": "old", "name": "Old File", "zone": "America/New_York",
                 "reasons": [{"id": "a", "name": "A", "category": "Routine care", "minutes": 30},
                             {"id": "b", "name": "B", "category": "Urgent", "minutes": 30},
                             {"id": "c", "name": "C", "category": "Routine care", "minutes": 30},
                             {"id": "d", "name": "D", "minutes": 30}]}
                """);

        assertEquals(List.of(new Category("Routine care", "Routine care", null, null),
                new Category("Urgent", "Urgent", null, null)), ConfigReader.config(file).categories());
    }

    @Test
    void eachMistakeIsNamedByItsJsonPath() {
        assertRefused("zone", f -> f.put("zone", "Mars/Olympus"));
        assertRefused("slug", f -> f.put("slug", "Smile Dental"));
        assertRefused("colour", f -> f.put("colour", "blue"));
        assertRefused("newClients", f -> f.put("newClients", "SOMETIMES"));
        assertRefused("onlineBooking", f -> f.put("onlineBooking", "yes"));
        assertRefused("rules.unitMinutes", f -> rules(f).put("unitMinutes", 7));
        assertRefused("rules.unitMinutes", f -> rules(f).put("unitMinutes", "10"));
        assertRefused("rules.shownPerDay", f -> rules(f).put("shownPerDay", 0));
        assertRefused("rules.timing.gridMinutes", f -> timing(rules(f)).put("gridMinutes", 12.5));
        assertRefused("rules.timing.grid", f -> timing(rules(f)).put("grid", 15));
        assertRefused("rules.timing.starts[1]", f -> timing(rules(f)).put("starts", List.of("08:00", "2pm")));
        assertRefused("rules.timing.noticeMinutes", f -> timing(rules(f)).put("noticeMinutes", -1));
        assertRefused("rules.timing.horizonDays", f -> timing(rules(f)).put("horizonDays", 100_000));
        assertRefused("rules.closedDates[0]", f -> rules(f).put("closedDates", List.of("2026-02-30")));
        assertRefused("rules.providerGroups.hygienists", f -> rules(f).put("providerGroups",
                Map.of("hygienists", "LEE")));
        assertRefused("rules.providerGroups[hygienists]", f -> rules(f).put("providerGroups",
                Map.of("hygienists", List.of("NOBODY"))));
        assertRefused("categories[1].parent", f -> category(f, 1).put("parent", "nothing"));
        assertRefused("categories[0].parent", f -> category(f, 0).put("parent", "kids"));
        assertRefused("categories[1].id", f -> category(f, 1).put("id", "routine"));
        assertRefused("categories[0].name", f -> category(f, 0).remove("name"));
        assertRefused("providers[1].id", f -> ((Map<String, Object>) list(f, "providers").get(1)).put("id", "LEE"));
        assertRefused("reasons[0].id", f -> reason(f, 0).put("id", "Clean Teeth"));
        assertRefused("reasons[1].id", f -> reason(f, 1).put("id", "cleaning"));
        assertRefused("reasons[0].minutes", f -> reason(f, 0).put("minutes", 0));
        assertRefused("reasons[0].minutes", f -> reason(f, 0).put("minutes", "thirty"));
        assertRefused("reasons[1].minutes", f -> reason(f, 1).put("minutes", 25));
        assertRefused("reasons[0].colour", f -> reason(f, 0).put("colour", "blue"));
        assertRefused("reasons[0].weekdays[1]", f -> reason(f, 0).put("weekdays", List.of("MONDAY", "Fri")));
        assertRefused("reasons[0].windows[0]", f -> reason(f, 0).put("windows", List.of("morning")));
        assertRefused("reasons[0].windows[0]", f -> reason(f, 0).put("windows", List.of("12:00-08:00")));
        assertRefused("reasons[0].windows", f -> reason(f, 0).put("windows", List.of("08:05-12:00")));
        assertRefused("reasons[0].rooms", f -> reason(f, 0).put("rooms", List.of("R9")));
        assertRefused("reasons[0].providers", f -> {
            reason(f, 0).remove("providerGroup");
            reason(f, 0).put("providers", List.of("NOBODY"));
        });
        assertRefused("reasons[0].providerGroup", f -> reason(f, 0).put("providerGroup", "dentists"));
        assertRefused("reasons[0].providerGroup", f -> reason(f, 0).put("providers", List.of("LEE")));
        assertRefused("reasons[1].category", f -> reason(f, 1).put("category", "Routine care"));
        assertRefused("reasons[0].validUntil", f -> reason(f, 0).put("validUntil", "2025-12-31"));
        assertRefused("reasons[0].validFrom", f -> reason(f, 0).put("validFrom", "first of May"));
        assertRefused("reasons[0].audience", f -> reason(f, 0).put("audience", "FRIENDS"));
        assertRefused("reasons[0].blockoutTypes[0]", f -> reason(f, 0).put("blockoutTypes", List.of(7)));
        assertRefused("reasons[0].pattern", f -> reason(f, 0).put("pattern", "X-X"));
        assertRefused("reasons[0].pattern", f -> reason(f, 0).put("pattern", "XX/X"));
        assertRefused("reasons[0].timing.gridMinutes", f -> timing(reason(f, 0)).put("gridMinutes", "fifteen"));
        assertRefused("reasons[0].timing.gridMinutes", f -> timing(reason(f, 0)).put("gridMinutes", 25));
        assertRefused("reasons[0].timing.unitMinutes", f -> timing(reason(f, 0)).put("unitMinutes", 5));
        assertRefused("reasons[0].timing.bufferAfterMinutes",
                f -> timing(reason(f, 0)).put("bufferAfterMinutes", 15));
        assertRefused("reasons", f -> f.put("reasons", "cleaning"));
        assertRefused("workingHours[0].provider", f -> hours(f).put("provider", "NOBODY"));
        assertRefused("workingHours[0].weekly.FUNDAY", f -> weekly(f).put("FUNDAY", List.of()));
        assertRefused("workingHours[0].weekly.MONDAY", f -> weekly(f).put("MONDAY",
                List.of("08:00-12:00", "11:00-13:00")));
        assertRefused("workingHours[0].weekly.MONDAY[0]", f -> weekly(f).put("MONDAY", List.of("8-12")));
        assertRefused("workingHours[0].weekly.MONDAY", f -> weekly(f).put("MONDAY", List.of("08:05-12:00")));
        assertRefused("workingHours[0].exceptions.2026-13-01",
                f -> ((Map<String, Object>) hours(f).get("exceptions")).put("2026-13-01", List.of()));
    }

    @Test
    void aPracticeWhoseZoneIsOffTheUnitIsRefused() throws IOException {
        Map<String, Object> file = map(FULL);
        file.put("zone", "Asia/Kathmandu");

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ConfigReader.config(file));

        assertEquals("rules.unitMinutes", refused.field());
        assertTrue(refused.reason().contains("+05:45"), refused.reason());
    }

    @Test
    void partsReadOnTheirOwnNameTheirFieldsFromTheBody() {
        InvalidInputException rules = assertThrows(InvalidInputException.class,
                () -> ConfigReader.rules(Map.of("timing", Map.of("dailyCap", -2)), ""));
        assertEquals("timing.dailyCap", rules.field());
        InvalidInputException reason = assertThrows(InvalidInputException.class,
                () -> ConfigReader.reason(Map.of("id", "x", "name", "X", "minutes", 30, "validFrom", 5), ""));
        assertEquals("validFrom", reason.field());
        InvalidInputException body = assertThrows(InvalidInputException.class,
                () -> ConfigReader.reason(List.of(), ""));
        assertEquals("body", body.field());
        InvalidInputException hours = assertThrows(InvalidInputException.class,
                () -> ConfigReader.workingHours(Map.of("provider", "ROSS"), "", "LEE"));
        assertEquals("provider", hours.field());
        assertEquals("LEE", ConfigReader.workingHours(Map.of(), "", "LEE").providerId());
        InvalidInputException categories = assertThrows(InvalidInputException.class,
                () -> ConfigReader.categories(List.of(Map.of("id", "a", "name", "A", "parent", "b"),
                        Map.of("id", "b", "name", "B", "parent", "a")), "categories"));
        assertEquals("categories[0].parent", categories.field());
    }

    @Test
    void theDemoPracticeFileReads() throws IOException {
        Path demo = Path.of("..", "..", "karaf-assembly", "src", "main", "demo", "demo.json");
        Assumptions.assumeTrue(Files.isRegularFile(demo), "the demo file is not beside this module");
        Map<String, Object> file = JSON.readValue(demo.toFile(), LinkedHashMap.class);
        file.remove("staff");

        PracticeConfig config = ConfigReader.config(file);

        assertTrue(config.reasons().stream().anyMatch(r -> r.rules().audience() == Audience.NEW_CLIENTS));
        assertTrue(config.reasons().stream().anyMatch(r -> r.rules().pattern() != null));
        assertTrue(config.categories().stream().anyMatch(c -> c.parentId() != null));
        assertTrue(!config.rules().closedDates().isEmpty());
    }

    private static void assertRefused(String field, Consumer<Map<String, Object>> mistake) {
        Map<String, Object> file;
        try {
            file = map(FULL);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        mistake.accept(file);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ConfigReader.config(file),
                "expected a refusal naming " + field);
        assertEquals(field, refused.field(), refused.getMessage());
        assertTrue(!refused.reason().isBlank());
    }

    private static Object tree(String json) throws IOException {
        return JSON.readValue(json, Object.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) throws IOException {
        return (Map<String, Object>) JSON.readValue(json, LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rules(Map<String, Object> file) {
        return (Map<String, Object>) file.get("rules");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> timing(Map<String, Object> owner) {
        return (Map<String, Object>) owner.computeIfAbsent("timing", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> file, String key) {
        return (List<Object>) file.computeIfAbsent(key, k -> new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> category(Map<String, Object> file, int index) {
        return (Map<String, Object>) list(file, "categories").get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reason(Map<String, Object> file, int index) {
        return (Map<String, Object>) list(file, "reasons").get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hours(Map<String, Object> file) {
        return (Map<String, Object>) list(file, "workingHours").get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> weekly(Map<String, Object> file) {
        return (Map<String, Object>) hours(file).get("weekly");
    }
}

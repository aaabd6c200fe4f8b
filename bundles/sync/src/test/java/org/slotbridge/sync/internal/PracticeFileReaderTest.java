package org.slotbridge.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.Category;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Reason;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.StaffAccounts.StaffMember;

class PracticeFileReaderTest {

    private final ObjectMapper json = new ObjectMapper();
    private Map<String, Object> demo;

    @BeforeEach
    void setUp() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/practices/demo.json")) {
            demo = json.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
        }
    }

    @Test
    void readsAFileWrittenBeforeRulesAndCategories() {
        PracticeFile file = PracticeFileReader.read(demo, "demo");
        assertEquals(new Practice("demo", "Riverside Family Dental", ZoneId.of("America/New_York"), "+1 555 0100",
                "frontdesk@riverside-dental.example", NewClientPolicy.WELCOME, true), file.config().practice());
        assertEquals(2, file.config().providers().size());
        assertEquals(1, file.config().rooms().size());
        Reason checkup = file.config().reasons().get(0);
        assertEquals(new Reason("checkup", "Check-up", "Routine care", "A yearly visit", Duration.ofMinutes(60),
                Set.of("SMITH"), Set.of("OP1"), Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                List.of(TimeWindow.parse("08:00-12:00", "w"))), checkup);
        assertEquals(Set.of(), file.config().reasons().get(1).providerIds(), "no providers means any");
        assertEquals(List.of(new Category("Routine care", "Routine care", null, null)), file.config().categories(),
                "the category a reason names is a heading of its own");
        WorkingHours hours = file.config().hours().get(0);
        assertEquals(2, hours.on(LocalDate.of(2026, 12, 21)).size(), "a Monday");
        assertEquals(List.of(), hours.on(LocalDate.of(2026, 12, 24)), "a day off");
        assertEquals(new StaffMember("demo-staff", "demo", "Front desk"), file.staff().get(0).member());
    }

    @Test
    void defaultsApplyAndUnknownFieldsAreRefused() {
        assertRefused("theme", f -> f.put("theme", "ocean"));
        assertRefused("rooms[0].colour", f -> item(f, "rooms", 0).put("colour", "blue"));
        assertRefused("staff[0].email", f -> item(f, "staff", 0).put("email", "desk@example.org"));

        demo.remove("newClients");
        demo.remove("onlineBooking");
        demo.remove("staff");
        PracticeFile file = PracticeFileReader.read(demo, "demo");
        assertEquals(NewClientPolicy.WELCOME, file.config().practice().newClients());
        assertTrue(file.config().practice().onlineBooking());
        assertEquals(List.of(), file.staff());
    }

    @Test
    void eachMistakeIsNamedByItsPath() {
        assertRefused("slug", f -> f.put("slug", "other"));
        assertRefused("slug", f -> f.put("slug", "Demo Practice"));
        assertRefused("name", f -> f.remove("name"));
        assertRefused("zone", f -> f.put("zone", "Mars/Olympus"));
        assertRefused("providers[1].id", f -> item(f, "providers", 1).put("id", "SMITH"));
        assertRefused("providers[0].name", f -> item(f, "providers", 0).remove("name"));
        assertRefused("reasons[0].minutes", f -> item(f, "reasons", 0).put("minutes", 0));
        assertRefused("reasons[1].minutes", f -> item(f, "reasons", 1).put("minutes", "thirty"));
        assertRefused("reasons[0].minutes", f -> item(f, "reasons", 0).put("minutes", 30.5));
        assertRefused("reasons[1].id", f -> item(f, "reasons", 1).put("id", "checkup"));
        assertRefused("reasons[0].providers", f -> item(f, "reasons", 0).put("providers", List.of("SMTH")));
        assertRefused("reasons[0].rooms", f -> item(f, "reasons", 0).put("rooms", List.of("OP9")));
        assertRefused("workingHours[0].provider", f -> item(f, "workingHours", 0).put("provider", "NOBODY"));
        assertRefused("staff[0].passwordHash", f -> item(f, "staff", 0).put("passwordHash", "secret"));
        assertRefused("staff[0].username", f -> item(f, "staff", 0).remove("username"));
        assertRefused("staff", f -> f.put("staff", "demo-staff"));
    }

    @Test
    void aFileMustHoldAnObject() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> PracticeFileReader.read(List.of(), "demo"));
        assertEquals("(file)", refused.field());
    }

    private void assertRefused(String field, Consumer<Map<String, Object>> mistake) {
        Map<String, Object> file;
        try {
            file = json.readValue(json.writeValueAsString(demo),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        mistake.accept(file);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> PracticeFileReader.read(file, "demo"), "expected a refusal naming " + field);
        assertEquals(field, refused.field(), refused.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> file, String list, int index) {
        return (Map<String, Object>) ((List<Object>) file.get(list)).get(index);
    }
}

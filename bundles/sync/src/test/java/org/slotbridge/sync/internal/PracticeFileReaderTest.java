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
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Reason;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.StaffAccounts.StaffMember;

class PracticeFileReaderTest {

    private final ObjectMapper json = new ObjectMapper();
    private ObjectNode demo;

    @BeforeEach
    void setUp() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/practices/demo.json")) {
            demo = (ObjectNode) json.readTree(in);
        }
    }

    @Test
    void readsTheDocumentedFormat() {
        PracticeFile file = PracticeFileReader.read(demo, "demo");
        assertEquals(new Practice("demo", "Riverside Family Dental", ZoneId.of("America/New_York"), "+1 555 0100",
                "frontdesk@riverside-dental.example", NewClientPolicy.WELCOME, true), file.practice());
        assertEquals(2, file.providers().size());
        assertEquals(1, file.rooms().size());
        Reason checkup = file.reasons().get(0);
        assertEquals(new Reason("checkup", "Check-up", "Routine care", "A yearly visit", Duration.ofMinutes(60),
                Set.of("SMITH"), Set.of("OP1"), Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                List.of(TimeWindow.parse("08:00-12:00", "w"))), checkup);
        assertEquals(Set.of(), file.reasons().get(1).providerIds(), "no providers means any");
        WorkingHours hours = file.hours().get(0);
        assertEquals(2, hours.on(LocalDate.of(2026, 12, 21)).size(), "a Monday");
        assertEquals(List.of(), hours.on(LocalDate.of(2026, 12, 24)), "a day off");
        assertEquals(new StaffMember("demo-staff", "demo", "Front desk"), file.staff().get(0).member());
        assertEquals(List.of(), file.ignoredFields());
    }

    @Test
    void defaultsAndUnknownFields() {
        demo.remove("newClients");
        demo.remove("onlineBooking");
        demo.put("theme", "ocean");
        ((ObjectNode) demo.get("rooms").get(0)).put("colour", "blue");
        PracticeFile file = PracticeFileReader.read(demo, "demo");
        assertEquals(NewClientPolicy.WELCOME, file.practice().newClients());
        assertTrue(file.practice().onlineBooking());
        assertEquals(List.of("theme", "rooms[0].colour"), file.ignoredFields());
    }

    @Test
    void eachMistakeIsNamedByItsPath() {
        assertRefused("slug", f -> f.put("slug", "other"));
        assertRefused("slug", f -> f.put("slug", "Demo Practice"));
        assertRefused("name", f -> f.remove("name"));
        assertRefused("zone", f -> f.put("zone", "Mars/Olympus"));
        assertRefused("newClients", f -> f.put("newClients", "SOMETIMES"));
        assertRefused("onlineBooking", f -> f.put("onlineBooking", "yes"));
        assertRefused("providers[1].id", f -> provider(f, 1).put("id", "SMITH"));
        assertRefused("providers[0].name", f -> provider(f, 0).remove("name"));
        assertRefused("reasons[0].minutes", f -> reason(f, 0).put("minutes", 0));
        assertRefused("reasons[1].minutes", f -> reason(f, 1).put("minutes", "thirty"));
        assertRefused("reasons[0].minutes", f -> reason(f, 0).put("minutes", 30.5));
        assertRefused("reasons[0].id", f -> reason(f, 0).put("id", "Check Up"));
        assertRefused("reasons[1].id", f -> reason(f, 1).put("id", "checkup"));
        assertRefused("reasons[0].providers[0]", f -> ((ArrayNode) reason(f, 0).get("providers")).set(0, "SMTH"));
        assertRefused("reasons[0].rooms[0]", f -> ((ArrayNode) reason(f, 0).get("rooms")).set(0, "OP9"));
        assertRefused("reasons[0].weekdays[1]", f -> ((ArrayNode) reason(f, 0).get("weekdays")).set(1, "Tues"));
        assertRefused("reasons[0].windows[0]", f -> ((ArrayNode) reason(f, 0).get("windows")).set(0, "8-12"));
        assertRefused("workingHours[0].provider", f -> hours(f).put("provider", "NOBODY"));
        assertRefused("workingHours[0].weekly.MONDAY[1]",
                f -> ((ArrayNode) hours(f).get("weekly").get("MONDAY")).set(1, "13:00-12:00"));
        assertRefused("workingHours[0].weekly.FUNDAY", f -> ((ObjectNode) hours(f).get("weekly")).putArray("FUNDAY"));
        assertRefused("workingHours[0].exceptions.2026-13-01",
                f -> ((ObjectNode) hours(f).get("exceptions")).putArray("2026-13-01"));
        assertRefused("workingHours[0].weekly",
                f -> ((ArrayNode) hours(f).get("weekly").get("MONDAY")).set(1, "11:00-17:00"));
        assertRefused("staff[0].passwordHash", f -> staff(f).put("passwordHash", "secret"));
        assertRefused("staff[0].username", f -> staff(f).remove("username"));
        assertRefused("reasons", f -> f.put("reasons", "checkup"));
    }

    @Test
    void aFileMustHoldAnObject() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> PracticeFileReader.read(json.createArrayNode(), "demo"));
        assertEquals("(file)", refused.field());
    }

    private void assertRefused(String field, Consumer<ObjectNode> mistake) {
        ObjectNode file = demo.deepCopy();
        mistake.accept(file);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> PracticeFileReader.read(file, "demo"), "expected a refusal naming " + field);
        assertEquals(field, refused.field(), refused.getMessage());
    }

    private static ObjectNode provider(ObjectNode file, int index) {
        return (ObjectNode) file.get("providers").get(index);
    }

    private static ObjectNode reason(ObjectNode file, int index) {
        return (ObjectNode) file.get("reasons").get(index);
    }

    private static ObjectNode hours(ObjectNode file) {
        return (ObjectNode) file.get("workingHours").get(0);
    }

    private static ObjectNode staff(ObjectNode file) {
        return (ObjectNode) file.get("staff").get(0);
    }
}

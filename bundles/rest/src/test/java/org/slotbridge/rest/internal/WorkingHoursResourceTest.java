package org.slotbridge.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.ws.rs.ForbiddenException;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Category;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.PracticeSetup;

class WorkingHoursResourceTest {

    private static final String DESK = Fakes.basic("desk:secret:1");
    private static final String VET = Fakes.basic("vet:secret:1");

    private final List<WorkingHours> saved = new ArrayList<>();
    private final WorkingHoursResource resource = new WorkingHoursResource(new Fakes.Directory(), new Setup(),
            new Fakes.Staff());

    @Test
    void replacesOneProvidersHoursWithBreaksAndDaysOff() {
        Map<String, Object> answer = resource.replace(DESK, "demo", "SMITH", body(
                Map.of("monday", List.of("13:00-17:00", "08:00-12:00")), Map.of("2026-12-24", List.of())));

        WorkingHours hours = saved.get(0);
        assertEquals("SMITH", hours.providerId());
        assertEquals(List.of(new TimeWindow(LocalTime.of(8, 0), LocalTime.NOON),
                new TimeWindow(LocalTime.of(13, 0), LocalTime.of(17, 0))), hours.weekly().get(DayOfWeek.MONDAY));
        assertEquals(List.of(), hours.on(LocalDate.of(2026, 12, 24)), "an empty list is a day off");
        assertEquals(List.of("08:00-12:00", "13:00-17:00"), ((Map<?, ?>) answer.get("weekly")).get("MONDAY"));
        assertEquals("SMITH", answer.get("provider"));
    }

    @Test
    void badHoursAreRefusedWholeNamingTheField() {
        assertEquals("weekly.FUNDAY", invalid(Map.of("FUNDAY", List.of("08:00-12:00")), Map.of()));
        assertEquals("weekly.MONDAY[0]", invalid(Map.of("MONDAY", List.of("12:00-08:00")), Map.of()));
        assertEquals("weekly.MONDAY[0]", invalid(Map.of("MONDAY", List.of("morning")), Map.of()));
        assertEquals("weekly.MONDAY", invalid(Map.of("MONDAY", List.of("08:00-12:00", "11:00-13:00")), Map.of()));
        assertEquals("exceptions.2026-02-30", invalid(Map.of(), Map.of("2026-02-30", List.of())));
        assertEquals("provider", assertThrows(InvalidInputException.class, () -> resource.replace(DESK, "demo",
                "SMITH", Map.of("provider", "JONES"))).field());
        assertEquals("body", assertThrows(InvalidInputException.class,
                () -> resource.replace(DESK, "demo", "SMITH", null)).field());
        assertTrue(saved.isEmpty(), "nothing half-applied");
    }

    @Test
    void onlyThepracticesOwnStaffReachKnownProviders() {
        Map<String, Object> body = body(Map.of(), Map.of());
        assertThrows(ForbiddenException.class, () -> resource.replace(VET, "demo", "SMITH", body));
        assertThrows(NotFoundException.class, () -> resource.replace(DESK, "demo", "NOBODY", body));
        assertTrue(saved.isEmpty());
    }

    private String invalid(Map<String, List<String>> weekly, Map<String, List<String>> exceptions) {
        return assertThrows(InvalidInputException.class,
                () -> resource.replace(DESK, "demo", "SMITH", body(weekly, exceptions))).field();
    }

    private static Map<String, Object> body(Map<String, List<String>> weekly, Map<String, List<String>> exceptions) {
        return Map.of("weekly", weekly, "exceptions", exceptions);
    }

    private final class Setup implements PracticeSetup {

        @Override
        public void saveWorkingHours(String slug, WorkingHours hours) {
            saved.add(hours);
        }

        @Override
        public void saveRules(String slug, PracticeRules rules) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveCategories(String slug, List<Category> categories) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void apply(PracticeConfig config) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void savePractice(Practice practice) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveProvider(String slug, Provider provider) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveRoom(String slug, Room room) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveReason(String slug, Reason reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeReason(String slug, String reasonId) {
            throw new UnsupportedOperationException();
        }
    }
}

package org.slotbridge.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.TimeWindow;

class SearchParamsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void defaultsToTwoWeeksFromToday() {
        Preferences preferences = SearchParams.preferences(null, "", null, null, null, TODAY);

        assertEquals(TODAY, preferences.from());
        assertEquals(LocalDate.of(2026, 12, 20), preferences.to());
        assertEquals(EnumSet.noneOf(DayOfWeek.class), preferences.days());
        assertEquals(List.of(), preferences.times());
    }

    @Test
    void readsDaysInShortAndFullNamesAndTimesInEveryForm() {
        Preferences preferences = SearchParams.preferences("2026-12-10", null, "mon, Tuesday,FRI",
                "morning,evening,13:30-15:00", "SMITH", TODAY);

        assertEquals(LocalDate.of(2026, 12, 23), preferences.to());
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.FRIDAY), preferences.days());
        assertEquals(List.of(TimeWindow.MORNING, TimeWindow.EVENING, TimeWindow.parse("13:30-15:00", "t")),
                preferences.times());
        assertEquals("SMITH", preferences.providerId());
    }

    @Test
    void namesEachBadParameter() {
        assertEquals("from", field("07/12/2026", null, null, null));
        assertEquals("to", field(null, "2026-13-01", null, null));
        assertEquals("to", field(null, "2026-12-01", null, null));
        assertEquals("to", field(null, "2028-12-01", null, null));
        assertEquals("days", field(null, null, "MON,FUNDAY", null));
        assertEquals("times", field(null, null, null, "noonish"));
        assertEquals("times", field(null, null, null, "15:00-09:00"));
    }

    private static String field(String from, String to, String days, String times) {
        return assertThrows(InvalidInputException.class,
                () -> SearchParams.preferences(from, to, days, times, null, TODAY)).field();
    }
}

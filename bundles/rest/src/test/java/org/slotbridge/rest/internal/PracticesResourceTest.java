package org.slotbridge.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.ClientKind;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Order;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.RequestForm;
import org.slotbridge.rest.internal.Inputs.OpeningInput;
import org.slotbridge.rest.internal.Inputs.RequestInput;
import org.slotbridge.rest.internal.Views.HoldView;
import org.slotbridge.rest.internal.Views.OpeningList;
import org.slotbridge.rest.internal.Views.OpeningView;
import org.slotbridge.rest.internal.Views.PracticeSummary;

class PracticesResourceTest {

    /** Late on 7 December in New York, already the 8th in UTC. */
    private static final Clock EVENING_IN_NEW_YORK =
            Clock.fixed(Instant.parse("2026-12-08T03:00:00Z"), ZoneOffset.UTC);

    private final Fakes.RecordingBooking booking = new Fakes.RecordingBooking();
    private final PracticesResource resource =
            new PracticesResource(new Fakes.Directory(), booking, EVENING_IN_NEW_YORK);

    @Test
    void listsOnlyPracticesTakingOnlineBookings() {
        assertEquals(List.of(new PracticeSummary("demo", "Riverside Family Dental"),
                new PracticeSummary("other", "Hillside Vets")), resource.practices().practices());
    }

    @Test
    void hidesUnlistedAndUnknownPractices() {
        assertThrows(NotFoundException.class, () -> resource.practice("hidden"));
        assertThrows(NotFoundException.class, () -> resource.reasons("hidden", null));
        assertThrows(NotFoundException.class, () -> resource.practice("nowhere"));
        assertThrows(NotFoundException.class, () -> resource.practice("../etc"));
    }

    @Test
    void describesPracticeAndReasons() {
        assertEquals(new Views.PracticeView("demo", "Riverside Family Dental", "America/New_York",
                "+1 555 0100", "WELCOME"), resource.practice("demo"));
        Views.ReasonView checkup = new Views.ReasonView("checkup", "Check-up", "Routine care", "Once a year", 60,
                "ANYONE");
        assertEquals(List.of(checkup), resource.reasons("demo", null).reasons());
        assertEquals(List.of(new Views.CategoryView("Routine care", "Routine care", "Check-ups and cleaning",
                List.of(checkup), List.of())), resource.reasons("demo", "existing").categories());
        assertEquals("client", field(() -> resource.reasons("demo", "returning")));
    }

    @Test
    void searchesFromTheLocalDateOfThePractice() {
        resource.openings("demo", "checkup", null, null, "MON", "morning", "", null, null, null, null, null);

        Preferences preferences = (Preferences) booking.last.get("preferences");
        assertEquals(LocalDate.of(2026, 12, 7), preferences.from());
        assertEquals(LocalDate.of(2026, 12, 20), preferences.to());
        assertNull(preferences.providerId());
        assertEquals(List.of("openings demo checkup"), booking.calls);
    }

    @Test
    void namesEachBadOpeningsParameter() {
        assertEquals("reason", searchField(null, null, null, null, null, null));
        assertEquals("reason", searchField("polish", null, null, null, null, null));
        assertEquals("provider", searchField("checkup", null, null, null, null, "NOBODY"));
        assertEquals("from", searchField("checkup", "tomorrow", null, null, null, null));
        assertEquals("to", searchField("checkup", null, "2026-12-01", null, null, null));
        assertEquals("days", searchField("checkup", null, null, "XYZ", null, null));
        assertEquals("times", searchField("checkup", null, null, null, "late", null));
        assertTrue(booking.calls.isEmpty(), "no search runs on bad input");
    }

    @Test
    void namesEachBadOrderOrPageParameter() {
        assertEquals("order", pageField("latest", null, null, null, null));
        assertEquals("limit", pageField(null, "-1", null, null, null));
        assertEquals("limit", pageField(null, "ten", null, null, null));
        assertEquals("limit", pageField(null, "1001", null, null, null));
        assertEquals("page", pageField(null, null, "2", null, null));
        assertEquals("page", pageField(null, "10", "0", null, null));
        assertEquals("page", pageField(null, "10", "2", "5", null));
        assertEquals("offset", pageField(null, "10", null, "-5", null));
        assertEquals("client", pageField(null, null, null, null, "old"));
        assertTrue(booking.calls.isEmpty(), "no search runs on bad input");
    }

    @Test
    void asksForOnePageInTheOrderGivenAndSaysWhetherMoreFollow() {
        booking.openings = List.of(Fakes.opening(Instant.parse("2026-12-08T14:00:00Z")),
                Fakes.opening(Instant.parse("2026-12-09T14:00:00Z")),
                Fakes.opening(Instant.parse("2026-12-10T14:00:00Z")));

        OpeningList answer = resource.openings("demo", "checkup", null, null, null, null, null, "New", "SPREAD",
                "2", "3", null);

        Preferences asked = (Preferences) booking.last.get("preferences");
        assertEquals(Order.SPREAD, asked.order());
        assertEquals(4, asked.offset(), "page 3 of 2 starts after 4 openings");
        assertEquals(3, asked.limit(), "one more than the page, to tell whether more follow");
        assertEquals(ClientKind.NEW, asked.client());
        assertEquals(2, answer.openings().size());
        assertTrue(answer.more());
        assertEquals("spread", answer.order());
        assertEquals(4, answer.offset());

        booking.openings = booking.openings.subList(0, 2);
        assertFalse(resource.openings("demo", "checkup", null, null, null, null, null, null, null, "2", null, "7")
                .more());
        assertEquals(7, ((Preferences) booking.last.get("preferences")).offset());
        assertEquals(Order.EARLIEST, ((Preferences) booking.last.get("preferences")).order());
    }

    @Test
    void writesEachOpeningWithTheOffsetInForceAtItsStart() {
        // 1 November 2026: New York falls back from EDT (-04:00) to EST (-05:00) at 02:00 local.
        booking.openings = List.of(
                Fakes.opening(Instant.parse("2026-11-01T05:30:00Z")),
                Fakes.opening(Instant.parse("2026-11-01T06:30:00Z")),
                Fakes.opening(Instant.parse("2026-12-07T14:00:00Z")));

        OpeningList answer =
                resource.openings("demo", "checkup", "2026-10-31", "2026-12-07", null, null, null, null, null, null,
                        null, null);

        List<OpeningView> openings = answer.openings();
        assertEquals("2026-11-01T01:30:00-04:00", openings.get(0).start());
        assertEquals("2026-11-01T01:30:00-05:00", openings.get(0).end());
        assertEquals("2026-11-01T01:30:00-05:00", openings.get(1).start());
        assertEquals("2026-11-01T02:30:00-05:00", openings.get(1).end());
        assertEquals("2026-12-07T09:00:00-05:00", openings.get(2).start());
        assertEquals(new Views.ProviderRef("SMITH", "Dr. Ann Smith"), openings.get(2).provider());
        assertEquals("OP1", openings.get(2).room());
        assertEquals("checkup", openings.get(2).reason());
        assertEquals("America/New_York", answer.zone());
    }

    @Test
    void holdsAnOpeningSentBackAsReturned() {
        Instant start = Instant.parse("2026-03-08T14:00:00Z");
        OpeningView returned = OpeningView.of(Fakes.opening(start), Fakes.NEW_YORK,
                Map.of("SMITH", "Dr. Ann Smith"));
        assertEquals("2026-03-08T10:00:00-04:00", returned.start(), "after the spring change");

        Map<String, String> provider = Map.of("id", "SMITH", "name", "Dr. Ann Smith");
        Response answer = resource.hold("demo", new OpeningInput(returned.reason(), provider, returned.room(),
                returned.start(), returned.end()));

        assertEquals(201, answer.getStatus());
        assertEquals("/api/v1/practices/demo/holds/h-1", answer.getLocation().toString());
        assertEquals(Fakes.opening(start), booking.last.get("opening"));
        HoldView view = (HoldView) answer.getEntity();
        assertEquals("2026-12-01T10:10:00-05:00", view.expiresAt());
        assertEquals(returned, view.opening());
    }

    @Test
    void acceptsTheProviderAsABareId() {
        resource.hold("demo", new OpeningInput("checkup", "SMITH", "", "2026-12-07T09:00:00-05:00",
                "2026-12-07T10:00:00-05:00"));

        Opening opening = (Opening) booking.last.get("opening");
        assertEquals("SMITH", opening.providerId());
        assertNull(opening.roomId());
        assertEquals(Instant.parse("2026-12-07T14:00:00Z"), opening.start());
    }

    @Test
    void namesEachBadHoldField() {
        String start = "2026-12-07T09:00:00-05:00";
        String end = "2026-12-07T10:00:00-05:00";
        assertEquals("body", holdField(null));
        assertEquals("reason", holdField(new OpeningInput(null, "SMITH", null, start, end)));
        assertEquals("provider", holdField(new OpeningInput("checkup", null, null, start, end)));
        assertEquals("provider", holdField(new OpeningInput("checkup", Map.of("name", "x"), null, start, end)));
        assertEquals("provider", holdField(new OpeningInput("checkup", 7, null, start, end)));
        assertEquals("start", holdField(new OpeningInput("checkup", "SMITH", null, "2026-12-07T09:00", end)));
        assertEquals("end", holdField(new OpeningInput("checkup", "SMITH", null, end, start)));
        assertTrue(booking.calls.isEmpty());
    }

    @Test
    void letsAConflictThrough() {
        booking.taken = true;
        OpeningInput opening = new OpeningInput("checkup", "SMITH", null, "2026-12-07T09:00:00-05:00",
                "2026-12-07T10:00:00-05:00");
        ConflictException conflict = assertThrows(ConflictException.class, () -> resource.hold("demo", opening));
        assertEquals("opening_taken", conflict.code());
    }

    @Test
    void sendsTheRequestFormAndAnswersWithoutPersonalData() throws Exception {
        Response answer = resource.request("demo", new RequestInput("h-1", "jane@example.org", " ",
                "pc-4711", "Jane Roe", "Rex Roe", "pet", "limps a little"));

        assertEquals(201, answer.getStatus());
        assertEquals(new RequestForm("h-1", "jane@example.org", null, "pc-4711", "Jane Roe", "Rex Roe",
                PatientKind.PET, "limps a little"), booking.last.get("form"));
        String json = new ObjectMapper().writeValueAsString(answer.getEntity());
        assertTrue(json.contains("\"id\":\"r-1\""), json);
        assertTrue(json.contains("\"status\":\"PENDING\""), json);
        for (String secret : List.of("pc-4711", "privacy", "jane", "555", "Roe", "limps")) {
            assertFalse(json.contains(secret), "the public view leaks '" + secret + "': " + json);
        }
    }

    @Test
    void namesEachBadRequestField() {
        assertEquals("body", field(() -> resource.request("demo", null)));
        assertEquals("hold", field(() -> resource.request("demo",
                new RequestInput(" ", "a@b.example", null, "x", null, null, null, null))));
        assertEquals("patientKind", field(() -> resource.request("demo",
                new RequestInput("h-1", "a@b.example", null, "x", null, null, "robot", null))));
        assertTrue(booking.calls.isEmpty());
    }

    private String searchField(String reason, String from, String to, String days, String times,
                               String provider) {
        return field(() -> resource.openings("demo", reason, from, to, days, times, provider, null, null, null,
                null, null));
    }

    private String pageField(String order, String limit, String page, String offset, String client) {
        return field(() -> resource.openings("demo", "checkup", null, null, null, null, null, client, order, limit,
                page, offset));
    }

    private String holdField(OpeningInput body) {
        return field(() -> resource.hold("demo", body));
    }

    private static String field(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run).field();
    }
}

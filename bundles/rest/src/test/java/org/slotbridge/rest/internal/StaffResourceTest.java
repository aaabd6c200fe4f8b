package org.slotbridge.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Opening;
import org.slotbridge.rest.internal.Inputs.NoteInput;
import org.slotbridge.rest.internal.Inputs.OpeningInput;
import org.slotbridge.rest.internal.Inputs.ProposalInput;
import org.slotbridge.rest.internal.Views.StaffRequestList;
import org.slotbridge.rest.internal.Views.StaffRequestView;

class StaffResourceTest {

    private static final String DESK = Fakes.basic("desk:secret:1");
    private static final String VET = Fakes.basic("vet:secret:1");

    private final Fakes.RecordingBooking booking = new Fakes.RecordingBooking();
    private final StaffResource resource = new StaffResource(new Fakes.Directory(), booking, new Fakes.Staff());

    @Test
    void listsPendingRequestsByDefaultWithContactAndPatient() throws Exception {
        StaffRequestList list = resource.requests(DESK, "demo", null);

        assertEquals(List.of("requests demo PENDING"), booking.calls);
        StaffRequestView view = list.requests().get(0);
        assertEquals("jane@example.org", view.client().email());
        assertEquals("Rex Roe", view.patient().name());
        assertEquals("PET", view.patient().kind());
        assertEquals("2026-12-07T09:00:00-05:00", view.opening().start());
        String json = new ObjectMapper().writeValueAsString(view);
        assertFalse(json.toLowerCase().contains("privacy"), json);
    }

    @Test
    void readsTheStatusFilter() {
        resource.requests(DESK, "demo", "confirmed");
        assertEquals(List.of("requests demo CONFIRMED"), booking.calls);
        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> resource.requests(DESK, "demo", "SOMEDAY"));
        assertEquals("status", bad.field());
    }

    @Test
    void neverReachesAnotherPractice() {
        assertThrows(ForbiddenException.class, () -> resource.requests(VET, "demo", null));
        assertThrows(ForbiddenException.class, () -> resource.request(VET, "demo", "r-1"));
        assertThrows(ForbiddenException.class, () -> resource.confirm(VET, "demo", "r-1", null));
        assertThrows(ForbiddenException.class, () -> resource.decline(VET, "demo", "r-1", null));
        assertThrows(ForbiddenException.class, () -> resource.propose(VET, "demo", "r-1", null));
        assertThrows(ForbiddenException.class, () -> resource.requests(DESK, "other", null));
        assertThrows(NotAuthorizedException.class, () -> resource.confirm(null, "demo", "r-1", null));
        assertTrue(booking.calls.isEmpty(), "nothing was read or changed: " + booking.calls);
    }

    @Test
    void passesDecisionsWithTheirNotes() {
        assertEquals("CONFIRMED", resource.confirm(DESK, "demo", "r-1", new NoteInput("see you")).status());
        assertEquals("DECLINED", resource.decline(DESK, "demo", "r-1", new NoteInput("  ")).status());
        assertEquals("CONFIRMED", resource.confirm(DESK, "demo", "r-1", null).status());

        assertEquals(List.of("confirm demo r-1 see you", "decline demo r-1 null", "confirm demo r-1 null"),
                booking.calls);
    }

    @Test
    void proposesAnotherOpening() {
        StaffRequestView view = resource.propose(DESK, "demo", "r-1", new ProposalInput(new OpeningInput(
                "checkup", Map.of("id", "JONES"), null, "2026-12-08T08:00:00-05:00", "2026-12-08T09:00:00-05:00"),
                "Tuesday instead?"));

        assertEquals("PROPOSED", view.status());
        assertEquals("Tuesday instead?", view.staffNote());
        assertEquals(new Opening("checkup", "JONES", null, Instant.parse("2026-12-08T13:00:00Z"),
                Instant.parse("2026-12-08T14:00:00Z")), booking.last.get("opening"));
    }

    @Test
    void namesTheBadPartOfAProposal() {
        assertEquals("opening", assertThrows(InvalidInputException.class,
                () -> resource.propose(DESK, "demo", "r-1", new ProposalInput(null, "x"))).field());
        assertEquals("opening.start", assertThrows(InvalidInputException.class,
                () -> resource.propose(DESK, "demo", "r-1", new ProposalInput(
                        new OpeningInput("checkup", "SMITH", null, "soon", "2026-12-08T09:00:00-05:00"), null)))
                .field());
        assertTrue(booking.calls.isEmpty());
    }
}

package org.slotbridge.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Client;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.ConnectorStatus;
import org.slotbridge.api.service.ConnectorStatus.SyncState;

class ListingsTest {

    private static final Practice DEMO = new Practice("demo", "Riverside Family Dental",
            ZoneId.of("America/New_York"), null, null, NewClientPolicy.WELCOME, true);
    private static final Practice VETS = new Practice("vets", "Hillside Vets", ZoneId.of("Europe/Paris"),
            null, null, NewClientPolicy.WELCOME, false);

    @Test
    void listsPracticesWithZoneAndWhetherListed() {
        Listings.Table table = Listings.practices(List.of(DEMO, VETS));

        assertEquals(List.of("Slug", "Name", "Zone", "Listed"), table.header());
        assertEquals(List.of(List.of("demo", "Riverside Family Dental", "America/New_York", "yes"),
                List.of("vets", "Hillside Vets", "Europe/Paris", "no")), table.rows());
    }

    @Test
    void showsEachConnectorsStateInThePracticeZone() {
        ConnectorStatus hl7 = connector("hl7v2",
                new SyncState("vets", "siu-0002.hl7", Instant.parse("2026-03-29T00:30:00Z"), 12, 1,
                        "PID-3 missing\nin segment 2", Instant.parse("2026-03-29T01:30:00Z")),
                new SyncState("demo", null, null, 0, 0, null, null));
        ConnectorStatus ical = connector("ical",
                new SyncState("gone", "feed.ics", Instant.parse("2026-12-07T14:00:00Z"), 3, 0, null, null));

        Listings.Table table = Listings.syncStates(List.of(DEMO, VETS), List.of(ical, hl7));

        assertEquals(List.of(
                List.of("demo", "hl7v2", "-", "-", "0", "0", "-"),
                List.of("gone", "ical", "feed.ics", "2026-12-07 14:00:00 +00:00", "3", "0", "-"),
                // Paris moves to summer time at 01:00 UTC that night: the offsets tell the two apart
                List.of("vets", "hl7v2", "siu-0002.hl7", "2026-03-29 01:30:00 +01:00", "12", "1",
                        "2026-03-29 03:30:00 +02:00 PID-3 missing in segment 2")), table.rows());
    }

    @Test
    void listsRequestsWithoutPersonalData() {
        Request request = new Request("r-1", "demo", new Opening("checkup", "SMITH", null,
                Instant.parse("2026-12-07T14:00:00Z"), Instant.parse("2026-12-07T15:00:00Z")), "h-1",
                RequestStatus.PENDING, new Client(null, null, "Jane Roe", "jane@example.org", "+1 555 0199", true),
                new Patient(null, null, null, "Rex Roe", PatientKind.PET, null, "dog"), true, "limps", null,
                Instant.parse("2026-12-01T15:00:00Z"), null);

        Listings.Table table = Listings.requests(DEMO, List.of(new Provider("SMITH", "Dr. Ann Smith")),
                List.of(request));

        assertEquals(List.of(List.of("r-1", "PENDING", "2026-12-07 09:00:00 -05:00", "SMITH (Dr. Ann Smith)",
                "checkup")), table.rows());
        String printed = print(table);
        for (String personal : List.of("Roe", "jane", "555", "limps", "dog")) {
            assertFalse(printed.contains(personal), printed);
        }
    }

    @Test
    void printsAlignedColumnsOrTheEmptyText() {
        String printed = print(Listings.practices(List.of(DEMO, VETS)));
        List<String> lines = printed.lines().toList();
        assertTrue(lines.get(0).startsWith("Slug"), printed);
        assertEquals(lines.get(2).indexOf("America/New_York"), lines.get(3).indexOf("Europe/Paris"), printed);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Listings.practices(List.of()).print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "Nothing.");
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Nothing."));
    }

    @Test
    void readsTheStatusArgument() {
        assertEquals(RequestStatus.PENDING, RequestsCommand.status(null));
        assertEquals(RequestStatus.DECLINED, RequestsCommand.status(" declined "));
        assertEquals("status", assertThrows(InvalidInputException.class,
                () -> RequestsCommand.status("LATER")).field());
    }

    private static String print(Listings.Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ConnectorStatus connector(String name, SyncState... states) {
        return new ConnectorStatus() {
            @Override
            public String connector() {
                return name;
            }

            @Override
            public List<SyncState> states() {
                return List.of(states);
            }
        };
    }
}

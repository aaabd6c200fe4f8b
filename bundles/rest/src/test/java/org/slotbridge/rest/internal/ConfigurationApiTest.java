package org.slotbridge.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Room;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.booking.internal.BookingForTests;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.TestDatabase;

/**
 * A practice configured entirely through the staff API, over HTTP, on the real store (in-memory Derby)
 * and the real booking service and engine, and what its clients then see. The expected openings are
 * worked out by hand from the rules in docs/openings.md.
 */
class ConfigurationApiTest {

    /** Thursday 5 March 2026, 09:00 in New York (EST); clocks go forward on Sunday 8 March. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-05T14:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESK = basic("desk", "desk-secret-1");
    private static final String VET = basic("vet", "vet-secret-1");

    private static final String RULES = """
            {"unitMinutes": 15,
             "timing": {"gridMinutes": 30, "noticeMinutes": 60, "horizonDays": 30, "bufferAfterMinutes": 15},
             "closedDates": ["2026-03-09"], "providerGroups": {"hygiene": ["LEE"]}, "shownPerDay": 2}""";
    private static final String CATEGORIES = """
            {"categories": [{"id": "routine", "name": "Routine care", "helpText": "Check-ups and cleaning"},
                            {"id": "kids", "name": "Children", "parent": "routine"}]}""";
    private static final String HOURS = """
            {"weekly": {"MONDAY": ["09:00-11:00"], "TUESDAY": ["09:00-11:00"]},
             "exceptions": {"2026-03-10": ["13:00-14:00"]}}""";
    private static final String CHECKUP = """
            {"name": "Check-up", "category": "routine", "minutes": 45, "providers": ["DOE"], "rooms": ["R1"]}""";
    private static final String FIRST_VISIT = """
            {"name": "First visit", "category": "kids", "minutes": 30, "providers": ["DOE"],
             "audience": "NEW_CLIENTS", "timing": {"starts": ["10:00"]}}""";
    private static final String SEARCH = "/api/v1/practices/clinic/openings?from=2026-03-09&to=2026-03-17";

    private ApiServer api;

    @BeforeEach
    void start() throws Exception {
        TestDatabase db = TestDatabase.clean();
        Store store = db.store();
        PracticeDirectory directory = db.directory();
        PracticeSetup setup = db.setup();
        StaffAccounts accounts = db.staff();
        ZoneId newYork = ZoneId.of("America/New_York");
        // what the PMS reports and an operator sets up; everything else comes through the API
        setup.savePractice(new Practice("clinic", "Riverside Clinic", newYork, null, null, NewClientPolicy.WELCOME,
                true));
        setup.saveProvider("clinic", new Provider("DOE", "Dr. Sam Doe"));
        setup.saveProvider("clinic", new Provider("LEE", "Kim Lee"));
        setup.saveRoom("clinic", new Room("R1", "Room 1"));
        setup.savePractice(new Practice("other", "Hillside Vets", newYork, null, null, NewClientPolicy.WELCOME,
                true));
        store.run(session -> {
            session.staff().save(new StaffMember("desk", "clinic", "Front desk"), ApiServer.hash("desk-secret-1"));
            session.staff().save(new StaffMember("vet", "other", "Vet desk"), ApiServer.hash("vet-secret-1"));
        });

        Booking booking = BookingForTests.create(store, NOW);
        api = ApiServer.start(
                new PracticesResource(directory, booking, NOW),
                new RulesResource(directory, setup, accounts),
                new CategoriesResource(directory, setup, accounts),
                new StaffReasonsResource(directory, setup, accounts),
                new WorkingHoursResource(directory, setup, accounts),
                new WhyNotResource(directory, booking, accounts));
    }

    @AfterEach
    void stop() throws Exception {
        api.stop();
    }

    @Test
    void aPracticeConfiguredThroughTheApiShowsExactlyTheOpeningsItsRulesAllow() throws Exception {
        configure();

        // Monday 9 March is closed. Tuesday 10 March has only 13:00-14:00: 13:00 fits 45 minutes and the
        // 15-minute buffer may lie outside the hours; 13:30 would end past 14:00. On the 16th and 17th,
        // 09:00, 09:30 and 10:00 fit in 09:00-11:00, and two a day are shown: positions 0 and 1 of 3.
        assertEquals(List.of("2026-03-10T13:00:00-04:00/2026-03-10T13:45:00-04:00",
                        "2026-03-16T09:00:00-04:00/2026-03-16T09:45:00-04:00",
                        "2026-03-16T09:30:00-04:00/2026-03-16T10:15:00-04:00",
                        "2026-03-17T09:00:00-04:00/2026-03-17T09:45:00-04:00",
                        "2026-03-17T09:30:00-04:00/2026-03-17T10:15:00-04:00"),
                spans(get(SEARCH + "&reason=checkup")));
        JsonNode first = get(SEARCH + "&reason=checkup").at("/openings/0");
        assertEquals("R1", first.get("room").asText());
        assertEquals("Dr. Sam Doe", first.at("/provider/name").asText());

        // spread: the first of each day, then the second of each day; pages of two
        assertEquals(List.of("2026-03-10T13:00", "2026-03-16T09:00", "2026-03-17T09:00", "2026-03-16T09:30",
                "2026-03-17T09:30"), starts(get(SEARCH + "&reason=checkup&order=spread")));
        JsonNode page2 = get(SEARCH + "&reason=checkup&order=spread&limit=2&page=2");
        assertEquals(List.of("2026-03-17T09:00", "2026-03-16T09:30"), starts(page2));
        assertTrue(page2.get("more").asBoolean());
        JsonNode page3 = get(SEARCH + "&reason=checkup&order=spread&limit=2&offset=4");
        assertEquals(List.of("2026-03-17T09:30"), starts(page3));
        assertFalse(page3.get("more").asBoolean());

        // a fixed start of 10:00 for new clients only: none on the 10th, whose hours are 13:00-14:00
        assertEquals(List.of("2026-03-16T10:00", "2026-03-17T10:00"),
                starts(get(SEARCH + "&reason=first-visit&client=new")));
        assertEquals(List.of(), starts(get(SEARCH + "&reason=first-visit&client=existing")));
    }

    @Test
    void clientsSeeTheCategoryTreeOfTheReasonsTheyMayBook() throws Exception {
        configure();

        JsonNode existing = get("/api/v1/practices/clinic/reasons?client=existing");
        assertEquals(List.of("checkup"), ids(existing.get("reasons")));
        assertEquals("Routine care", existing.at("/categories/0/name").asText());
        assertEquals("Check-ups and cleaning", existing.at("/categories/0/helpText").asText());
        assertEquals(0, existing.at("/categories/0/categories").size(), "an empty category is left out");

        JsonNode newcomer = get("/api/v1/practices/clinic/reasons?client=new");
        assertEquals(List.of("checkup", "first-visit"), ids(newcomer.get("reasons")).stream().sorted().toList());
        assertEquals("Children", newcomer.at("/categories/0/categories/0/name").asText());
        assertEquals("first-visit", newcomer.at("/categories/0/categories/0/reasons/0/id").asText());
        assertEquals("NEW_CLIENTS", newcomer.at("/categories/0/categories/0/reasons/0/audience").asText());

        HttpResponse<String> bad = send("GET", "/api/v1/practices/clinic/reasons?client=someone", null, null);
        assertEquals(400, bad.statusCode());
        assertEquals("client", JSON.readTree(bad.body()).get("field").asText());
    }

    @Test
    void staffAskWhyATimeIsNotOffered() throws Exception {
        configure();
        String why = "/api/v1/staff/practices/clinic/why-not?reason=checkup&provider=DOE&start=";

        // 14:00 in Paris is 09:00 in New York: the answer speaks the practice's time
        JsonNode offered = staff(why + enc("2026-03-16T14:00:00+01:00"));
        assertTrue(offered.get("offered").asBoolean(), offered.toString());
        assertEquals("2026-03-16T09:00:00-04:00", offered.at("/opening/start").asText());
        assertEquals(0, offered.get("obstacles").size());

        JsonNode closed = staff(why + enc("2026-03-09T09:00:00-04:00"));
        assertFalse(closed.get("offered").asBoolean());
        assertTrue(closed.get("opening").isNull());
        assertTrue(codes(closed).contains("closed"), closed.toString());
        assertTrue(codes(staff(why + enc("2026-03-16T09:15:00-04:00"))).contains("off_grid"));

        HttpResponse<String> noOffset = send("GET", why + "2026-03-16T09:00", DESK, null);
        assertEquals(400, noOffset.statusCode());
        assertEquals("start", JSON.readTree(noOffset.body()).get("field").asText());
        HttpResponse<String> nobody = send("GET", why.replace("DOE", "NOBODY") + enc("2026-03-16T09:00:00-04:00"),
                DESK, null);
        assertEquals("provider", JSON.readTree(nobody.body()).get("field").asText());
    }

    @Test
    void badConfigurationIsRefusedNamingTheFieldAndTheConfigurationBeforeStays() throws Exception {
        configure();
        JsonNode rulesBefore = staff("/api/v1/staff/practices/clinic/rules");
        JsonNode openingsBefore = get(SEARCH + "&reason=checkup");

        assertRefused("PUT", "/api/v1/staff/practices/clinic/reasons/checkup",
                CHECKUP.replace("45", "40"), "minutes");
        assertRefused("PUT", "/api/v1/staff/practices/clinic/reasons/checkup",
                CHECKUP.replace("\"R1\"", "\"R9\""), "rooms");
        assertRefused("PUT", "/api/v1/staff/practices/clinic/reasons/checkup",
                CHECKUP.replace("\"minutes\"", "\"colour\": \"blue\", \"minutes\""), "colour");
        assertRefused("PUT", "/api/v1/staff/practices/clinic/reasons/checkup",
                CHECKUP.replace("{", "{\"id\": \"check-up\", "), "id");
        assertRefused("PUT", "/api/v1/staff/practices/clinic/reasons/checkup",
                CHECKUP.replace("\"minutes\"", "\"providerGroup\": \"hygiene\", \"minutes\""), "providerGroup");
        assertRefused("PUT", "/api/v1/staff/practices/clinic/rules",
                "{\"timing\": {\"gridMinutes\": \"thirty\"}}", "timing.gridMinutes");
        assertRefused("PUT", "/api/v1/staff/practices/clinic/rules",
                "{\"unitMinutes\": 10, \"timing\": {\"gridMinutes\": 30}}", "reasons[checkup].minutes");
        assertRefused("PUT", "/api/v1/staff/practices/clinic/rules",
                "{\"providerGroups\": {\"hygiene\": [\"NOBODY\"]}}", "providerGroups[hygiene]");
        assertRefused("PUT", "/api/v1/staff/practices/clinic/categories",
                "{\"categories\": [{\"id\": \"routine\", \"name\": \"Routine care\"}]}",
                "reasons[first-visit].category");
        assertRefused("PUT", "/api/v1/staff/practices/clinic/categories",
                "{\"categories\": [{\"id\": \"a\", \"name\": \"A\", \"parent\": \"b\"},"
                        + " {\"id\": \"b\", \"name\": \"B\", \"parent\": \"a\"}]}", "categories[0].parent");
        assertRefused("PUT", "/api/v1/staff/practices/clinic/working-hours/DOE",
                "{\"weekly\": {\"MONDAY\": [\"09:00-10:10\"]}}", "weekly.MONDAY");
        assertRefused("PUT", "/api/v1/staff/practices/clinic/working-hours/DOE",
                "{\"weekly\": {\"MONDAY\": [\"09:00-12:00\", \"11:00-13:00\"]}}", "weekly.MONDAY");

        assertEquals(rulesBefore, staff("/api/v1/staff/practices/clinic/rules"));
        assertEquals(45, staff("/api/v1/staff/practices/clinic/reasons/checkup").get("minutes").asInt());
        assertEquals(openingsBefore, get(SEARCH + "&reason=checkup"));
    }

    @Test
    void staffReadWhatTheyWroteAndRemoveReasons() throws Exception {
        configure();

        JsonNode rules = staff("/api/v1/staff/practices/clinic/rules");
        assertEquals(15, rules.get("unitMinutes").asInt());
        assertEquals(30, rules.at("/timing/gridMinutes").asInt());
        assertEquals(15, rules.at("/timing/bufferAfterMinutes").asInt());
        assertEquals(0, rules.at("/timing/dailyCap").asInt(), "a field left out reads back as its default");
        assertEquals("2026-03-09", rules.at("/closedDates/0").asText());
        assertEquals("LEE", rules.at("/providerGroups/hygiene/0").asText());

        JsonNode visit = staff("/api/v1/staff/practices/clinic/reasons/first-visit");
        assertEquals("NEW_CLIENTS", visit.get("audience").asText());
        assertEquals("10:00", visit.at("/timing/starts/0").asText());
        assertFalse(visit.get("timing").has("gridMinutes"), "a reason's timing shows only what it overrides");
        assertEquals(2, staff("/api/v1/staff/practices/clinic/reasons").get("reasons").size());
        assertEquals("routine", staff("/api/v1/staff/practices/clinic/categories").at("/categories/1/parent")
                .asText());

        assertEquals(204, send("DELETE", "/api/v1/staff/practices/clinic/reasons/first-visit", DESK, null)
                .statusCode());
        assertEquals(404, send("GET", "/api/v1/staff/practices/clinic/reasons/first-visit", DESK, null)
                .statusCode());
        assertEquals(404, send("DELETE", "/api/v1/staff/practices/clinic/reasons/first-visit", DESK, null)
                .statusCode());
    }

    @Test
    void onlyThePracticesOwnStaffReachItsConfiguration() throws Exception {
        configure();
        for (String path : List.of("rules", "categories", "reasons", "reasons/checkup", "working-hours",
                "why-not?reason=checkup&provider=DOE&start=" + enc("2026-03-16T09:00:00-04:00"))) {
            String address = "/api/v1/staff/practices/clinic/" + path;
            assertEquals(401, send("GET", address, null, null).statusCode(), address);
            assertEquals(403, send("GET", address, VET, null).statusCode(), address);
            assertEquals(200, send("GET", address, DESK, null).statusCode(), address);
        }
        assertEquals(403, send("PUT", "/api/v1/staff/practices/clinic/rules", VET, "{}").statusCode());
        assertEquals(15, staff("/api/v1/staff/practices/clinic/rules").get("unitMinutes").asInt());
    }

    /** Rules, categories, hours and reasons, each through its endpoint. */
    private void configure() throws Exception {
        assertOk(send("PUT", "/api/v1/staff/practices/clinic/rules", DESK, RULES));
        assertOk(send("PUT", "/api/v1/staff/practices/clinic/categories", DESK, CATEGORIES));
        assertOk(send("PUT", "/api/v1/staff/practices/clinic/working-hours/DOE", DESK, HOURS));
        assertOk(send("PUT", "/api/v1/staff/practices/clinic/reasons/checkup", DESK, CHECKUP));
        assertOk(send("PUT", "/api/v1/staff/practices/clinic/reasons/first-visit", DESK, FIRST_VISIT));
    }

    private void assertRefused(String method, String path, String body, String field) throws Exception {
        HttpResponse<String> answer = send(method, path, DESK, body);
        assertEquals(400, answer.statusCode(), path + " " + body + " -> " + answer.body());
        JsonNode error = JSON.readTree(answer.body());
        assertEquals("invalid_input", error.get("code").asText(), answer.body());
        assertEquals(field, error.get("field").asText(), answer.body());
    }

    private static void assertOk(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = send("GET", path, null, null);
        assertEquals(200, answer.statusCode(), path + " -> " + answer.body());
        return JSON.readTree(answer.body());
    }

    private JsonNode staff(String path) throws Exception {
        HttpResponse<String> answer = send("GET", path, DESK, null);
        assertEquals(200, answer.statusCode(), path + " -> " + answer.body());
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body)
            throws Exception {
        return api.send(method, path, authorization, body);
    }

    /** Each opening as start/end, both as the answer wrote them. */
    private static List<String> spans(JsonNode answer) {
        List<String> spans = new ArrayList<>();
        answer.get("openings").forEach(o -> spans.add(o.get("start").asText() + "/" + o.get("end").asText()));
        return spans;
    }

    /** Each opening's local start, after checking it carries the practice's offset of that date. */
    private static List<String> starts(JsonNode answer) {
        List<String> starts = new ArrayList<>();
        answer.get("openings").forEach(o -> {
            String start = o.get("start").asText();
            assertTrue(start.endsWith(":00-04:00"), start);
            starts.add(start.substring(0, 16));
        });
        return starts;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> codes(JsonNode explanation) {
        List<String> codes = new ArrayList<>();
        explanation.get("obstacles").forEach(o -> codes.add(o.get("code").asText()));
        return codes;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

package org.slotbridge.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Rule;
import org.junit.Test;

/**
 * A node killed with SIGKILL in the middle of a load of requests, then started again on the same data/
 * (embedded Derby, as shipped). Visitors race for overlapping openings while the PMS drops HL7 bookings in
 * the practice's inbox; after some requests were acknowledged, and while the load goes on, the JVM is
 * killed. Once the node is back:
 * <ul>
 * <li>every acknowledged request is there, once, for the staff and through its client's link, and was
 * written to the outbox once;</li>
 * <li>no two requests or live holds overlap on a provider or a room;</li>
 * <li>a hold nobody made a request on keeps its opening until it lapses, across the restart, and not
 * longer: the opening is offered again then, and the sweep deletes the lapsed holds;</li>
 * <li>every inbox file is filed in done/ exactly once, none in error/, and each visit it books is in the
 * schedule copy; the inbox journal has one finished row per file, with each message recorded once;</li>
 * <li>the booking sweep, a job of the scheduler in the same database, fires again after the restart.</li>
 * </ul>
 */
public class CrashIT {

    private static final String SLUG = "crash";
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final String STAFF = "crash-staff";
    private static final String STAFF_PASSWORD = "crash-staff-password-1";
    private static final Duration BOOT = Duration.ofSeconds(180);
    private static final Duration LOAD = Duration.ofSeconds(120);
    private static final Duration FILING = Duration.ofSeconds(90);
    private static final int VISITORS = 14;
    /** Acknowledged requests after which the rest of the HL7 files are dropped, and the hold is taken. */
    private static final int HALFWAY = 20;
    /** Acknowledged requests after which the node is killed. */
    private static final int KILL_AFTER = 30;
    private static final int FILES = 12;
    private static final Duration HOLD_LIFE = Duration.ofMinutes(1);
    private static final Duration SWEEP = Duration.ofSeconds(5);
    private static final int VISIT_MINUTES = 60;
    private static final Pattern RENUMBERED = Pattern.compile("-\\d+\\.hl7$");

    private static final Path WORK = ContainerOptions.work("crash");

    @Rule
    public final Node.Group nodes = new Node.Group(WORK);

    /** A hold nobody made a request on, and when it lapses. */
    private record Held(JsonNode opening, Instant expiresAt) {
    }

    @Test
    public void acknowledgedWorkSurvivesAKill() throws IOException, InterruptedException, SQLException {
        Node node = nodes.unpack("node");
        node.write("etc/slotbridge/practices/" + SLUG + ".json", Api.json(Practices.shared(SLUG, ZONE,
                "desk@crash.example", STAFF, Practices.hash(STAFF_PASSWORD))));
        node.set("etc/org.slotbridge.booking.cfg", "holdMinutes", Long.toString(HOLD_LIFE.toMinutes()));
        node.set("etc/org.slotbridge.booking.cfg", "sweepSeconds", Long.toString(SWEEP.toSeconds()));
        node.set("etc/org.slotbridge.connector.hl7v2-" + SLUG + ".cfg", "practice", SLUG);
        node.set("etc/org.slotbridge.comms.mail.cfg", "enabled", "false");
        // the killed scheduler's hold on the sweep is freed once its check-in is 1 s + 7.5 s stale
        node.set("etc/org.slotbridge.scheduler.cfg", "checkinMillis", "1000");
        SweepSchedule.logRuns(node);
        Folders folders = Folders.under(node.data().resolve("connectors/hl7v2/" + SLUG));
        node.start();
        node.awaitServing(SLUG, BOOT);

        // visitors want days 1 to 7; the hold nobody requests is on day 8; the PMS books days 9 to 11
        LocalDate today = LocalDate.now(ZONE);
        Map<String, ZonedDateTime> visits = visits(today.plusDays(9));
        List<String> files = new ArrayList<>(visits.keySet());
        Visitors visitors = new Visitors(SLUG, List.of(node), today.plusDays(1), today.plusDays(7)).start(VISITORS);
        drop(folders, files.subList(0, FILES / 2), visits);
        Poll.until(LOAD, HALFWAY + " requests acknowledged", () -> visitors.acknowledged() >= HALFWAY ? true : null);
        Thread dropper = new Thread(() -> drop(folders, files.subList(FILES / 2, FILES), visits), "pms");
        dropper.start();
        Held held = holdNobodyRequests(node.api(), today.plusDays(8));
        Poll.until(LOAD, KILL_AFTER + " requests acknowledged",
                () -> visitors.acknowledged() >= KILL_AFTER ? true : null);

        Instant killed = Instant.now();
        node.kill();
        visitors.stop();
        dropper.join();
        List<Visitors.Ack> acks = visitors.acks();
        System.out.printf("killed after %d acknowledged requests, %d refused, %d unanswered; %d files in the"
                        + " inbox, %d in done/%n", acks.size(), visitors.refused(), visitors.unanswered(),
                Folders.messages(folders.inbox()).size(), Folders.messages(folders.done()).size());
        assertEquals("answers other than 2xx and 409 before the kill", List.of(), visitors.unexpected());
        assertTrue("the visitors never lost a race, so nothing was tested", visitors.refused() > 0);
        assertTrue("no call was cut off by the kill: it did not land during the load", visitors.unanswered() > 0);

        Instant restarted = Instant.now();
        node.start();
        Duration serving = node.awaitServing(SLUG, BOOT);
        boolean heldAfterRestart = Instant.now().isBefore(held.expiresAt());
        if (heldAfterRestart) {
            assertFalse("the hold taken before the kill was lost: its opening is offered before it lapses",
                    offered(node.api(), held.opening()) && Instant.now().isBefore(held.expiresAt()));
        }

        Api staff = node.api();
        everyAcknowledgedRequestIsThereOnce(staff, acks, folders);
        everyFileIsFiledOnceAndApplied(staff, folders, visits);
        Instant reoffered = offeredAgainOnceLapsed(node.api(), held);
        System.out.printf("the lapsed hold's opening was offered again %d ms after its expiry (%s checked while"
                        + " still held after the restart)%n", Duration.between(held.expiresAt(), reoffered).toMillis(),
                heldAfterRestart ? "also" : "not");

        // every hold of the load lapsed a minute after the kill at the latest; the sweep runs again only once
        // the restarted node's scheduler has started and its trigger's next tick comes, so wait for two runs
        // after both
        Instant lapsed = killed.plus(HOLD_LIFE).isAfter(restarted) ? killed.plus(HOLD_LIFE) : restarted;
        Duration limit = Duration.between(Instant.now(), lapsed).plus(SWEEP.multipliedBy(3)).plusSeconds(60);
        Poll.until(limit, "two sweeps after the restart and after the last hold lapsed", () ->
                SweepSchedule.runs(node).stream().filter(run -> run.isAfter(lapsed)).count() >= 2 ? true : null);
        Instant firstSweep = SweepSchedule.runs(node).stream().filter(run -> run.isAfter(restarted)).findFirst()
                .orElseThrow();
        System.out.printf("the sweep first ran %.1f s after the restart, %.1f s after the node served%n",
                Duration.between(restarted, firstSweep).toMillis() / 1000.0,
                Duration.between(restarted.plus(serving), firstSweep).toMillis() / 1000.0);
        Instant stopped = Instant.now();
        node.stop();
        theDatabaseAgrees(node, acks, folders, visits, restarted, stopped);
    }

    /** Each file books one hour on Dr Doe in room R1, four a morning from the given day on. */
    private static Map<String, ZonedDateTime> visits(LocalDate first) {
        Map<String, ZonedDateTime> visits = new LinkedHashMap<>();
        for (int i = 0; i < FILES; i++) {
            ZonedDateTime start = first.plusDays(i / 4).atTime(LocalTime.of(8 + i % 4, 0)).atZone(ZONE);
            visits.put(String.format("crash-%02d.hl7", i + 1), start);
        }
        return visits;
    }

    /** The bytes of the inbox file of that name. */
    private static byte[] file(String name, Map<String, ZonedDateTime> visits) {
        String appointment = name.replace(".hl7", "").toUpperCase(Locale.ROOT);
        return Practices.s12(appointment, visits.get(name), VISIT_MINUTES).getBytes(StandardCharsets.UTF_8);
    }

    private static void drop(Folders folders, List<String> names, Map<String, ZonedDateTime> visits) {
        for (String name : names) {
            folders.drop(name, file(name, visits));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Holds the first afternoon opening of the day and checks that it is no longer offered. */
    private static Held holdNobodyRequests(Api api, LocalDate day) {
        Api.Answer answer = api.get(openings(day, day));
        assertEquals(answer.text(), 200, answer.status());
        JsonNode opening = null;
        for (JsonNode candidate : answer.body().get("openings")) {
            if (opening == null && !OffsetDateTime.parse(candidate.get("start").asText()).toLocalTime()
                    .isBefore(LocalTime.of(14, 0))) {
                opening = candidate;
            }
        }
        assertTrue("no afternoon opening on " + day + ": " + answer.text(), opening != null);
        Api.Answer hold = api.post("api/v1/practices/" + SLUG + "/holds", opening);
        assertEquals(hold.text(), 201, hold.status());
        Instant expiresAt = OffsetDateTime.parse(hold.body().get("expiresAt").asText()).toInstant();
        assertFalse("a held opening is still offered", offered(api, opening));
        return new Held(opening, expiresAt);
    }

    private static void everyAcknowledgedRequestIsThereOnce(Api api, List<Visitors.Ack> acks, Folders folders) {
        Api.Answer list = api.getAs(STAFF, STAFF_PASSWORD, "api/v1/staff/practices/" + SLUG
                + "/requests?status=PENDING");
        assertEquals(list.text(), 200, list.status());
        JsonNode requests = list.body().get("requests");
        Map<String, Integer> listed = new HashMap<>();
        requests.forEach(request -> listed.merge(request.get("id").asText(), 1, Integer::sum));
        List<Path> outbox = Folders.messages(folders.outbox());
        for (Visitors.Ack ack : acks) {
            assertEquals("request " + ack.id() + " in the staff list", Integer.valueOf(1), listed.get(ack.id()));
            Api.Answer own = api.get("api/v1/practices/" + SLUG + "/requests/" + ack.id() + "?token=" + ack.token());
            assertEquals("request " + ack.id() + " through its client's link: " + own.text(), 200, own.status());
            assertEquals("PENDING", own.body().get("status").asText());
            long s12 = outbox.stream().filter(file -> file.getFileName().toString().startsWith(ack.id() + "-"))
                    .filter(file -> Practices.isS12For(Folders.read(file), ack.id())).count();
            assertEquals("S12 files in the outbox for request " + ack.id(), 1, s12);
        }
        assertEquals("times kept twice among pending requests", List.of(), Overlaps.among(Overlaps.listed(requests)));
        System.out.printf("after the restart: %d pending requests listed, %d of them acknowledged before the kill%n",
                requests.size(), acks.size());
    }

    private static void everyFileIsFiledOnceAndApplied(Api api, Folders folders, Map<String, ZonedDateTime> visits) {
        Set<String> names = visits.keySet();
        Poll.until(FILING, "every HL7 file leaves the inbox", () -> {
            Set<String> left = new HashSet<>(Folders.names(folders.inbox()));
            left.retainAll(names);
            return left.isEmpty() ? true : null;
        });
        assertEquals("files set aside in error/", List.of(), Folders.names(folders.error()));
        List<String> done = Folders.names(folders.done());
        for (String name : names) {
            String stem = name.substring(0, name.length() - ".hl7".length());
            long copies = done.stream().filter(file -> file.equals(name)
                    || file.startsWith(stem + "-") && RENUMBERED.matcher(file).find()).count();
            assertEquals("copies of " + name + " in done/ " + done, 1, copies);
        }
        for (Map.Entry<String, ZonedDateTime> visit : visits.entrySet()) {
            String start = visit.getValue().toOffsetDateTime().toString();
            Api.Answer why = api.getAs(STAFF, STAFF_PASSWORD, "api/v1/staff/practices/" + SLUG + "/why-not?reason="
                    + Practices.REASON + "&provider=" + Practices.PROVIDER + "&start="
                    + URLEncoder.encode(start, StandardCharsets.UTF_8));
            assertEquals(why.text(), 200, why.status());
            assertFalse("the visit of " + visit.getKey() + " is not in the schedule copy: " + why.text(),
                    why.body().get("offered").asBoolean());
            assertTrue("no appointment at " + start + " from " + visit.getKey() + ": " + why.text(),
                    why.text().contains("\"code\":\"appointment\""));
        }
        LocalDate first = visits.values().stream().map(ZonedDateTime::toLocalDate).min(LocalDate::compareTo).get();
        LocalDate last = visits.values().stream().map(ZonedDateTime::toLocalDate).max(LocalDate::compareTo).get();
        Api.Answer openings = api.get(openings(first, last));
        assertEquals(openings.text(), 200, openings.status());
        for (JsonNode opening : openings.body().get("openings")) {
            Instant start = OffsetDateTime.parse(opening.get("start").asText()).toInstant();
            Instant end = OffsetDateTime.parse(opening.get("end").asText()).toInstant();
            for (ZonedDateTime visit : visits.values()) {
                boolean overlaps = start.isBefore(visit.plusMinutes(VISIT_MINUTES).toInstant())
                        && visit.toInstant().isBefore(end);
                assertFalse("opening " + opening + " overlaps the booked visit at " + visit, overlaps);
            }
        }
    }

    /**
     * Polls the openings until the held one is offered again, which must not happen before the hold lapses.
     *
     * @return when it was first seen offered
     */
    private static Instant offeredAgainOnceLapsed(Api api, Held held) {
        Duration limit = Duration.between(Instant.now(), held.expiresAt()).plusSeconds(60);
        return Poll.until(limit, "the opening of the lapsed hold is offered again", () -> {
            if (!offered(api, held.opening())) {
                return null;
            }
            Instant seen = Instant.now();
            if (seen.isBefore(held.expiresAt())) {
                throw new AssertionError("the opening was offered at " + seen + ", before its hold lapsed at "
                        + held.expiresAt());
            }
            return seen;
        });
    }

    /**
     * The node's Derby database, read once the node stopped: the requests acknowledged keep their holds, no
     * two claims overlap, the sweep fired after the restart until the stop and left no hold that had lapsed
     * by its last tick, and the inbox journal has every file finished, each message recorded once.
     */
    private static void theDatabaseAgrees(Node node, List<Visitors.Ack> acks, Folders folders,
                                          Map<String, ZonedDateTime> visits, Instant restarted, Instant stopped)
            throws SQLException {
        // the test JVM's own Derby writes its log beside the database, not into the module folder
        System.setProperty("derby.stream.error.file", WORK.resolve("derby-test.log").toString());
        String url = "jdbc:derby:" + node.data().resolve("derby/slotbridge");
        try (Connection db = DriverManager.getConnection(url)) {
            assertEquals("live holds that overlap", List.of(), Overlaps.among(Overlaps.liveHolds(db, stopped)));
            assertEquals("requests that keep overlapping times", List.of(),
                    Overlaps.among(Overlaps.keptRequests(db)));
            Instant lastSweep = Instant.ofEpochMilli(lastFired(db));
            assertTrue("the sweep last fired at " + lastSweep + ", before the restart at " + restarted,
                    lastSweep.isAfter(restarted));
            Instant recently = stopped.minus(SWEEP.multipliedBy(2)).minusSeconds(5);
            assertTrue("the sweep last fired at " + lastSweep + ", more than two sweeps before the stop at "
                    + stopped, lastSweep.isAfter(recently));
            assertEquals("holds lapsed by the last sweep, at " + lastSweep + ", and not deleted", 0,
                    count(db, "SELECT COUNT(*) FROM hold WHERE expires_at <= ?", lastSweep.toEpochMilli()));
            everyFileIsJournaledOnce(db, visits);
            Set<String> acknowledged = new HashSet<>();
            for (Visitors.Ack ack : acks) {
                acknowledged.add(ack.id());
                assertEquals("holds kept by request " + ack.id(), 1, count(db,
                        "SELECT COUNT(*) FROM hold WHERE request_id = ? AND expires_at IS NULL", ack.id()));
            }
            // a request committed while its answer was cut off by the kill is there too, and the PMS hears of it
            // all the same: its event was committed with it, and the connector writes it after the restart
            List<String> outbox = Folders.names(folders.outbox());
            int unanswered = 0;
            int unwritten = 0;
            try (PreparedStatement query = db.prepareStatement("SELECT id FROM request");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    if (!acknowledged.contains(id)) {
                        unanswered++;
                        if (outbox.stream().noneMatch(file -> file.startsWith(id + "-"))) {
                            unwritten++;
                        }
                    }
                }
            }
            System.out.printf("requests stored but not acknowledged before the kill: %d, of which %d never reached"
                    + " the outbox%n", unanswered, unwritten);
            assertEquals("stored requests that never reached the outbox", 0, unwritten);
            assertEquals("request changes the connector did not deliver", 0,
                    count(db, "SELECT COUNT(*) FROM request_event WHERE delivered_at IS NULL AND practice = ?", SLUG));
        } finally {
            shutDown(url);
        }
    }

    /** When the sweep's trigger last fired, as scheduled, in epoch milliseconds. */
    private static long lastFired(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT prev_fire_time FROM qrtz_triggers"
                + " WHERE sched_name = 'slotbridge' AND trigger_name = ?")) {
            query.setString(1, SweepSchedule.TRIGGER);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue("no trigger " + SweepSchedule.TRIGGER + " in qrtz_triggers", rows.next());
                return rows.getLong(1);
            }
        }
    }

    /**
     * One finished row of the inbox journal per file, for the bytes dropped, with each of its messages recorded
     * once: as many handled as the file has, each applied, skipped or failed; every one of them books a visit,
     * so all were applied.
     */
    private static void everyFileIsJournaledOnce(Connection db, Map<String, ZonedDateTime> visits)
            throws SQLException {
        Map<String, Integer> rowsOf = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT file_name, sha256, done_through, applied,"
                + " skipped, failed, finished_at FROM inbox_file WHERE practice = ? AND connector = 'hl7v2'")) {
            query.setString(1, SLUG);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    assertTrue("journal row of a file never dropped: " + name, visits.containsKey(name));
                    rowsOf.merge(name, 1, Integer::sum);
                    byte[] bytes = file(name, visits);
                    assertEquals("SHA-256 of " + name, sha256(bytes), rows.getString(2));
                    int messages = messages(bytes);
                    int through = rows.getInt(3);
                    int applied = rows.getInt(4);
                    int handled = applied + rows.getInt(5) + rows.getInt(6);
                    assertEquals("messages of " + name + " handled", messages, through);
                    assertEquals("messages of " + name + " applied, skipped or failed", through, handled);
                    assertEquals("messages of " + name + " applied", messages, applied);
                    rows.getLong(7);
                    assertFalse(name + " is not finished in the journal", rows.wasNull());
                }
            }
        }
        for (String name : visits.keySet()) {
            assertEquals("journal rows of " + name, Integer.valueOf(1), rowsOf.get(name));
        }
    }

    /** How many HL7 messages the bytes hold: each begins with an MSH segment. */
    private static int messages(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return (int) Pattern.compile("(^|\\r)MSH\\|").matcher(text).results().count();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean offered(Api api, JsonNode opening) {
        LocalDate day = OffsetDateTime.parse(opening.get("start").asText()).toLocalDate();
        Api.Answer answer = api.get(openings(day, day));
        assertEquals(answer.text(), 200, answer.status());
        Instant start = OffsetDateTime.parse(opening.get("start").asText()).toInstant();
        String provider = opening.get("provider").get("id").asText();
        for (JsonNode candidate : answer.body().get("openings")) {
            if (OffsetDateTime.parse(candidate.get("start").asText()).toInstant().equals(start)
                    && candidate.get("provider").get("id").asText().equals(provider)) {
                return true;
            }
        }
        return false;
    }

    private static String openings(LocalDate from, LocalDate to) {
        return "api/v1/practices/" + SLUG + "/openings?reason=" + Practices.REASON + "&from=" + from + "&to=" + to;
    }

    private static int count(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Closes the database in this JVM; Derby says so with an exception. */
    private static void shutDown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException("closing " + url, e);
            }
        }
    }

}

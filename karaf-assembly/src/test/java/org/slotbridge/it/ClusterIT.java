package org.slotbridge.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

/**
 * The cluster profile with two nodes: two copies of the built distribution on one fresh PostgreSQL database,
 * each with its own data/, the same etc/ but for its ports. The test runs in three steps on the same nodes:
 * <ol>
 * <li>visitors race for overlapping openings, each call going to the other node than the one before, while
 * staff confirm requests on node A and propose other times on node B: the database shows no two live holds,
 * and no two pending, proposed or confirmed requests, overlapping on a provider or a room, and every
 * acknowledged request is in it and in both nodes' staff lists; the practice's connector, on node A only,
 * writes a file to its outbox for every change of a request, made on either node;</li>
 * <li>a hold taken on one node is refused on the other, both ways;</li>
 * <li>node B is killed with SIGKILL while visitors book on both nodes; node A goes on serving, and the
 * database still shows no overlap and every request either node acknowledged, and A's outbox has them all.</li>
 * </ol>
 * All along, the booking sweep's schedule is read from the database ({@link SweepSchedule}): while both nodes
 * run, both check in, the sweep fires and each tick runs on one node only; once B is killed, A removes B's
 * check-in, frees any tick B held and fires the sweep on.
 *
 * <p>Run only when asked, as it needs a PostgreSQL server (see {@link PostgresDatabase}) and its driver:
 * {@code mvn -pl karaf-assembly -am verify -Dslotbridge.test.db=postgresql -Dit.test=ClusterIT}.
 */
public class ClusterIT {

    private static final String SLUG = "cluster";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String STAFF = "cluster-staff";
    private static final String STAFF_PASSWORD = "cluster-staff-password-1";
    private static final Duration BOOT = Duration.ofSeconds(180);
    /** How long each step may take on a busy machine; on an idle one the race takes about 20 s. */
    private static final Duration LOAD = Duration.ofSeconds(180);
    /** Fewer than the crash test: each request and each staff call costs the node a password hash. */
    private static final int VISITORS = 8;
    private static final List<String> KEEPING = List.of("PENDING", "PROPOSED", "CONFIRMED");
    /** Ticks of the sweep, 5 s apart, counted while both nodes run. */
    private static final int TICKS = 6;

    @ClassRule
    public static final PostgresDatabase DATABASE = new PostgresDatabase();

    private static final Path WORK = ContainerOptions.work("cluster");

    @Rule
    public final Node.Group nodes = new Node.Group(WORK);

    @Test
    public void twoNodesNeverGiveOutOneTimeTwice() throws SQLException {
        Node a = node("a");
        // the practice's connector runs on one node, and writes every node's request changes
        a.set("etc/org.slotbridge.connector.hl7v2-" + SLUG + ".cfg", "practice", SLUG);
        Node b = node("b");
        a.start();
        b.start();
        a.awaitServing(SLUG, BOOT);
        b.awaitServing(SLUG, BOOT);
        LocalDate today = LocalDate.now(ZONE);
        String idA = SweepSchedule.nodeId(a, BOOT);
        String idB = SweepSchedule.nodeId(b, BOOT);
        assertFalse("both nodes have the scheduler id " + idA, idA.equals(idB));

        try (SweepSchedule sweeps = SweepSchedule.watch(ClusterIT::database)) {
            raceAcrossNodes(a, b, today.plusDays(1), today.plusDays(4));
            holdsAreSeenByBothNodes(a, b, today.plusDays(6));
            sweepRunsOnceWhileBothRun(sweeps, a, b, idA, idB);
            Kill kill = survivorServesAfterAKill(a, b, today.plusDays(7), today.plusDays(9), sweeps, idB);
            survivorTakesTheSweepOver(sweeps, a, idA, idB, kill);
        }
    }

    /** Step 1: visitors on both nodes in turn, staff confirming on A and proposing on B. */
    private void raceAcrossNodes(Node a, Node b, LocalDate from, LocalDate to) throws SQLException {
        Instant began = Instant.now();
        Visitors visitors = new Visitors(SLUG, List.of(a, b), from, to).start(VISITORS);
        // staff confirm proposals on one node while others propose, or propose again, on the other node
        Desk confirming = new Desk("confirm on " + a.name(), a.api(), List.of("PROPOSED"), ClusterIT::confirm);
        // proposals may also go to the day after the visitors' dates, which the visitors can fill before staff
        // (each call a password check) have made their first few
        Desk proposing = new Desk("propose on " + b.name(), b.api(), List.of("PENDING", "PROPOSED"),
                (api, request) -> propose(api, request, from, to.plusDays(1)));
        try {
            Poll.until(LOAD, "30 requests acknowledged, 3 proposals made and 3 confirmed", () ->
                    visitors.acknowledged() >= 30 && proposing.done.get() >= 3 && confirming.done.get() >= 3
                            ? true : null);
        } finally {
            visitors.stop();
            confirming.stop();
            proposing.stop();
            System.out.printf("race over both nodes in %d s: %d requests acknowledged (%d by %s, %d by %s),"
                            + " %d refused; %d confirmed (%d refused), %d proposed (%d refused)%n",
                    Duration.between(began, Instant.now()).toSeconds(), visitors.acknowledged(),
                    visitors.acksOf(a).size(), a.name(), visitors.acksOf(b).size(), b.name(), visitors.refused(),
                    confirming.done.get(), confirming.refused.get(), proposing.done.get(), proposing.refused.get());
            System.out.println("answers other than 2xx and 409: visitors " + visitors.unexpected() + ", staff "
                    + confirming.unexpected + proposing.unexpected);
        }
        assertEquals("answers other than 2xx and 409", List.of(), visitors.unexpected());
        List<String> staffUnexpected = new ArrayList<>(confirming.unexpected);
        staffUnexpected.addAll(proposing.unexpected);
        assertEquals("staff answers other than 200 and 409", List.of(), staffUnexpected);
        assertTrue("the visitors never lost a race, so nothing was tested", visitors.refused() > 0);
        assertFalse("node " + a.name() + " acknowledged no request", visitors.acksOf(a).isEmpty());
        assertFalse("node " + b.name() + " acknowledged no request", visitors.acksOf(b).isEmpty());

        noTimeGivenOutTwice();
        Set<String> stored = storedRequests();
        for (Visitors.Ack ack : visitors.acks()) {
            assertTrue("acknowledged request " + ack.id() + " is not in the database", stored.contains(ack.id()));
        }
        for (Node node : List.of(a, b)) {
            Set<String> listed = listed(node);
            for (Visitors.Ack ack : visitors.acks()) {
                assertTrue("request " + ack.id() + " acknowledged by " + ack.node() + " is not in the staff lists of "
                        + node.name(), listed.contains(ack.id()));
            }
        }
        everyChangeReachesTheOutbox(a, visitors.acks());
    }

    /**
     * The connector on {@code connectorNode} writes one S12 for every request acknowledged by either node, and
     * a file for every change of a request, whichever node made it: as many files as request events.
     */
    private static void everyChangeReachesTheOutbox(Node connectorNode, List<Visitors.Ack> acks) {
        Folders folders = Folders.under(connectorNode.data().resolve("connectors/hl7v2/" + SLUG));
        Poll.until(LOAD, "every request change delivered by the connector of " + connectorNode.name(),
                () -> events(" AND delivered_at IS NULL") == 0 ? true : null);
        List<Path> outbox = Folders.messages(folders.outbox());
        for (Visitors.Ack ack : acks) {
            long s12 = outbox.stream().filter(file -> file.getFileName().toString().startsWith(ack.id() + "-"))
                    .filter(file -> Practices.isS12For(Folders.read(file), ack.id())).count();
            assertEquals("S12 files in the outbox for request " + ack.id() + " acknowledged by " + ack.node(), 1,
                    s12);
        }
        int events = events("");
        assertEquals("outbox files against request changes", events, outbox.size());
        System.out.printf("outbox of %s: %d files for %d acknowledged requests%n", connectorNode.name(),
                outbox.size(), acks.size());
    }

    private static Api.Answer confirm(Api api, JsonNode request) {
        return api.postAs(STAFF, STAFF_PASSWORD, requests(request.get("id").asText() + "/confirm"),
                Map.of("note", "See you"));
    }

    /** Proposes any free time of the dates, not only the earliest ones every visitor races for. */
    private static Api.Answer propose(Api api, JsonNode request, LocalDate from, LocalDate to) {
        Api.Answer openings = api.get(openings(from, to));
        if (openings.status() != 200) {
            return openings;
        }
        JsonNode list = openings.body().get("openings");
        if (list.isEmpty()) {
            return null;
        }
        JsonNode opening = list.get(ThreadLocalRandom.current().nextInt(list.size()));
        return api.postAs(STAFF, STAFF_PASSWORD, requests(request.get("id").asText() + "/propose"),
                Map.of("opening", opening, "note", "Would this time suit you?"));
    }

    /** Step 2: an opening held on one node is refused, and no longer offered, on the other; both ways. */
    private static void holdsAreSeenByBothNodes(Node a, Node b, LocalDate day) {
        Api.Answer answer = a.api().get(openings(day, day));
        assertEquals(answer.text(), 200, answer.status());
        JsonNode list = answer.body().get("openings");
        JsonNode first = list.get(0);
        JsonNode later = null;
        Instant firstEnd = OffsetDateTime.parse(first.get("end").asText()).toInstant();
        for (JsonNode opening : list) {
            if (later == null && !OffsetDateTime.parse(opening.get("start").asText()).toInstant().isBefore(firstEnd)) {
                later = opening;
            }
        }
        assertTrue("no second opening on " + day + ": " + answer.text(), later != null);
        heldOnOneRefusedOnTheOther(a, b, first);
        heldOnOneRefusedOnTheOther(b, a, later);
    }

    private static void heldOnOneRefusedOnTheOther(Node holder, Node other, JsonNode opening) {
        Api.Answer held = holder.api().post("api/v1/practices/" + SLUG + "/holds", opening);
        assertEquals("hold on " + holder.name() + ": " + held.text(), 201, held.status());
        Api.Answer again = other.api().post("api/v1/practices/" + SLUG + "/holds", opening);
        assertEquals("the same opening held on " + other.name() + ": " + again.text(), 409, again.status());
        LocalDate day = OffsetDateTime.parse(opening.get("start").asText()).toLocalDate();
        Api.Answer offered = other.api().get(openings(day, day));
        assertEquals(offered.text(), 200, offered.status());
        for (JsonNode candidate : offered.body().get("openings")) {
            assertFalse(other.name() + " still offers " + opening + ", held on " + holder.name(),
                    candidate.get("start").asText().equals(opening.get("start").asText())
                            && candidate.get("provider").equals(opening.get("provider")));
        }
    }

    /** When a node was found dead after its kill, and the tick of the sweep it held then, if one was seen. */
    private record Kill(Instant at, SweepSchedule.Held held) {
    }

    /**
     * Step 3: node B dies with SIGKILL while visitors book on both nodes; node A serves on.
     */
    private Kill survivorServesAfterAKill(Node a, Node b, LocalDate from, LocalDate to, SweepSchedule sweeps,
                                             String idB) throws SQLException {
        Visitors visitors = new Visitors(SLUG, List.of(a, b), from, to).start(VISITORS / 2);
        int byA;
        Kill kill;
        try {
            Poll.until(LOAD, "5 requests acknowledged by " + b.name(),
                    () -> visitors.acksOf(b).size() >= 5 ? true : null);
            // the openings run out within seconds: no waiting here for a tick of the sweep to come to B
            SweepSchedule.Held held = sweeps.latest().held().stream().filter(tick -> tick.node().equals(idB))
                    .findFirst().orElse(null);
            b.kill();
            // a tick due after this can only have fired on A
            kill = new Kill(Instant.now(), held);
            System.out.printf("%s killed %s%n", b.name(), held == null ? "holding no tick of the sweep, last read"
                    : "while it held the sweep's tick of " + Instant.ofEpochMilli(held.scheduled()) + " ("
                    + held.state() + ")");
            byA = visitors.acksOf(a).size();
            Poll.until(LOAD, "10 more requests acknowledged by " + a.name() + " after " + b.name() + " was killed",
                    () -> visitors.acksOf(a).size() >= byA + 10 ? true : null);
        } finally {
            visitors.stop();
        }
        System.out.printf("after %s was killed: %d requests acknowledged by %s, %d calls to %s unanswered%n",
                b.name(), visitors.acksOf(a).size() - byA, a.name(), visitors.unanswered(), b.name());
        assertEquals("answers other than 2xx and 409", List.of(), visitors.unexpected());
        assertTrue("no call went to the killed node", visitors.unanswered() > 0);

        noTimeGivenOutTwice();
        Set<String> stored = storedRequests();
        Set<String> listed = listed(a);
        for (Visitors.Ack ack : visitors.acks()) {
            assertTrue("acknowledged request " + ack.id() + " is not in the database", stored.contains(ack.id()));
            assertTrue("request " + ack.id() + " acknowledged by " + ack.node() + " is not in the staff lists of "
                    + a.name(), listed.contains(ack.id()));
        }
        // the requests the killed node acknowledged reach the PMS through the survivor's connector
        everyChangeReachesTheOutbox(a, visitors.acks());
        return kill;
    }

    /**
     * Between steps 2 and 3: both nodes check in, the sweep's trigger fires, and each tick runs on one node
     * only. Every tick fired is seen in the readings (they are 5 s apart, read every quarter second), and each
     * run is a line in one node's log: from the first tick seen to the last, the runs logged by both nodes
     * together are as many as the ticks, give or take the run of a tick at either end, which may log
     * outside that span. A tick run on both nodes would count twice.
     */
    private static void sweepRunsOnceWhileBothRun(SweepSchedule sweeps, Node a, Node b, String idA, String idB) {
        Set<String> checkingIn = sweeps.latest().checkins().keySet();
        assertEquals("nodes checking in with the cluster's scheduler", Set.of(idA, idB), checkingIn);
        // the race may be over within a few ticks: let both nodes idle until there are enough to count
        List<Long> fired = Poll.until(Duration.ofSeconds(TICKS * 5 + 60), TICKS + " ticks of the sweep fired while"
                + " both nodes ran", () -> sweeps.fired().size() > TICKS ? new ArrayList<>(sweeps.fired()) : null);
        assertEquals("nodes still checking in with the cluster's scheduler", Set.of(idA, idB),
                sweeps.latest().checkins().keySet());
        Instant first = Instant.ofEpochMilli(fired.get(0));
        Instant last = Instant.ofEpochMilli(fired.get(fired.size() - 1));
        int ticks = fired.size() - 1;
        List<Instant> byA = within(SweepSchedule.runs(a), first, last);
        List<Instant> byB = within(SweepSchedule.runs(b), first, last);
        int runs = byA.size() + byB.size();
        System.out.printf("while both nodes ran: %d ticks of the sweep fired from %s to %s, %d runs logged (%d by %s,"
                        + " %d by %s); at most %d row(s) of the trigger in qrtz_fired_triggers at once%n", ticks,
                first, last, runs, byA.size(), a.name(), byB.size(), b.name(), sweeps.mostHeldAtOnce());
        assertTrue("runs of the sweep logged from " + first + " to " + last + ": " + runs + " for " + ticks
                + " ticks (" + byA + " on " + a.name() + ", " + byB + " on " + b.name() + ")",
                Math.abs(runs - ticks) <= 1);
        assertEquals("most ticks of the sweep held at once", 1, sweeps.mostHeldAtOnce());
    }

    /**
     * After step 3: the survivor takes the sweep over. The killed node's check-in goes stale and its row is
     * removed by the survivor, which frees any tick the dead node held and fires the trigger on, at least twice
     * after the kill.
     */
    private static void survivorTakesTheSweepOver(SweepSchedule sweeps, Node a, String idA, String idB, Kill kill) {
        Instant killed = kill.at();
        SweepSchedule.Sample gone = Poll.until(Duration.ofSeconds(60), idB + " no longer checks in",
                () -> sweeps.gone(idB, killed));
        long since = killed.toEpochMilli();
        List<Long> after = Poll.until(Duration.ofSeconds(60), "the sweep fires twice after the kill", () -> {
            List<Long> fired = new ArrayList<>(sweeps.fired().tailSet(since, false));
            return fired.size() >= 2 ? fired : null;
        });
        Instant takenOver = sweeps.samples().stream().filter(sample -> sample.fired() == after.get(0))
                .map(SweepSchedule.Sample::at).findFirst().orElseThrow();
        System.out.printf("after the kill: %s's check-in row removed after %.1f s; the sweep first fired again on"
                        + " %s at %s, %.1f s after the kill (seen %.1f s after it)%n", idB,
                Duration.between(killed, gone.at()).toMillis() / 1000.0, a.name(),
                Instant.ofEpochMilli(after.get(0)), (after.get(0) - killed.toEpochMilli()) / 1000.0,
                Duration.between(killed, takenOver).toMillis() / 1000.0);
        assertEquals("nodes checking in after the kill", Set.of(idA), gone.checkins().keySet());
        // the survivor frees the tick the dead node held when it removes its check-in
        for (SweepSchedule.Sample sample : sweeps.samples()) {
            for (SweepSchedule.Held held : sample.held()) {
                assertFalse("tick of " + Instant.ofEpochMilli(held.scheduled()) + " still held by the killed node "
                        + idB + " at " + sample.at(), held.node().equals(idB) && !sample.at().isBefore(gone.at()));
            }
        }
        assertEquals("most ticks of the sweep held at once", 1, sweeps.mostHeldAtOnce());
    }

    private static List<Instant> within(List<Instant> runs, Instant from, Instant to) {
        return runs.stream().filter(run -> !run.isBefore(from) && run.isBefore(to)).toList();
    }

    /** Asks the database itself: no two live holds, and no two requests keeping their time, overlap. */
    private static void noTimeGivenOutTwice() throws SQLException {
        try (Connection db = database()) {
            Instant now = Instant.now();
            assertEquals("live holds that overlap", List.of(), Overlaps.among(Overlaps.liveHolds(db, now)));
            assertEquals("requests that keep overlapping times", List.of(),
                    Overlaps.among(Overlaps.keptRequests(db)));
        }
    }

    private static Set<String> storedRequests() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("SELECT id FROM request");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** The ids in a node's staff lists of pending, proposed and confirmed requests. */
    private static Set<String> listed(Node node) {
        Api api = node.api();
        Set<String> ids = new HashSet<>();
        for (String status : KEEPING) {
            Api.Answer list = api.getAs(STAFF, STAFF_PASSWORD, requests("") + "?status=" + status);
            assertEquals(list.text(), 200, list.status());
            list.body().get("requests").forEach(request -> ids.add(request.get("id").asText()));
        }
        return ids;
    }

    /** How many request events of the practice the database has, with a condition added to the query. */
    private static int events(String condition) {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*) FROM request_event WHERE practice = ?" + condition)) {
            query.setString(1, SLUG);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting request events", e);
        }
    }

    /** The shared database, as the nodes see it. */
    static Connection database() throws SQLException {
        return DATABASE.connect();
    }

    private Node node(String name) {
        Node node = nodes.unpack(name);
        node.write("etc/slotbridge/practices/" + SLUG + ".json", Api.json(Practices.shared(SLUG, ZONE,
                "desk@cluster.example", STAFF, Practices.hash(STAFF_PASSWORD))));
        String datasource = "etc/org.ops4j.datasource-slotbridge.cfg";
        node.set(datasource, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        node.set(datasource, "url", DATABASE.url());
        node.set(datasource, "user", DATABASE.user());
        node.set(datasource, "password", DATABASE.password());
        // every node sweeps lapsed holds, often, so that sweeps of both nodes meet
        node.set("etc/org.slotbridge.booking.cfg", "sweepSeconds", "5");
        // so that the survivor of a kill takes the sweep over within seconds, not half a minute
        node.set("etc/org.slotbridge.scheduler.cfg", "checkinMillis", "1000");
        SweepSchedule.logRuns(node);
        node.set("etc/org.slotbridge.web.cfg", "secret", "cluster-form-secret-shared-by-all-nodes");
        node.set("etc/org.slotbridge.comms.mail.cfg", "enabled", "false");
        return node;
    }

    private static String openings(LocalDate from, LocalDate to) {
        return "api/v1/practices/" + SLUG + "/openings?reason=" + Practices.REASON + "&from=" + from + "&to=" + to;
    }

    private static String requests(String rest) {
        return "api/v1/staff/practices/" + SLUG + "/requests" + (rest.isEmpty() ? "" : "/" + rest);
    }

    /**
     * A staff member deciding on requests through one node, on a thread of its own, until stopped: each round
     * lists the requests in the next of the statuses in turn, picks a few at random and makes the decision on
     * each. A decision that finds nothing to do answers null.
     */
    private static final class Desk {

        private static final int PER_LIST = 3;

        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        private volatile boolean stopped;

        Desk(String name, Api api, List<String> statuses, BiFunction<Api, JsonNode, Api.Answer> decision) {
            thread = new Thread(() -> decide(name, api, statuses, decision), "staff " + name);
            thread.start();
        }

        void stop() {
            stopped = true;
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void decide(String name, Api api, List<String> statuses,
                            BiFunction<Api, JsonNode, Api.Answer> decision) {
            for (int round = 0; !stopped; round++) {
                try {
                    Api.Answer list = api.getAs(STAFF, STAFF_PASSWORD, requests("") + "?status="
                            + statuses.get(round % statuses.size()));
                    if (list.status() != 200) {
                        unexpected.add(name + ", list: " + list.status() + " " + list.text());
                        continue;
                    }
                    List<JsonNode> listed = new ArrayList<>();
                    list.body().get("requests").forEach(listed::add);
                    if (listed.isEmpty()) {
                        pause();
                        continue;
                    }
                    // every staff call checks the password anew, so one list serves a few decisions
                    Collections.shuffle(listed);
                    for (JsonNode request : listed.subList(0, Math.min(PER_LIST, listed.size()))) {
                        count(name, decision.apply(api, request));
                    }
                } catch (RuntimeException e) {
                    unexpected.add(name + ": " + e);
                }
            }
        }

        private void count(String name, Api.Answer answer) {
            if (answer == null) {
                pause();
                return;
            }
            if (answer.status() == 200) {
                done.incrementAndGet();
            } else if (answer.status() == 409) {
                refused.incrementAndGet();
            } else {
                unexpected.add(name + ": " + answer.status() + " " + answer.text());
            }
        }

        /** Nothing to decide on: the visitors make more requests meanwhile. */
        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

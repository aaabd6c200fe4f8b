package org.slotbridge.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.ExternalResource;
import org.junit.rules.RuleChain;
import org.junit.rules.TestRule;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExamServer;

/**
 * The cluster profile: the built distribution moved to PostgreSQL by its datasource configuration alone.
 * The test makes a fresh database, points {@code etc/org.ops4j.datasource-slotbridge.cfg} at it with a
 * multi-host URL whose first host does not answer, and checks that the schema is migrated there and that
 * a hold and a request made over HTTP are rows of that database.
 *
 * <p>Run only when asked, as it needs a PostgreSQL server (127.0.0.1:5432, user postgres, unless the
 * {@code slotbridge.test.pg.*} properties say otherwise) and its driver on the class path:
 * {@code mvn -pl karaf-assembly -am verify -Dslotbridge.test.db=postgresql -Dit.test=PostgresqlIT}.
 */
public class PostgresqlIT {

    private static final String SLUG = "pgtest";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String STAFF = "pg-staff";
    private static final Duration BOOT = Duration.ofSeconds(180);

    private static final String HOST = System.getProperty("slotbridge.test.pg.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("slotbridge.test.pg.port", 5432);
    private static final String USER = System.getProperty("slotbridge.test.pg.user", "postgres");
    private static final String PASSWORD = System.getProperty("slotbridge.test.pg.password", "");
    private static final String DATABASE = "slotbridge_it_" + UUID.randomUUID().toString().replace("-", "")
            .substring(0, 16);

    private static final Path WORK = ContainerOptions.work("postgresql");
    private static final int HTTP_PORT = ContainerOptions.freePort();

    /** A database made before the container starts and dropped after it stopped. */
    private static final ExternalResource FRESH_DATABASE = new ExternalResource() {
        @Override
        protected void before() throws SQLException {
            admin("CREATE DATABASE " + DATABASE);
        }

        @Override
        protected void after() {
            try {
                admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("dropping " + DATABASE + " failed", e);
            }
        }
    };

    @ClassRule
    public static final TestRule CONTAINER = RuleChain.outerRule(FRESH_DATABASE).around(new PaxExamServer());

    private final Api visitor = new Api(HTTP_PORT);

    @Configuration
    public Option[] configuration() throws IOException {
        Path practiceFile = WORK.resolve(SLUG + ".json");
        Files.writeString(practiceFile, Api.json(Practices.definition(SLUG, ZONE, "desk@pgtest.example", STAFF,
                Practices.hash("pg-staff-password-1"))));
        List<Option> options = new ArrayList<>(ContainerOptions.distribution(WORK, HTTP_PORT));
        options.add(replaceConfigurationFile("etc/slotbridge/practices/" + SLUG + ".json", practiceFile.toFile()));
        options.add(editConfigurationFilePut("etc/org.slotbridge.comms.mail.cfg", "enabled", "false"));
        // the only change from the shipped distribution: its datasource configuration
        String datasource = "etc/org.ops4j.datasource-slotbridge.cfg";
        options.add(editConfigurationFilePut(datasource, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"));
        // a first server that refuses connections, as a stopped former primary would
        String url = "jdbc:postgresql://127.0.0.1:" + ContainerOptions.freePort() + "," + HOST + ":" + PORT + "/"
                + DATABASE + "?targetServerType=primary";
        options.add(editConfigurationFilePut(datasource, "url", url));
        options.add(editConfigurationFilePut(datasource, "user", USER));
        options.add(editConfigurationFilePut(datasource, "password", PASSWORD));
        return options.toArray(new Option[0]);
    }

    @Test
    public void holdsAndRequestsAreRowsOfThePostgresqlDatabase() throws SQLException {
        Poll.until(BOOT, "the API lists practice " + SLUG, () -> {
            Api.Answer answer = visitor.get("api/v1/practices");
            return answer.status() == 200 && answer.text().contains("\"" + SLUG + "\"") ? true : null;
        });
        assertTrue("no change sets recorded in " + DATABASE, count("SELECT COUNT(*) FROM databasechangelog") > 0);
        assertEquals("the practice file is stored in " + DATABASE, 1,
                count("SELECT COUNT(*) FROM practice WHERE slug = '" + SLUG + "'"));
        Poll.until(BOOT, "the booking sweep scheduled and run from " + DATABASE, () -> {
            try {
                return count("SELECT COUNT(*) FROM qrtz_simple_triggers WHERE sched_name = 'slotbridge'"
                        + " AND trigger_name = 'booking-sweep' AND times_triggered > 0") == 1 ? true : null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("one scheduler node checked in", 1, count("SELECT COUNT(*) FROM qrtz_scheduler_state"));

        LocalDate day = LocalDate.now(ZONE).plusDays(1);
        Api.Answer openings = visitor.get("api/v1/practices/" + SLUG + "/openings?reason=" + Practices.REASON
                + "&from=" + day + "&to=" + day);
        assertEquals(openings.text(), 200, openings.status());
        JsonNode list = openings.body().get("openings");
        assertTrue("no openings tomorrow: " + openings.text(), list.size() > 0);

        JsonNode opening = list.get(0);
        Api.Answer hold = visitor.post("api/v1/practices/" + SLUG + "/holds", opening);
        assertEquals(hold.text(), 201, hold.status());
        String holdId = hold.body().get("id").asText();
        Api.Answer second = new Api(HTTP_PORT).post("api/v1/practices/" + SLUG + "/holds", opening);
        assertEquals("the database refuses a second hold on the opening: " + second.text(), 409, second.status());
        assertTrue("hold units of " + holdId + " in " + DATABASE,
                count("SELECT COUNT(*) FROM hold_unit WHERE hold_id = '" + holdId + "'") > 0);

        Api.Answer request = visitor.post("api/v1/practices/" + SLUG + "/requests", Map.of(
                "hold", holdId, "email", "client@pgtest.example", "phone", "+49 30 1234567",
                "privacyCode", "4711", "clientName", "Kim Example", "memo", "First visit"));
        assertEquals(request.text(), 201, request.status());
        String requestId = request.body().get("id").asText();
        assertEquals("request " + requestId + " in " + DATABASE, 1,
                count("SELECT COUNT(*) FROM request WHERE id = '" + requestId + "' AND practice = '" + SLUG + "'"));
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(DATABASE), USER, PASSWORD);
             PreparedStatement query = c.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }
}

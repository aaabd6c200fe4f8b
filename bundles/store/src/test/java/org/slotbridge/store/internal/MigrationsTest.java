package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Category;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Reason;
import org.slotbridge.store.SchemaReady;
import org.slotbridge.store.Versions;

class MigrationsTest {

    private static final Set<String> TABLES = Set.of("PRACTICE", "PROVIDER", "ROOM", "REASON", "REASON_PROVIDER",
            "REASON_ROOM", "WORKING_HOURS", "APPOINTMENT", "BLOCKOUT", "CLIENT", "PATIENT", "HOLD", "HOLD_UNIT",
            "REQUEST", "STAFF", "PRACTICE_RULES", "PRACTICE_CLOSED_DATE", "PROVIDER_GROUP", "PROVIDER_GROUP_MEMBER",
            "CATEGORY", "REASON_BLOCKOUT_TYPE", "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS",
            "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_CALENDARS",
            "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_FIRED_TRIGGERS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS",
            "INBOX_FILE");
    /** The schema before the rules of the openings engine. */
    private static final String FIRST_SCHEMA = "db/changes/0.1.0.xml";
    private static final String LONG_HEADING =
            "Orthodontic consultations, retainers, aligners and every follow-up visit";

    @Test
    void createsEveryTableOnAnEmptyDatabaseAndRunsOnlyOnce() throws SQLException {
        DataSource dataSource = TestDatabase.emptyDatabase();
        assertTrue(tables(dataSource).isEmpty());

        Migrations.apply(dataSource);
        assertTrue(tables(dataSource).containsAll(TABLES), "tables after migrating: " + tables(dataSource));
        int applied = count(dataSource, "SELECT COUNT(*) FROM DATABASECHANGELOG");
        assertTrue(applied > 0);

        Migrations.apply(dataSource);
        assertEquals(applied, count(dataSource, "SELECT COUNT(*) FROM DATABASECHANGELOG"));
    }

    @Test
    void holdUnitsRefuseASecondClaimAndKeepTheirHold() throws SQLException {
        DataSource dataSource = TestDatabase.emptyDatabase();
        Migrations.apply(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO hold (id, practice, reason_code, provider_code, starts_at, ends_at,"
                    + " created_at) VALUES ('h1', 'p', 'r', 'A', 0, 300000, 0)");
            s.executeUpdate("INSERT INTO hold_unit VALUES ('p', 'p:A', 0, 'h1')");
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.executeUpdate("INSERT INTO hold_unit VALUES ('p', 'p:A', 0, 'h1')"));
            assertEquals("23505", refused.getSQLState());
            SQLException orphan = assertThrows(SQLException.class,
                    () -> s.executeUpdate("DELETE FROM hold WHERE id = 'h1'"));
            assertEquals("23503", orphan.getSQLState(), "a hold goes only after its units");
        }
    }

    @Test
    void headingsOfExistingReasonsBecomeCategoriesOfTheirPractice() throws SQLException {
        DataSource dataSource = TestDatabase.emptyDatabase();
        Migrations.apply(dataSource, FIRST_SCHEMA);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String slug : List.of("north", "south")) {
                s.executeUpdate("INSERT INTO practice (slug, name, time_zone, new_clients, online_booking)"
                        + " VALUES ('" + slug + "', 'Dental', 'Europe/Berlin', 'WELCOME', TRUE)");
            }
            insertReason(c, "r1", "north", "clean", "Routine care");
            insertReason(c, "r2", "north", "check", "Routine care");
            insertReason(c, "r3", "north", "extract", "Surgery");
            insertReason(c, "r4", "north", "consult", null);
            insertReason(c, "r5", "north", "blank", "   ");
            insertReason(c, "r6", "north", "ortho", LONG_HEADING);
            insertReason(c, "r7", "south", "clean", "Routine care");
        }

        Migrations.apply(dataSource);

        String longId = LONG_HEADING.substring(0, 64);
        assertEquals(List.of("north|" + longId + "|" + LONG_HEADING, "north|Routine care|Routine care",
                        "north|Surgery|Surgery", "south|Routine care|Routine care"),
                rows(dataSource, "SELECT practice, code, name FROM category ORDER BY practice, code"));
        Map<String, String> categories = new TreeMap<>();
        for (String row : rows(dataSource, "SELECT id, category FROM reason")) {
            String[] parts = row.split("\\|");
            categories.put(parts[0], parts[1]);
        }
        assertEquals(Map.of("r1", "Routine care", "r2", "Routine care", "r3", "Surgery", "r4", "null",
                "r5", "null", "r6", longId, "r7", "Routine care"), categories);
        assertEquals(List.of("ANYONE|null|null"), rows(dataSource,
                "SELECT DISTINCT audience, pattern, grid_minutes FROM reason"), "the rules of the practice apply");
        assertEquals(List.of("0|0"),
                rows(dataSource, "SELECT DISTINCT config_version, schedule_version FROM practice"));

        // and the store reads the migrated rows as a valid configuration
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("slotbridge",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        try {
            JpaStore store = new JpaStore(factory, new SchemaReady() { });
            PracticeConfig north = store.call(s -> s.practices().config("north"));
            assertEquals(PracticeRules.DEFAULT, north.rules());
            assertEquals(List.of(new Category(longId, LONG_HEADING, null, null),
                    new Category("Routine care", "Routine care", null, null),
                    new Category("Surgery", "Surgery", null, null)), north.categories());
            Reason ortho = north.reason("ortho");
            assertEquals(longId, ortho.category());
            assertEquals(Audience.ANYONE, ortho.rules().audience());
            assertEquals(new Versions(0, 0), store.call(s -> s.practices().versions("south")));
        } finally {
            factory.close();
        }
    }

    private static void insertReason(Connection c, String id, String slug, String code, String heading)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO reason (id, practice, code, name, category,"
                + " minutes, weekdays, windows) VALUES (?, ?, ?, ?, ?, 30, '', '')")) {
            insert.setString(1, id);
            insert.setString(2, slug);
            insert.setString(3, code);
            insert.setString(4, "Reason " + code);
            insert.setString(5, heading);
            insert.executeUpdate();
        }
    }

    /** Each row as its columns joined by '|', a null as "null". */
    private static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getString(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static Set<String> tables(DataSource dataSource) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, TestDatabase.POSTGRESQL ? "public" : "APP", "%",
                     new String[] {"TABLE"})) {
            while (rs.next()) {
                // PostgreSQL keeps unquoted names in lower case, Derby in upper case
                names.add(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static int count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

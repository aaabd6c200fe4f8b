package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static final Set<String> TABLES = Set.of("PRACTICE", "PROVIDER", "ROOM", "REASON", "REASON_PROVIDER",
            "REASON_ROOM", "WORKING_HOURS", "APPOINTMENT", "BLOCKOUT", "CLIENT", "PATIENT", "HOLD", "HOLD_UNIT",
            "REQUEST", "STAFF");

    @Test
    void createsEveryTableOnAnEmptyDatabaseAndRunsOnlyOnce() throws SQLException {
        EmbeddedDataSource dataSource = TestDatabase.emptyDatabase();
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
        EmbeddedDataSource dataSource = TestDatabase.emptyDatabase();
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

    private static Set<String> tables(DataSource dataSource) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, "APP", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
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

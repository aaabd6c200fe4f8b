package org.slotbridge.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.store.SchemaReady;
import org.slotbridge.store.Store;

/**
 * A real store outside OSGi: an in-memory Derby database brought up to date by the bundle's Liquibase
 * changelogs, with the bundle's persistence unit on it. Migrating and starting the unit take seconds,
 * so one database serves the whole test run and {@link #clean()} empties it for each test. Also used
 * by the booking and sync tests (test jar).
 * <p>
 * With {@code -Dslotbridge.test.db=postgresql} the databases are fresh PostgreSQL databases instead,
 * dropped when the test run ends (see {@link PostgresTestDatabases}).
 */
public final class TestDatabase {

    /** Children before parents, for the foreign keys. */
    private static final List<String> TABLES = List.of("idempotency_key", "inbox_file", "hold_unit", "hold",
            "request_alternative", "request_token", "request_event", "request", "reason_provider", "reason_room",
            "reason_blockout_type", "reason", "working_hours", "appointment", "blockout", "patient", "client",
            "provider", "room", "staff", "practice_closed_date", "practice_rules", "provider_group_member",
            "provider_group", "category", "practice");
    private static final AtomicInteger COUNT = new AtomicInteger();
    /** Whether the tests run on PostgreSQL rather than in-memory Derby. */
    static final boolean POSTGRESQL = "postgresql".equals(System.getProperty("slotbridge.test.db", "derby"));
    /** Liquibase logs each change set through java.util.logging; kept here so the level sticks. */
    private static final java.util.logging.Logger LIQUIBASE = java.util.logging.Logger.getLogger("liquibase");
    private static TestDatabase shared;
    /** Made once even when setting it up fails, so that failing tests do not each make a database. */
    private static DataSource sharedSource;

    static {
        // keep Derby's log out of the source tree
        System.setProperty("derby.stream.error.file", "target/derby.log");
        LIQUIBASE.setLevel(java.util.logging.Level.WARNING);
    }

    private final DataSource dataSource;
    private final Store store;

    private TestDatabase(DataSource dataSource, EntityManagerFactory factory) {
        this.dataSource = dataSource;
        this.store = new JpaStore(factory, new SchemaReady() { });
    }

    /** The test database, with the current schema and no rows. */
    public static synchronized TestDatabase clean() {
        if (shared == null) {
            if (sharedSource == null) {
                sharedSource = emptyDatabase();
            }
            DataSource dataSource = sharedSource;
            Migrations.apply(dataSource);
            // in place of the OSGi service name persistence.xml gives
            EntityManagerFactory factory = Persistence.createEntityManagerFactory("slotbridge",
                    Map.of("javax.persistence.nonJtaDataSource", dataSource));
            shared = new TestDatabase(dataSource, factory);
        }
        shared.deleteAllRows();
        return shared;
    }

    /**
     * A new database without any table: in memory on Derby, dropped at the end on PostgreSQL. The
     * scheduler's tests bring it up to date with {@link Migrations#apply(DataSource)} themselves.
     */
    public static DataSource emptyDatabase() {
        if (POSTGRESQL) {
            return PostgresTestDatabases.create();
        }
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:slotbridge-" + COUNT.incrementAndGet());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    public Store store() {
        return store;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public PracticeDirectory directory() {
        return new PracticeDirectoryService(store);
    }

    public PracticeSetup setup() {
        return new PracticeSetupService(store);
    }

    public StaffAccounts staff() {
        return new StaffAccountsService(store);
    }

    private void deleteAllRows() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("emptying the test database failed", e);
        }
    }
}

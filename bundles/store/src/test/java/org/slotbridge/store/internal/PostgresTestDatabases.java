package org.slotbridge.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh PostgreSQL databases for the tests run with {@code -Dslotbridge.test.db=postgresql}: each one
 * created empty on the server {@code slotbridge.test.pg.host}:{@code slotbridge.test.pg.port} (default
 * 127.0.0.1:5432) as {@code slotbridge.test.pg.user} (default postgres, trusted), under a name no other
 * test run uses, and dropped when the test JVM ends. Loaded only when PostgreSQL is chosen, so the
 * Derby runs need no PostgreSQL driver. Each name made is also written to
 * {@code target/postgresql-test-databases.txt}, so that a build can tell the tests did run on PostgreSQL.
 */
final class PostgresTestDatabases {

    private static final String HOST = System.getProperty("slotbridge.test.pg.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("slotbridge.test.pg.port", 5432);
    private static final String USER = System.getProperty("slotbridge.test.pg.user", "postgres");
    private static final String PASSWORD = System.getProperty("slotbridge.test.pg.password", "");
    private static final Path LOG = Path.of("target", "postgresql-test-databases.txt");
    /** Names created by this JVM, dropped at its end. */
    private static final List<String> CREATED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabases::dropAll, "drop-test-databases"));
    }

    private PostgresTestDatabases() {
    }

    /** A new database without any table. */
    static synchronized DataSource create() {
        String name = "slotbridge_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("creating test database " + name + " on " + HOST + ":" + PORT
                    + " as " + USER + " failed (is PostgreSQL running?): " + e.getMessage(), e);
        }
        CREATED.add(name);
        try {
            Files.createDirectories(LOG.getParent());
            Files.writeString(LOG, name + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + LOG.toAbsolutePath() + " failed", e);
        }
        return dataSource(name);
    }

    private static PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {HOST});
        dataSource.setPortNumbers(new int[] {PORT});
        dataSource.setDatabaseName(database);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        dataSource.setApplicationName("slotbridge-tests");
        return dataSource;
    }

    /** Drops every database this JVM made; connections still open to them are ended by the server. */
    private static synchronized void dropAll() {
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("dropping the test databases " + CREATED + " failed: " + e.getMessage());
        }
    }
}

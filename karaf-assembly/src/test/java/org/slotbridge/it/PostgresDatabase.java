package org.slotbridge.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.rules.ExternalResource;

/**
 * A fresh PostgreSQL database for one test class, made before it and dropped after it, on the server the
 * {@code slotbridge.test.pg.*} properties name (127.0.0.1:5432, user postgres, by default). Needs the
 * PostgreSQL driver on the class path, which the {@code -Dslotbridge.test.db=postgresql} profile adds.
 */
final class PostgresDatabase extends ExternalResource {

    private static final String HOST = System.getProperty("slotbridge.test.pg.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("slotbridge.test.pg.port", 5432);
    private static final String USER = System.getProperty("slotbridge.test.pg.user", "postgres");
    private static final String PASSWORD = System.getProperty("slotbridge.test.pg.password", "");

    private final String name = "slotbridge_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    @Override
    protected void before() throws SQLException {
        admin("CREATE DATABASE " + name);
    }

    @Override
    protected void after() {
        try {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping " + name + " failed", e);
        }
    }

    String url() {
        return url(name);
    }

    String user() {
        return USER;
    }

    String password() {
        return PASSWORD;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }
}

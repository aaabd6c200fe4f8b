package org.slotbridge.scheduler.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.quartz.utils.ConnectionProvider;

/**
 * Hands Quartz's job store the connections of the platform's pooled DataSource, so that the scheduler
 * uses the pool and the database configured for everything else. The pool belongs to pax-jdbc: shutting
 * down only lets go of it.
 */
final class PooledConnections implements ConnectionProvider {

    private volatile DataSource dataSource;

    PooledConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DataSource current = dataSource;
        if (current == null) {
            throw new SQLException("the scheduler has stopped");
        }
        return current.getConnection();
    }

    @Override
    public void shutdown() {
        // Quartz's connection manager keeps its providers for the life of the JVM: keep no DataSource there
        dataSource = null;
    }

    @Override
    public void initialize() {
        // nothing to set up: the DataSource is ready when it is handed over
    }
}

package org.slotbridge.store.internal;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings a database up to the schema of this bundle with the Liquibase changelogs it carries. Safe to
 * run on every start and from several nodes at once: Liquibase applies each change set once, under
 * its own lock table.
 */
public final class Migrations {

    /** The master changelog, a resource of this bundle. */
    static final String CHANGELOG = "db/slotbridge-changelog.xml";

    private Migrations() {
    }

    /**
     * Applies the change sets the database has not had yet.
     *
     * @throws IllegalStateException when a change set fails; what it changed is rolled back
     */
    public static void apply(DataSource dataSource) {
        apply(dataSource, CHANGELOG);
    }

    /** Applies the change sets of one changelog of this bundle; tests use it to start from an old schema. */
    static void apply(DataSource dataSource, String changelog) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // In OSGi Liquibase finds its own services through the context class loader: it must be its own.
        thread.setContextClassLoader(Scope.class.getClassLoader());
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Object> scope = new HashMap<>();
            // the changelogs are resources of this bundle, not of Liquibase's
            scope.put(Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()));
            // progress goes to the log, not to standard output
            scope.put(Scope.Attr.ui.name(), new LoggerUIService());
            // no usage reports over the network
            scope.put(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE);
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            });
            // Liquibase commits every change set itself; what is left open is reading only, and Derby
            // refuses to close a connection in the middle of a transaction
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (Exception e) {
            throw new IllegalStateException("applying " + changelog + " failed: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

package org.slotbridge.store.internal;

/**
 * Registered as a service once the Liquibase changelogs have been applied; the components that use
 * the persistence unit require it, so none of them runs against an old schema.
 */
public interface SchemaReady {
}

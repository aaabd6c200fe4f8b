package org.slotbridge.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered as a service once the Liquibase changelogs of this bundle have been applied to the
 * {@code slotbridge} data source. The components that use that database, here or in another bundle
 * (the scheduler keeps its tables there too), require it, so none of them runs against an old schema.
 */
@ProviderType
public interface SchemaReady {
}

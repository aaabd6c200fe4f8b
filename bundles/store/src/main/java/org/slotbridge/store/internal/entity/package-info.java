/**
 * The JPA entities, enhanced at build time and never seen outside the bundle. The bundle declares its
 * persistence unit here, so that the JPA extender builds it once the data source is there.
 */
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@Requirement(namespace = ExtenderNamespace.EXTENDER_NAMESPACE, name = "osgi.jpa", version = "1.1")
package org.slotbridge.store.internal.entity;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.extender.ExtenderNamespace;

/**
 * The services of Slotbridge, found in the OSGi service registry. Connectors, channels and themes
 * use these and nothing else of the platform.
 */
@Export
@Version("0.1.0")
package org.slotbridge.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

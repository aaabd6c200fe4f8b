package org.slotbridge.api.service;

import org.slotbridge.api.Practice;
import org.slotbridge.api.Request;

/**
 * Told after every change of a request has been stored: a connector writes it back to the PMS, a
 * channel tells the staff. Registered as a service; a listener that throws is logged and skipped, and
 * the others are still told.
 */
public interface RequestListener {

    /** Called once per change, after the change is committed. */
    void requestChanged(Practice practice, Request request);
}

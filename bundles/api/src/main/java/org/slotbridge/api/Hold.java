package org.slotbridge.api;

import java.time.Instant;

/**
 * An exclusive claim on an opening ("pre-booked"): while it lives nobody else can take that time.
 *
 * @param id           Slotbridge's id, hard to guess
 * @param practiceSlug the practice it belongs to
 * @param opening      what it holds
 * @param expiresAt    when it lapses unless a request is made on it; null once a request keeps it
 */
public record Hold(String id, String practiceSlug, Opening opening, Instant expiresAt) {
}

package org.slotbridge.web.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.slotbridge.api.Hold;
import org.slotbridge.api.Opening;
import org.slotbridge.api.SlotbridgeException;

/**
 * The opening a hold keeps, sealed into the link of the "who you are" page so that page can show it
 * without asking anyone; the seal names the hold, so it cannot be moved to another.
 */
record HeldOpening(String holdId, Opening opening, Instant expiresAt) {

    private static final String SEPARATOR = "\n";

    static HeldOpening of(Hold hold) {
        return new HeldOpening(hold.id(), hold.opening(), hold.expiresAt());
    }

    /** The sealed form; null when an id holds the separator and could not be read back. */
    String seal(Tokens tokens) {
        String[] parts = {"held", holdId, opening.reasonId(), opening.providerId(),
            opening.roomId() == null ? "" : opening.roomId(), opening.start().toString(),
            opening.end().toString(), expiresAt == null ? "" : expiresAt.toString()};
        for (String part : parts) {
            if (part.contains(SEPARATOR)) {
                return null;
            }
        }
        return tokens.seal(String.join(SEPARATOR, parts));
    }

    /** What {@link #seal} sealed for this hold; empty when missing, forged or made for another hold. */
    static Optional<HeldOpening> open(Tokens tokens, String holdId, String sealed) {
        return tokens.open(sealed).flatMap(value -> {
            String[] parts = value.split(SEPARATOR, -1);
            if (parts.length != 8 || !"held".equals(parts[0]) || !parts[1].equals(holdId)) {
                return Optional.empty();
            }
            try {
                Opening opening = new Opening(parts[2], parts[3], parts[4].isEmpty() ? null : parts[4],
                        Instant.parse(parts[5]), Instant.parse(parts[6]));
                Instant expires = parts[7].isEmpty() ? null : Instant.parse(parts[7]);
                return Optional.of(new HeldOpening(holdId, opening, expires));
            } catch (DateTimeParseException | SlotbridgeException e) {
                return Optional.empty();
            }
        });
    }
}

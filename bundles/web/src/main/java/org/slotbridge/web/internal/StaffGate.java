package org.slotbridge.web.internal;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;

/**
 * Checks HTTP Basic credentials against {@link StaffAccounts}. Password hashing is slow on purpose,
 * so a successful check is remembered for a minute, under a digest of the header, never the password.
 * A password changed meanwhile is therefore honoured at most a minute later.
 */
final class StaffGate {

    static final Duration REMEMBER = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 1000;

    private final StaffAccounts accounts;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    StaffGate(StaffAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The staff member the Authorization header names, or empty when absent or wrong. */
    Optional<StaffMember> member(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String key = digest(authorization);
        Instant now = clock.instant();
        Remembered known = remembered.get(key);
        if (known != null && known.until().isAfter(now)) {
            return Optional.of(known.member());
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(decoded));
        Arrays.fill(decoded, (byte) 0);
        char[] text = new char[chars.remaining()];
        chars.get(text);
        int colon = -1;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == ':') {
                colon = i;
                break;
            }
        }
        try {
            if (colon <= 0) {
                return Optional.empty();
            }
            String username = new String(text, 0, colon);
            char[] password = Arrays.copyOfRange(text, colon + 1, text.length);
            try {
                Optional<StaffMember> member = accounts.authenticate(username, password);
                member.ifPresent(m -> remember(key, m, now));
                return member;
            } finally {
                Arrays.fill(password, '\0');
            }
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    private void remember(String key, StaffMember member, Instant now) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(r -> !r.until().isAfter(now));
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
        remembered.put(key, new Remembered(member, now.plus(REMEMBER)));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private record Remembered(StaffMember member, Instant until) {
    }
}

package org.slotbridge.booking.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Tokens of the clients' links: 256 random bits, URL-safe. Only a SHA-256 hash is stored; the token is that
 * random, so a plain hash cannot be reversed by guessing. Hashes are compared in constant time.
 */
final class ClientTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The length of every token given out; anything else cannot be one. */
    static final int LENGTH = 43;

    private ClientTokens() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(digest(token));
    }

    /** True when {@code token} is the one whose hash is {@code storedHash}; false for a null either side. */
    static boolean matches(String token, String storedHash) {
        if (token == null || storedHash == null || token.length() != LENGTH) {
            return false;
        }
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest(token), stored);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

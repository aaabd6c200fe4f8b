package org.slotbridge.store.internal;

import java.security.SecureRandom;

/**
 * New row ids: 24 characters of lower-case base32 (120 random bits). Hold and request ids appear in
 * links and in the PMS, so they must be hard to guess; the other tables use the same kind for
 * simplicity.
 */
final class Ids {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String next() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[bytes[i] & 31];
        }
        return new String(id);
    }
}

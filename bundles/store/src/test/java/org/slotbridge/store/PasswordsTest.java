package org.slotbridge.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    /** The demo staff member's hash, made with another implementation of the same format. */
    private static final String DEMO =
            "pbkdf2-sha256:210000:bjxTyvcRIpRPlHS5gTsznw==:S5KOc6BVyE0ZqbAA9lx3ITWLfb6GSlHuQjlsH7D+rYI=";

    @Test
    void aHashMatchesItsSecretOnly() {
        String hash = Passwords.hash("correct horse".toCharArray());
        assertTrue(hash.matches("pbkdf2-sha256:210000:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]{44}"), hash);
        assertTrue(Passwords.matches("correct horse".toCharArray(), hash));
        assertFalse(Passwords.matches("correct horsE".toCharArray(), hash));
        assertNotEquals(hash, Passwords.hash("correct horse".toCharArray()), "a fresh salt every time");
    }

    @Test
    void readsHashesWrittenElsewhereInTheSameFormat() {
        assertTrue(Passwords.isWellFormed(DEMO));
        assertTrue(Passwords.matches("demo-staff-2026".toCharArray(), DEMO));
        assertFalse(Passwords.matches("demo-staff-2025".toCharArray(), DEMO));
    }

    @Test
    void missingOrMalformedHashesNeverMatch() {
        assertFalse(Passwords.matches("x".toCharArray(), null));
        assertFalse(Passwords.matches("x".toCharArray(), "plain"));
        assertFalse(Passwords.isWellFormed("pbkdf2-sha256:0:AAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAA=="));
        assertFalse(Passwords.isWellFormed("pbkdf2-sha256:210000:not base64:AAAA"));
        assertFalse(Passwords.isWellFormed("bcrypt:10:AAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAA=="));
        assertFalse(Passwords.matches(new char[0], DEMO));
        assertThrows(IllegalArgumentException.class, () -> Passwords.hash(new char[0]));
    }
}

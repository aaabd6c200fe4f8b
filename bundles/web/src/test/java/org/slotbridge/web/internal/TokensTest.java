package org.slotbridge.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TokensTest {

    private final Tokens tokens = new Tokens(Fixture.SECRET);
    private final Tokens other = new Tokens("a different secret, 32 bytes....".getBytes(StandardCharsets.UTF_8));

    @Test
    void aTokenFitsOnlyItsOwnCookieAndSecret() {
        String nonce = Tokens.newNonce();
        String token = tokens.csrfToken(nonce);

        assertTrue(tokens.csrfValid(nonce, token));
        assertFalse(tokens.csrfValid(Tokens.newNonce(), token));
        assertFalse(other.csrfValid(nonce, token));
        assertFalse(tokens.csrfValid(nonce, null));
        assertFalse(tokens.csrfValid(null, token));
        assertFalse(tokens.csrfValid("short", tokens.csrfToken("short")), "only nonces made here count");
    }

    @Test
    void noncesAreRandom() {
        String a = Tokens.newNonce();
        assertTrue(Tokens.isNonce(a));
        assertNotEquals(a, Tokens.newNonce());
    }

    @Test
    void sealedValuesOpenOnlyUnchanged() {
        String sealed = tokens.seal("held\nH1");

        assertEquals(Optional.of("held\nH1"), tokens.open(sealed));
        assertEquals(Optional.empty(), other.open(sealed));
        String body = sealed.substring(0, sealed.indexOf('.'));
        String forged = tokens.seal("held\nH2");
        assertEquals(Optional.empty(), tokens.open(body + forged.substring(forged.indexOf('.'))));
        assertEquals(Optional.empty(), tokens.open("not sealed"));
        assertEquals(Optional.empty(), tokens.open("%%%.%%%"));
        assertEquals(Optional.empty(), tokens.open(null));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Tokens(new byte[8]));
    }
}

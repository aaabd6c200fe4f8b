package org.slotbridge.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens bound to the installation's secret: the CSRF token of a browser's cookie, and sealed
 * values a page hands to the next one (readable by anyone, but not forgeable).
 */
final class Tokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    Tokens(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** 32 random bytes, the way a browser's CSRF cookie holds them. */
    static String newNonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** True when the text has the shape of a nonce made by {@link #newNonce()}. */
    static boolean isNonce(String text) {
        return text != null && NONCE.matcher(text).matches();
    }

    /** The token every form of a page carries, for the browser whose cookie holds {@code nonce}. */
    String csrfToken(String nonce) {
        return ENCODER.encodeToString(mac("csrf\n" + nonce));
    }

    /** True when {@code token} was made for {@code nonce}; compared in constant time. */
    boolean csrfValid(String nonce, String token) {
        if (!isNonce(nonce) || token == null) {
            return false;
        }
        byte[] expected = csrfToken(nonce).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The value, readable, with a signature that {@link #open} checks. */
    String seal(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac("seal\n" + value));
    }

    /** The value sealed in {@code sealed}, or empty when it was not made by {@link #seal} with this secret. */
    Optional<String> open(String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        int dot = sealed.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String value = new String(DECODER.decode(sealed.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(sealed.substring(dot + 1));
            return MessageDigest.isEqual(signature, mac("seal\n" + value)) ? Optional.of(value) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

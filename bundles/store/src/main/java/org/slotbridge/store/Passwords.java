package org.slotbridge.store;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes for staff passwords and client privacy codes: PBKDF2 with HMAC-SHA256, 210,000 iterations,
 * a 16-byte random salt and a 32-byte key, written {@code pbkdf2-sha256:<iterations>:<salt>:<hash>}
 * in standard Base64. Checking takes as long for a missing or malformed hash as for a real one.
 */
public final class Passwords {

    /** Iterations of new hashes. */
    public static final int ITERATIONS = 210_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    /** Beyond this a hash from a file would make every check a denial of service. */
    private static final int MAX_ITERATIONS = 10_000_000;
    /** The hash of a secret nobody knows, checked when there is nothing to check against. */
    private static final String UNKNOWN =
            "pbkdf2-sha256:210000:kDxSIiDOmaia9dsGKmmp8g==:5KcFfTBkQqXlh9KpyqCI+ccptedk9PNwmE2oSQBdik0=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /**
     * A new hash of {@code secret} with a fresh salt.
     *
     * @throws IllegalArgumentException when {@code secret} is empty
     */
    public static String hash(char[] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("an empty secret cannot be hashed");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(secret, salt, ITERATIONS, KEY_BYTES);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
    }

    /**
     * True when {@code secret} is the one {@code stored} was made from. An empty secret or a null or
     * malformed {@code stored} never matches, and costs the same work as a real check.
     */
    public static boolean matches(char[] secret, String stored) {
        Parsed parsed = parse(stored);
        boolean usable = parsed != null && secret != null && secret.length > 0;
        if (parsed == null) {
            parsed = parse(UNKNOWN);
        }
        char[] input = secret == null || secret.length == 0 ? new char[] {'?'} : secret;
        byte[] key = derive(input, parsed.salt, parsed.iterations, parsed.key.length);
        return MessageDigest.isEqual(key, parsed.key) && usable;
    }

    /** True when {@code stored} is a hash in the format above. */
    public static boolean isWellFormed(String stored) {
        return parse(stored) != null;
    }

    private static Parsed parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] key = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length < 8 || key.length < 16
                    || key.length > 64) {
                return null;
            }
            return new Parsed(iterations, salt, key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] derive(char[] secret, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] key) {
    }
}

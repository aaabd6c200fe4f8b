package org.slotbridge.rest.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a staff member in by HTTP Basic credentials, and only into their own practice. A missing or
 * wrong header is answered 401 with a Basic challenge; a member of another practice gets 403.
 */
final class StaffGate {

    static final String CHALLENGE = "Basic realm=\"Slotbridge staff\"";

    private static final Logger LOG = LoggerFactory.getLogger(StaffGate.class);

    private final StaffAccounts accounts;

    StaffGate(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The staff member the header names, when they belong to {@code slug}.
     *
     * @throws NotAuthorizedException when the credentials are missing, malformed or wrong
     * @throws ForbiddenException     when the member belongs to another practice
     */
    StaffMember admit(String authorization, String slug) {
        Credentials credentials = Credentials.parse(authorization)
                .orElseThrow(() -> unauthorized("HTTP Basic credentials are required"));
        Optional<StaffMember> member;
        try {
            member = accounts.authenticate(credentials.username(), credentials.password());
        } finally {
            credentials.clear();
        }
        if (member.isEmpty()) {
            LOG.info("Staff sign-in refused for practice {}", slug);
            throw unauthorized("wrong username or password");
        }
        if (!member.get().practiceSlug().equals(slug)) {
            LOG.warn("Staff of practice {} refused access to practice {}", member.get().practiceSlug(), slug);
            throw new ForbiddenException(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBodies.body("forbidden", "this account belongs to another practice", null))
                    .build());
        }
        return member.get();
    }

    private static NotAuthorizedException unauthorized(String message) {
        return new NotAuthorizedException(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBodies.body("unauthorized", message, null))
                .build());
    }

    /** A username and password read from an {@code Authorization: Basic} header. */
    record Credentials(String username, char[] password) {

        /** The credentials, or empty when the header is absent, not Basic, not base64 or has no colon. */
        static Optional<Credentials> parse(String header) {
            if (header == null) {
                return Optional.empty();
            }
            String value = header.trim();
            int space = value.indexOf(' ');
            if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
                return Optional.empty();
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(value.substring(space + 1).trim());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            char[] text;
            try {
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(decoded));
                text = new char[chars.remaining()];
                chars.get(text);
                Arrays.fill(chars.array(), '\0');
            } catch (CharacterCodingException e) {
                return Optional.empty();
            } finally {
                Arrays.fill(decoded, (byte) 0);
            }
            int colon = indexOf(text, ':');
            if (colon <= 0) {
                Arrays.fill(text, '\0');
                return Optional.empty();
            }
            String username = new String(text, 0, colon);
            char[] password = Arrays.copyOfRange(text, colon + 1, text.length);
            Arrays.fill(text, '\0');
            return Optional.of(new Credentials(username, password));
        }

        void clear() {
            Arrays.fill(password, '\0');
        }

        private static int indexOf(char[] text, char wanted) {
            for (int i = 0; i < text.length; i++) {
                if (text[i] == wanted) {
                    return i;
                }
            }
            return -1;
        }
    }
}

package org.slotbridge.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.MessageBodyWriter;
import javax.ws.rs.ext.Providers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.SlotbridgeException;
import org.slotbridge.api.service.IdempotencyKeys;
import org.slotbridge.api.service.IdempotencyKeys.Answer;
import org.slotbridge.api.service.IdempotencyKeys.Claim;

/**
 * Public POSTs that create something, made safe to repeat with an {@code Idempotency-Key} header. The
 * first arrival claims the key in the database, does the work and keeps its answer (status, location
 * and body as sent); a repeat with the same request gets that answer again, marked
 * {@code Idempotent-Replayed: true}. A repeat while the first is at work is told so at once (409
 * {@code request_in_progress}) rather than kept waiting: the client's retry then gets the answer, and
 * no server thread is held up meanwhile.
 * <p>
 * Answers worth trying again are not kept, and leave the key free: a failure of the server, and the
 * 409s {@code busy} and {@code request_in_progress}. Every other 4xx is kept, like a 2xx.
 */
final class Idempotency {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String IN_PROGRESS = "request_in_progress";

    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1," + IdempotencyKeys.KEY_MAX + "}");
    private static final Set<String> RETRYABLE = Set.of("busy", IN_PROGRESS);
    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    private Idempotency() {
    }

    /**
     * Answers a POST of {@code path} whose body was read as {@code body}: by {@code work} when there is
     * no key or the key is new, else as the key says.
     *
     * @param keys      the keys; null only where none are needed (tests without the header)
     * @param slug      the practice, known to exist
     * @param key       the header's value; null when absent
     * @param body      the body as read, compared by the values read, so that spacing and the order of
     *                  its fields do not count
     * @param providers writes the answer's entity as the runtime would, so that repeats get the same bytes
     */
    static Response once(IdempotencyKeys keys, String slug, String key, String path, Object body,
                         Providers providers, Supplier<Response> work) {
        if (key == null) {
            return work.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(HEADER, "must be 1 to " + IdempotencyKeys.KEY_MAX
                    + " printable ASCII characters");
        }
        if (keys == null) {
            throw new IllegalStateException("no idempotency keys service");
        }
        Claim claim = keys.claim(slug, key, fingerprint("POST " + path + "\n" + body));
        return switch (claim.outcome()) {
            case REPLAY -> replay(claim.answer());
            case IN_PROGRESS -> throw new ConflictException(IN_PROGRESS, "a request with this " + HEADER
                    + " is still being processed; try again in a moment");
            case MISMATCH -> ErrorBodies.response(422, "idempotency_key_reused", "this " + HEADER
                    + " was used for a different request; use a new key for a new request", HEADER);
            case NEW -> first(keys, slug, key, claim.token(), providers, work);
        };
    }

    private static Response first(IdempotencyKeys keys, String slug, String key, long token, Providers providers,
                                  Supplier<Response> work) {
        Response done;
        String code = null;
        try {
            done = work.get();
        } catch (SlotbridgeException e) {
            String field = e instanceof InvalidInputException invalid ? invalid.field() : null;
            done = ErrorBodies.response(SlotbridgeExceptionMapper.status(e), e.code(), e.getMessage(), field);
            code = e.code();
        } catch (RuntimeException | Error e) {
            keys.release(slug, key, token);
            throw e;
        }
        Answer answer;
        try {
            URI location = done.getLocation();
            answer = new Answer(done.getStatus(), location == null ? null : location.toString(),
                    done.hasEntity() ? json(done.getEntity(), providers) : null);
        } catch (IOException | RuntimeException e) {
            keys.release(slug, key, token);
            throw new IllegalStateException("the answer could not be written", e);
        }
        boolean keep = done.getStatus() >= 200 && done.getStatus() < 300
                || done.getStatus() >= 400 && done.getStatus() < 500 && !RETRYABLE.contains(code);
        try {
            if (!keep) {
                keys.release(slug, key, token);
            } else if (!keys.answer(slug, key, token, answer)) {
                LOG.warn("The answer to a request with an idempotency key at practice {} was not kept", slug);
            }
        } catch (RuntimeException e) {
            // the work is done and its answer stands; a repeat within minutes is told it is in progress
            LOG.warn("Keeping the answer to a request with an idempotency key at practice {} failed", slug, e);
        }
        return build(answer);
    }

    private static Response replay(Answer answer) {
        return Response.fromResponse(build(answer)).header(REPLAYED, "true").build();
    }

    private static Response build(Answer answer) {
        Response.ResponseBuilder builder = Response.status(answer.status());
        if (answer.location() != null) {
            builder.location(URI.create(answer.location()));
        }
        if (answer.body() != null) {
            builder.type(MediaType.APPLICATION_JSON_TYPE).entity(answer.body());
        }
        return builder.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String json(Object entity, Providers providers) throws IOException {
        if (entity instanceof String text) {
            return text;
        }
        Class type = entity.getClass();
        MessageBodyWriter writer = providers.getMessageBodyWriter(type, type, NO_ANNOTATIONS,
                MediaType.APPLICATION_JSON_TYPE);
        if (writer == null) {
            throw new IOException("no JSON writer for " + type.getName());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(entity, type, type, NO_ANNOTATIONS, MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** SHA-256 of the request, in hex: what the key remembers of it. */
    static String fingerprint(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

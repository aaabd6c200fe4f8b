package org.slotbridge.rest.internal;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** The one shape of every error answer: {@code {"code","message","field"?}}. */
final class ErrorBodies {

    private static final String JACKSON_FAILURE = "com.fasterxml.jackson.core.JsonProcessingException";
    private static final Pattern PROPERTY = Pattern.compile("\\[\"([^\"]*)\"\\]");
    /** How deep a chain of causes is searched; also ends a chain that loops. */
    static final int MAX_CAUSES = 10;

    private ErrorBodies() {
    }

    static Map<String, Object> body(String code, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }

    static Response response(int status, String code, String message, String field) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(code, message, field))
                .build();
    }

    /**
     * Jackson's parse or mapping error among {@code failure} and its causes, or null. Matched by class
     * name, so the answer is right whichever Jackson version the JSON provider is wired to.
     */
    static Throwable jacksonFailure(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (type.getName().equals(JACKSON_FAILURE)) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The 400 answer for a body Jackson could not read, naming the innermost JSON property it knows. */
    static Response invalidJson(Throwable jacksonFailure) {
        return response(400, "invalid_json",
                "the request body is not JSON of the expected shape", property(jacksonFailure));
    }

    /** A fresh id to quote in the answer and the log of an unexpected failure. */
    static String incident() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String property(Throwable jacksonFailure) {
        try {
            Method path = jacksonFailure.getClass().getMethod("getPathReference");
            Object reference = path.invoke(jacksonFailure);
            if (reference == null) {
                return null;
            }
            String last = null;
            Matcher matcher = PROPERTY.matcher(reference.toString());
            while (matcher.find()) {
                last = matcher.group(1);
            }
            return last;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a parse error (not a mapping error) has no path: the answer just names no field
            return null;
        }
    }
}

package org.slotbridge.rest.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: a body Jackson could not read becomes 400 {@code invalid_json}; anything else is
 * 500 {@code internal_error} with an incident id. The log gets the incident id, the exception types
 * and where they were thrown, but not their messages, which may quote personal data.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("slotbridge.unexpected-errors")
@JSONRequired
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        Throwable jackson = ErrorBodies.jacksonFailure(failure);
        if (jackson != null) {
            return ErrorBodies.invalidJson(jackson);
        }
        String incident = ErrorBodies.incident();
        LOG.error("Unexpected failure, incident {}: {}", incident, describe(failure));
        return ErrorBodies.response(500, "internal_error",
                "an unexpected failure occurred; incident " + incident, null);
    }

    /** Exception types and their throw sites, cause by cause, without messages. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < ErrorBodies.MAX_CAUSES; depth++, t = t.getCause()) {
            if (text.length() > 0) {
                text.append(" caused by ");
            }
            text.append(t.getClass().getName());
            StackTraceElement[] trace = t.getStackTrace();
            for (int i = 0; i < Math.min(trace.length, 5); i++) {
                text.append(i == 0 ? " at " : " < ").append(trace[i]);
            }
        }
        return text.toString();
    }
}

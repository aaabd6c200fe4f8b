package org.slotbridge.rest.internal;

import java.util.Locale;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Gives the runtime's own HTTP errors (unknown path, wrong method or media type, unreadable body)
 * the API's error shape, keeping their status and headers. An answer that already carries a body,
 * such as the staff 401 with its challenge, passes unchanged.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("slotbridge.http-errors")
@JSONRequired
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response original = failure.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        Throwable jackson = ErrorBodies.jacksonFailure(failure);
        if (jackson != null) {
            return ErrorBodies.invalidJson(jackson);
        }
        int status = original.getStatus();
        Response.StatusType type = original.getStatusInfo();
        String reason = type.getReasonPhrase() == null ? "HTTP " + status : type.getReasonPhrase();
        Response.ResponseBuilder answer = Response.fromResponse(original)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBodies.body(code(reason), reason, null));
        return answer.build();
    }

    private static String code(String reason) {
        return reason.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}

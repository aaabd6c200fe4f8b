package org.slotbridge.rest.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.SlotbridgeException;

/** Answers the api's failures: 400 for invalid input, 404 for unknown things, 409 for conflicts. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("slotbridge.errors")
@JSONRequired
public class SlotbridgeExceptionMapper implements ExceptionMapper<SlotbridgeException> {

    @Override
    public Response toResponse(SlotbridgeException failure) {
        String field = failure instanceof InvalidInputException invalid ? invalid.field() : null;
        return ErrorBodies.response(status(failure), failure.code(), failure.getMessage(), field);
    }

    static int status(SlotbridgeException failure) {
        if (failure instanceof NotFoundException) {
            return 404;
        }
        if (failure instanceof ConflictException) {
            return 409;
        }
        return 400;
    }
}

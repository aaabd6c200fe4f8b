package org.slotbridge.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.SlotbridgeException;
import org.slotbridge.rest.internal.Inputs.RequestInput;

class ExceptionMappersTest {

    @Test
    void mapsApiFailuresToTheirStatuses() {
        SlotbridgeExceptionMapper mapper = new SlotbridgeExceptionMapper();

        Response invalid = mapper.toResponse(new InvalidInputException("from", "is not a date"));
        assertEquals(400, invalid.getStatus());
        assertEquals(Map.of("code", "invalid_input", "message", "from: is not a date", "field", "from"),
                invalid.getEntity());
        assertEquals(404, mapper.toResponse(new NotFoundException("practice", "x")).getStatus());
        Response conflict = mapper.toResponse(new ConflictException("opening_taken", "taken"));
        assertEquals(409, conflict.getStatus());
        assertEquals(Map.of("code", "opening_taken", "message", "taken"), conflict.getEntity());
        assertEquals(400, mapper.toResponse(new SlotbridgeException("odd", "odd")).getStatus());
    }

    @Test
    void turnsJacksonFailuresInto400NamingTheField() {
        ObjectMapper json = new ObjectMapper();
        JsonProcessingException malformed = assertThrows(JsonProcessingException.class,
                () -> json.readValue("{\"hold\": ", RequestInput.class));
        JsonProcessingException wrongType = assertThrows(JsonProcessingException.class,
                () -> json.readValue("{\"hold\": {\"a\": 1}}", RequestInput.class));
        JsonProcessingException unknown = assertThrows(JsonProcessingException.class,
                () -> json.readValue("{\"privacy\": \"x\"}", RequestInput.class));

        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();
        Response parse = mapper.toResponse(malformed);
        assertEquals(400, parse.getStatus());
        assertEquals("invalid_json", ((Map<?, ?>) parse.getEntity()).get("code"));
        assertFalse(((Map<?, ?>) parse.getEntity()).containsKey("field"));
        assertEquals("hold", ((Map<?, ?>) mapper.toResponse(wrongType).getEntity()).get("field"));
        assertEquals("privacy", ((Map<?, ?>) mapper.toResponse(new RuntimeException(unknown)).getEntity())
                .get("field"));
    }

    @Test
    void answersAnythingElseWith500AndNoDetail() {
        Response answer = new UnexpectedExceptionMapper()
                .toResponse(new IllegalStateException("jane@example.org broke it"));

        assertEquals(500, answer.getStatus());
        Map<?, ?> body = (Map<?, ?>) answer.getEntity();
        assertEquals("internal_error", body.get("code"));
        assertFalse(body.get("message").toString().contains("jane"));
        assertFalse(UnexpectedExceptionMapper.describe(new IllegalStateException("jane@example.org"))
                .contains("jane"));
    }

    @Test
    void givesRuntimeErrorsTheApiShapeAndKeepsPreparedAnswers() {
        WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();

        Response notAllowed = mapper.toResponse(new NotAllowedException("GET"));
        assertEquals(405, notAllowed.getStatus());
        assertEquals("method_not_allowed", ((Map<?, ?>) notAllowed.getEntity()).get("code"));
        assertTrue(notAllowed.getHeaderString("Allow").contains("GET"));

        Response prepared = Response.status(401).entity(Map.of("code", "unauthorized")).build();
        assertSame(prepared, mapper.toResponse(new NotAuthorizedException(prepared)));
    }
}

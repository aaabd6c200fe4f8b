package org.slotbridge.rest.internal;

import javax.ws.rs.ext.ContextResolver;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The JSON mapper of the API, found by the JSON provider through JAX-RS: values must have the JSON type
 * they are documented with. Jackson would otherwise take {@code "privacyCode": 4711} as the text "4711",
 * {@code "clientName": true} as the name "true" and {@code "days": "14"} as a number; here each is a 400
 * {@code invalid_json} naming the field.
 */
@Component(service = ContextResolver.class)
@JaxrsExtension
@JaxrsName("slotbridge.json")
@JSONRequired
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = mapper();

    static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}

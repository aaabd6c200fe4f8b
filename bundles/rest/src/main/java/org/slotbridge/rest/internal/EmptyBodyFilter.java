package org.slotbridge.rest.internal;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Takes an API POST that carries no body and no media type ({@code curl -X POST}) as an empty JSON body,
 * so that calls whose body is optional (a staff confirm or decline without a note) are not refused with
 * 415, and calls that need a body say which one. A body that is there keeps its media type: one that is
 * not JSON is still refused.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("slotbridge.empty-body")
@JSONRequired
@PreMatching
public class EmptyBodyFilter implements ContainerRequestFilter {

    private static final String API = "api/v1/";

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.POST.equals(request.getMethod())
                && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null
                && request.getUriInfo().getPath().startsWith(API)
                && !request.hasEntity()) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}

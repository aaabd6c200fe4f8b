package org.slotbridge.web.internal;

import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.IdempotencyKeys;
import org.slotbridge.api.service.PracticeDirectory;

/** The client portal of each practice, under {@code /p/{slug}/}. */
@Component(service = PortalResource.class)
@JaxrsResource
@JaxrsName("slotbridge.web.portal")
@Path("p/{slug}")
@Produces(Http.HTML)
public final class PortalResource {

    private final PortalPages pages;
    private final ClientRequestPages clientPages;

    @Activate
    public PortalResource(@Reference Booking booking, @Reference PracticeDirectory directory,
                          @Reference WebSite site, @Reference IdempotencyKeys keys) {
        this.pages = new PortalPages(booking, directory, site, keys);
        this.clientPages = new ClientRequestPages(booking, pages, site);
    }

    @GET
    public Response reasons(@PathParam("slug") String slug, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.reasons(Http.get(uri, headers), slug));
    }

    @GET
    @Path("openings")
    public Response openings(@PathParam("slug") String slug, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.openings(Http.get(uri, headers), slug));
    }

    @POST
    @Path("hold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response hold(@PathParam("slug") String slug, MultivaluedMap<String, String> form,
                         @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.hold(Http.post(uri, headers, form), slug));
    }

    @GET
    @Path("request")
    public Response requestForm(@PathParam("slug") String slug, @Context UriInfo uri,
                                @Context HttpHeaders headers) {
        return Http.answer(pages.requestForm(Http.get(uri, headers), slug));
    }

    @POST
    @Path("request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@PathParam("slug") String slug, MultivaluedMap<String, String> form,
                            @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.request(Http.post(uri, headers, form), slug));
    }

    @GET
    @Path("done")
    public Response done(@PathParam("slug") String slug, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.done(Http.get(uri, headers), slug));
    }

    @GET
    @Path("requests/{id}")
    public Response clientRequest(@PathParam("slug") String slug, @PathParam("id") String id, @Context UriInfo uri,
                                  @Context HttpHeaders headers) {
        return Http.answer(clientPages.show(Http.get(uri, headers), slug, id));
    }

    @POST
    @Path("requests/{id}/{step: accept|refuse|cancel|rebook}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clientStep(@PathParam("slug") String slug, @PathParam("id") String id,
                               @PathParam("step") String step, MultivaluedMap<String, String> form,
                               @Context UriInfo uri, @Context HttpHeaders headers) {
        ClientRequestPages.Step chosen = ClientRequestPages.Step.valueOf(step.toUpperCase(Locale.ROOT));
        return Http.answer(clientPages.act(Http.post(uri, headers, form), slug, id, chosen));
    }

    /** Any other path under the portal; every path above has more fixed characters and is matched first. */
    @GET
    @Path("{page: .+}")
    public Response unknown(@PathParam("slug") String slug, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.unknown(Http.get(uri, headers), slug));
    }
}

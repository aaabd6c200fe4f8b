package org.slotbridge.web.internal;

import java.time.Clock;

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
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.StaffAccounts;

/** The staff pages of each practice, under {@code /staff/{slug}/}, behind HTTP Basic sign-in. */
@Component(service = StaffResource.class)
@JaxrsResource
@JaxrsName("slotbridge.web.staff")
@Path("staff/{slug}")
@Produces(Http.HTML)
public final class StaffResource {

    private final StaffPages pages;

    @Activate
    public StaffResource(@Reference Booking booking, @Reference PracticeDirectory directory,
                         @Reference StaffAccounts accounts, @Reference WebSite site) {
        this.pages = new StaffPages(booking, directory, accounts, site, Clock.systemUTC());
    }

    @GET
    public Response list(@PathParam("slug") String slug, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.list(Http.get(uri, headers), slug));
    }

    @GET
    @Path("why-not")
    public Response whyNot(@PathParam("slug") String slug, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.whyNot(Http.get(uri, headers), slug));
    }

    @POST
    @Path("requests/{id}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("slug") String slug, @PathParam("id") String id,
                            MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.confirm(Http.post(uri, headers, form), slug, id));
    }

    @POST
    @Path("requests/{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("slug") String slug, @PathParam("id") String id,
                            MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.decline(Http.post(uri, headers, form), slug, id));
    }

    @GET
    @Path("requests/{id}/propose")
    public Response proposeForm(@PathParam("slug") String slug, @PathParam("id") String id, @Context UriInfo uri,
                                @Context HttpHeaders headers) {
        return Http.answer(pages.proposeForm(Http.get(uri, headers), slug, id));
    }

    @POST
    @Path("requests/{id}/propose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@PathParam("slug") String slug, @PathParam("id") String id,
                            MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.propose(Http.post(uri, headers, form), slug, id));
    }

    /** Any other path under the staff pages; every path above has more fixed characters and is matched first. */
    @GET
    @Path("{page: .+}")
    public Response unknown(@PathParam("slug") String slug, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Http.answer(pages.unknown(Http.get(uri, headers), slug));
    }
}

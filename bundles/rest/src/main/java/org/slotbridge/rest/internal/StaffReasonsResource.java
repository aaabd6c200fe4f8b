package org.slotbridge.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Quoted;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Slugs;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.sync.config.ConfigReader;
import org.slotbridge.sync.config.ConfigWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reasons of a practice with all their rules, for its staff, in the JSON form of the practice
 * files' {@code reasons}. Each change is checked with the practice's whole configuration.
 */
@Component(service = StaffReasonsResource.class)
@JaxrsResource
@JSONRequired
@Path("api/v1/staff/practices/{slug}/reasons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffReasonsResource {

    private static final Logger LOG = LoggerFactory.getLogger(StaffReasonsResource.class);

    private final PracticeDirectory directory;
    private final PracticeSetup setup;
    private final StaffGate gate;

    @Activate
    public StaffReasonsResource(@Reference(name = "directory") PracticeDirectory directory,
                                @Reference(name = "setup") PracticeSetup setup,
                                @Reference(name = "accounts") StaffAccounts accounts) {
        this.directory = directory;
        this.setup = setup;
        this.gate = new StaffGate(accounts);
    }

    /** Every reason, with all its rules. */
    @GET
    public Map<String, Object> reasons(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                       @PathParam("slug") String slug) {
        gate.admit(authorization, slug);
        return Map.of("reasons", directory.reasons(slug).stream().map(ConfigWriter::reason).toList());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> reason(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @PathParam("slug") String slug, @PathParam("id") String id) {
        gate.admit(authorization, slug);
        return ConfigWriter.reason(existing(slug, id));
    }

    /** Creates or replaces a reason; the body may leave out {@code id}, or must repeat the one of the address. */
    @PUT
    @Path("{id}")
    public Map<String, Object> replace(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                       @PathParam("slug") String slug, @PathParam("id") String id,
                                       Map<String, Object> body) {
        StaffMember member = gate.admit(authorization, slug);
        if (!Slugs.isValid(id)) {
            throw new InvalidInputException("id", "a reason id is 1 to 64 lower-case letters, digits or inner dashes");
        }
        Map<String, Object> json = new LinkedHashMap<>(ConfigBodies.required(body));
        json.putIfAbsent("id", id);
        Reason reason = ConfigReader.reason(json, "");
        if (!reason.id().equals(id)) {
            throw new InvalidInputException("id",
                    "is " + Quoted.of(reason.id()) + " but the address names " + Quoted.of(id));
        }
        ConfigBodies.save(() -> setup.saveReason(slug, reason), "reasons[" + id + "]");
        LOG.info("Reason {} of practice {} saved by staff {}", id, slug, member.username());
        return ConfigWriter.reason(reason);
    }

    /** Removes a reason; open requests made for it stay as they are. */
    @DELETE
    @Path("{id}")
    public Response remove(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @PathParam("slug") String slug, @PathParam("id") String id) {
        StaffMember member = gate.admit(authorization, slug);
        existing(slug, id);
        ConfigBodies.save(() -> setup.removeReason(slug, id), "reasons[" + id + "]");
        LOG.info("Reason {} of practice {} removed by staff {}", id, slug, member.username());
        return Response.noContent().build();
    }

    private Reason existing(String slug, String id) {
        if (!Slugs.isValid(id)) {
            throw new NotFoundException("reason", "?");
        }
        return directory.reason(slug, id);
    }
}

package org.slotbridge.rest.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.sync.config.ConfigReader;
import org.slotbridge.sync.config.ConfigWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers' working hours of one practice, for its staff: HL7 does not carry them, so they come
 * from the practice file or from here, in the same JSON form ({@code {"provider", "weekly": {"MONDAY":
 * ["08:00-12:00"]}, "exceptions": {"2026-12-24": []}}}), in the practice's zone.
 */
@Component(service = WorkingHoursResource.class)
@JaxrsResource
@JSONRequired
@Path("api/v1/staff/practices/{slug}/working-hours")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkingHoursResource {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingHoursResource.class);

    private final PracticeDirectory directory;
    private final PracticeSetup setup;
    private final StaffGate gate;

    @Activate
    public WorkingHoursResource(@Reference(name = "directory") PracticeDirectory directory,
                                @Reference(name = "setup") PracticeSetup setup,
                                @Reference(name = "accounts") StaffAccounts accounts) {
        this.directory = directory;
        this.setup = setup;
        this.gate = new StaffGate(accounts);
    }

    /** The hours of every provider that has any. */
    @GET
    public List<Map<String, Object>> all(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                         @PathParam("slug") String slug) {
        gate.admit(authorization, slug);
        return directory.workingHours(slug).stream().map(ConfigWriter::workingHours).toList();
    }

    /** Replaces one provider's hours, whole or not at all; the body may leave out {@code provider}. */
    @PUT
    @Path("{provider}")
    public Map<String, Object> replace(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                       @PathParam("slug") String slug, @PathParam("provider") String provider,
                                       Map<String, Object> body) {
        StaffMember member = gate.admit(authorization, slug);
        if (directory.providers(slug).stream().noneMatch(p -> p.id().equals(provider))) {
            throw new NotFoundException("provider", provider);
        }
        WorkingHours hours = ConfigReader.workingHours(ConfigBodies.required(body), "", provider);
        ConfigBodies.save(() -> setup.saveWorkingHours(slug, hours), "hours[" + provider + "]");
        LOG.info("Working hours of provider {} in practice {} replaced by staff {}", provider, slug,
                member.username());
        return ConfigWriter.workingHours(hours);
    }
}

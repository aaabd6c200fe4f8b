package org.slotbridge.rest.internal;

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
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.sync.config.ConfigReader;
import org.slotbridge.sync.config.ConfigWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a practice sets for all its reasons (unit, timing, closed dates, provider groups, openings shown
 * per day), for its staff, in the JSON form of the practice files' {@code rules}.
 */
@Component(service = RulesResource.class)
@JaxrsResource
@JSONRequired
@Path("api/v1/staff/practices/{slug}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RulesResource {

    private static final Logger LOG = LoggerFactory.getLogger(RulesResource.class);

    private final PracticeDirectory directory;
    private final PracticeSetup setup;
    private final StaffGate gate;

    @Activate
    public RulesResource(@Reference(name = "directory") PracticeDirectory directory,
                         @Reference(name = "setup") PracticeSetup setup,
                         @Reference(name = "accounts") StaffAccounts accounts) {
        this.directory = directory;
        this.setup = setup;
        this.gate = new StaffGate(accounts);
    }

    /** The rules in force, every field written. */
    @GET
    public Map<String, Object> rules(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @PathParam("slug") String slug) {
        gate.admit(authorization, slug);
        return ConfigWriter.rules(directory.rules(slug));
    }

    /** Replaces the rules, whole or not at all; a field left out takes its default. */
    @PUT
    public Map<String, Object> replace(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                       @PathParam("slug") String slug, Map<String, Object> body) {
        StaffMember member = gate.admit(authorization, slug);
        PracticeRules rules = ConfigReader.rules(ConfigBodies.required(body), "");
        ConfigBodies.save(() -> setup.saveRules(slug, rules), "rules");
        LOG.info("Rules of practice {} replaced by staff {}", slug, member.username());
        return ConfigWriter.rules(rules);
    }
}

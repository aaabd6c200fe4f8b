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
import org.slotbridge.api.Category;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.sync.config.ConfigReader;
import org.slotbridge.sync.config.ConfigWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The category tree of a practice's reasons, for its staff: {@code {"categories": [{id, name, parent,
 * helpText}]}}, read and replaced as a whole.
 */
@Component(service = CategoriesResource.class)
@JaxrsResource
@JSONRequired
@Path("api/v1/staff/practices/{slug}/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoriesResource {

    static final String FIELD = "categories";
    private static final Logger LOG = LoggerFactory.getLogger(CategoriesResource.class);

    private final PracticeDirectory directory;
    private final PracticeSetup setup;
    private final StaffGate gate;

    @Activate
    public CategoriesResource(@Reference(name = "directory") PracticeDirectory directory,
                              @Reference(name = "setup") PracticeSetup setup,
                              @Reference(name = "accounts") StaffAccounts accounts) {
        this.directory = directory;
        this.setup = setup;
        this.gate = new StaffGate(accounts);
    }

    @GET
    public Map<String, Object> categories(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                          @PathParam("slug") String slug) {
        gate.admit(authorization, slug);
        return Map.of(FIELD, directory.categories(slug).stream().map(ConfigWriter::category).toList());
    }

    /** Replaces the tree; refused when a reason would name a category that is gone. */
    @PUT
    public Map<String, Object> replace(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                       @PathParam("slug") String slug, Map<String, Object> body) {
        StaffMember member = gate.admit(authorization, slug);
        ConfigBodies.required(body).keySet().stream().filter(key -> !key.equals(FIELD)).findFirst()
                .ifPresent(key -> {
                    throw new InvalidInputException(key, "is not a field of this body; it holds only 'categories'");
                });
        if (!body.containsKey(FIELD)) {
            throw new InvalidInputException(FIELD, "is required; an empty list removes every category");
        }
        List<Category> categories = ConfigReader.categories(body.get(FIELD), FIELD);
        ConfigBodies.save(() -> setup.saveCategories(slug, categories), "");
        LOG.info("Categories of practice {} replaced by staff {}", slug, member.username());
        return Map.of(FIELD, categories.stream().map(ConfigWriter::category).toList());
    }
}

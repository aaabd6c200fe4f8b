package org.slotbridge.rest.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers' working hours of one practice, for its staff: HL7 does not carry them, so they come
 * from the practice file or from here. Windows are written {@code "08:00-12:00"}, in the practice's zone.
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

    /** One provider's hours as the API shows and takes them. */
    public record HoursView(String provider, Map<String, List<String>> weekly, Map<String, List<String>> exceptions) {

        static HoursView of(WorkingHours hours) {
            Map<String, List<String>> weekly = new TreeMap<>();
            hours.weekly().forEach((day, windows) -> weekly.put(day.name(), texts(windows)));
            Map<String, List<String>> exceptions = new TreeMap<>();
            hours.exceptions().forEach((date, windows) -> exceptions.put(date.toString(), texts(windows)));
            return new HoursView(hours.providerId(), weekly, exceptions);
        }

        private static List<String> texts(List<TimeWindow> windows) {
            return windows.stream().map(TimeWindow::toString).toList();
        }
    }

    /** The hours of every provider that has any. */
    @GET
    public List<HoursView> all(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @PathParam("slug") String slug) {
        gate.admit(authorization, slug);
        return directory.workingHours(slug).stream().map(HoursView::of).toList();
    }

    /** Replaces one provider's hours, whole or not at all. */
    @PUT
    @Path("{provider}")
    public HoursView replace(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @PathParam("slug") String slug, @PathParam("provider") String provider,
                             HoursView body) {
        StaffMember member = gate.admit(authorization, slug);
        if (directory.providers(slug).stream().noneMatch(p -> p.id().equals(provider))) {
            throw new NotFoundException("provider", provider);
        }
        if (body == null) {
            throw new InvalidInputException("weekly", "is required");
        }
        WorkingHours hours = parse(provider, body);
        setup.saveWorkingHours(slug, hours);
        LOG.info("Working hours of provider {} in practice {} replaced by staff {}", provider, slug,
                member.username());
        return HoursView.of(hours);
    }

    static WorkingHours parse(String provider, HoursView body) {
        Map<DayOfWeek, List<TimeWindow>> weekly = new TreeMap<>();
        if (body.weekly() == null) {
            throw new InvalidInputException("weekly", "is required; an empty object means no working days");
        }
        body.weekly().forEach((day, windows) -> weekly.put(day(day), windows("weekly." + day, windows)));
        Map<LocalDate, List<TimeWindow>> exceptions = new TreeMap<>();
        if (body.exceptions() != null) {
            body.exceptions().forEach((date, windows) ->
                    exceptions.put(date(date), windows("exceptions." + date, windows)));
        }
        return new WorkingHours(provider, weekly, exceptions);
    }

    private static DayOfWeek day(String text) {
        try {
            return DayOfWeek.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("weekly", "'" + text + "' is not a weekday such as MONDAY");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("exceptions", "'" + text + "' is not a date such as 2026-12-24");
        }
    }

    private static List<TimeWindow> windows(String field, List<String> texts) {
        if (texts == null) {
            throw new InvalidInputException(field, "must be a list of windows such as \"08:00-12:00\"");
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (String text : texts) {
            // working hours are exact times; the words that TimeWindow also reads are for client searches
            if (text == null || !text.contains(":")) {
                throw new InvalidInputException(field, "'" + text + "' is not a window such as 08:00-12:00");
            }
            windows.add(TimeWindow.parse(text, field));
        }
        return windows;
    }
}

package org.slotbridge.shell.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.PracticeDirectory;

/**
 * {@code slotbridge:requests <slug> [status]}: one practice's requests in one status, without any
 * personal data, so the output can be pasted into a support ticket.
 */
@Service
@Command(scope = "slotbridge", name = "requests",
        description = "Lists a practice's requests in one status (PENDING unless given), newest first.")
public class RequestsCommand implements Action {

    @Argument(index = 0, name = "slug", description = "The practice", required = true)
    String slug;

    @Argument(index = 1, name = "status",
            description = "PENDING, PROPOSED, CONFIRMED, DECLINED, WITHDRAWN, EXPIRED, CONFLICTED or"
                    + " CANCELLED; PENDING when omitted")
    String status;

    @Reference
    PracticeDirectory directory;

    /** Optional so that the other commands still register while booking is not running. */
    @Reference(optional = true)
    Booking booking;

    @Reference
    Session session;

    @Override
    public Object execute() {
        if (booking == null) {
            throw new IllegalStateException("the booking service is not running");
        }
        RequestStatus wanted = status(status);
        Practice practice = directory.practice(slug);
        Listings.requests(practice, directory.providers(slug), booking.requests(slug, wanted))
                .print(session.getConsole(), "No " + wanted.name().toLowerCase(Locale.ROOT) + " requests.");
        return null;
    }

    static RequestStatus status(String text) {
        if (text == null || text.isBlank()) {
            return RequestStatus.PENDING;
        }
        try {
            return RequestStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status",
                    "'" + text + "' is not one of PENDING, PROPOSED, CONFIRMED, DECLINED, WITHDRAWN, EXPIRED,"
                            + " CONFLICTED, CANCELLED");
        }
    }
}

package org.slotbridge.rest.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slotbridge.api.Client;
import org.slotbridge.api.Explanation;
import org.slotbridge.api.Hold;
import org.slotbridge.api.Obstacle;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Request;

/**
 * The JSON shapes of the API. They are written here field by field rather than serialising the api
 * records, so the wire format stays ours, and instants are already ISO-8601 strings carrying the
 * offset of the practice's zone at that instant: the JSON needs no date handling from Jackson.
 */
final class Views {

    private Views() {
    }

    /** An instant as local date-time with the offset in force in {@code zone} at that instant. */
    static String local(Instant instant, ZoneId zone) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, zone));
    }

    /** A listed practice. */
    public record PracticeSummary(String slug, String name) {
        static PracticeSummary of(Practice practice) {
            return new PracticeSummary(practice.slug(), practice.name());
        }
    }

    /** The listed practices. */
    public record PracticeList(List<PracticeSummary> practices) {
    }

    /** One practice, as clients see it. */
    public record PracticeView(String slug, String name, String zone, String phone, String newClients) {
        static PracticeView of(Practice practice) {
            return new PracticeView(practice.slug(), practice.name(), practice.zone().getId(),
                    practice.phone(), practice.newClients().name());
        }
    }

    /** A reason offered online; {@code audience} says who may book it. */
    public record ReasonView(String id, String name, String category, String helpText, long minutes,
                             String audience) {
        static ReasonView of(Reason reason) {
            return new ReasonView(reason.id(), reason.name(), reason.category(), reason.helpText(),
                    reason.duration().toMinutes(), reason.rules().audience().name());
        }
    }

    /** A category with its reasons and the categories under it. */
    public record CategoryView(String id, String name, String helpText, List<ReasonView> reasons,
                               List<CategoryView> categories) {
    }

    /**
     * The reasons of one practice a client may book: every one of them in {@code reasons}, and those
     * with a category in the {@code categories} tree as well.
     */
    public record ReasonList(String practice, String client, List<ReasonView> reasons,
                             List<CategoryView> categories) {
    }

    /** A provider as named in an opening. */
    public record ProviderRef(String id, String name) {
    }

    /** An opening; a client sends it back as it is to hold it. */
    public record OpeningView(String start, String end, ProviderRef provider, String room, String reason) {
        static OpeningView of(Opening opening, ZoneId zone, Map<String, String> providerNames) {
            String providerId = opening.providerId();
            return new OpeningView(local(opening.start(), zone), local(opening.end(), zone),
                    new ProviderRef(providerId, providerNames.getOrDefault(providerId, providerId)),
                    opening.roomId(), opening.reasonId());
        }
    }

    /**
     * The answer to an openings search, one page of it: {@code more} says whether openings follow the
     * page ({@code offset} + the openings returned is where the next page starts).
     */
    public record OpeningList(String practice, String reason, String zone, String order, int offset, int limit,
                              boolean more, List<OpeningView> openings) {
    }

    /** One reason why a start is not offered. */
    public record ObstacleView(String code, String detail) {
        static ObstacleView of(Obstacle obstacle) {
            return new ObstacleView(obstacle.code(), obstacle.detail());
        }
    }

    /** Whether a start is offered and, if not, every reason why. */
    public record ExplanationView(boolean offered, OpeningView opening, List<ObstacleView> obstacles) {
        static ExplanationView of(Explanation explanation, ZoneId zone, Map<String, String> providerNames) {
            return new ExplanationView(explanation.offered(),
                    explanation.opening() == null ? null : OpeningView.of(explanation.opening(), zone, providerNames),
                    explanation.obstacles().stream().map(ObstacleView::of).toList());
        }
    }

    /** A hold just taken. */
    public record HoldView(String id, String expiresAt, OpeningView opening) {
        static HoldView of(Hold hold, ZoneId zone, Map<String, String> providerNames) {
            return new HoldView(hold.id(), local(hold.expiresAt(), zone),
                    OpeningView.of(hold.opening(), zone, providerNames));
        }
    }

    /** A request as its client sees it: no contact data, no names, never the privacy code. */
    public record RequestView(String id, String practice, String status, OpeningView opening,
                              boolean newClient, String createdAt, String decidedAt) {
        static RequestView of(Request request, ZoneId zone, Map<String, String> providerNames) {
            return new RequestView(request.id(), request.practiceSlug(), request.status().name(),
                    OpeningView.of(request.opening(), zone, providerNames), request.newClient(),
                    local(request.createdAt(), zone), local(request.decidedAt(), zone));
        }
    }

    /** The client of a request, for the staff of its practice. */
    public record ClientView(String name, String email, String phone, String pmsId) {
        static ClientView of(Client client) {
            return client == null ? null
                    : new ClientView(client.name(), client.email(), client.phone(), client.pmsId());
        }
    }

    /** The patient of a request, for the staff of its practice. */
    public record PatientView(String name, String kind, String pmsId) {
        static PatientView of(Patient patient) {
            return patient == null ? null
                    : new PatientView(patient.name(), patient.kind() == null ? null : patient.kind().name(),
                            patient.pmsId());
        }
    }

    /**
     * A request as the staff of its practice see it; {@code alternatives} are the openings offered instead
     * when the PMS booked its time for another visit (status CONFLICTED), and empty otherwise.
     */
    public record StaffRequestView(String id, String practice, String status, OpeningView opening,
                                   ClientView client, PatientView patient, boolean newClient, String memo,
                                   String staffNote, String createdAt, String decidedAt,
                                   List<OpeningView> alternatives) {
        static StaffRequestView of(Request request, ZoneId zone, Map<String, String> providerNames) {
            return of(request, List.of(), zone, providerNames);
        }

        static StaffRequestView of(Request request, List<Opening> alternatives, ZoneId zone,
                                   Map<String, String> providerNames) {
            return new StaffRequestView(request.id(), request.practiceSlug(), request.status().name(),
                    OpeningView.of(request.opening(), zone, providerNames), ClientView.of(request.client()),
                    PatientView.of(request.patient()), request.newClient(), request.memo(),
                    request.staffNote(), local(request.createdAt(), zone), local(request.decidedAt(), zone),
                    alternatives.stream().map(o -> OpeningView.of(o, zone, providerNames)).toList());
        }
    }

    /** The requests of one practice in one status. */
    public record StaffRequestList(String practice, String status, List<StaffRequestView> requests) {
    }

    /** Provider names by id, to name the provider of each opening. */
    static Map<String, String> providerNames(List<Provider> providers) {
        return providers.stream()
                .collect(Collectors.toMap(Provider::id, Provider::name, (first, second) -> first));
    }
}

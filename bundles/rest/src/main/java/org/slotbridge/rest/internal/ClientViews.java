package org.slotbridge.rest.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.slotbridge.api.Opening;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestReceipt;
import org.slotbridge.rest.internal.Views.OpeningView;

/** What the client of a request sees: the answer to sending it, and the request through their link. */
final class ClientViews {

    private ClientViews() {
    }

    /** The path of the client's page for a request; the token is the one secret in it. */
    static String linkOf(String slug, String requestId, String token) {
        return "/p/" + slug + "/requests/" + requestId + "?token=" + token;
    }

    /**
     * A request just sent, with the token of the client's link and the link itself: given this once, since
     * only a hash of the token is kept.
     */
    public record ReceiptView(String id, String practice, String status, OpeningView opening, boolean newClient,
                              String createdAt, String decidedAt, String token, String clientLink) {
        static ReceiptView of(RequestReceipt receipt, ZoneId zone, Map<String, String> providerNames) {
            Request request = receipt.request();
            return new ReceiptView(request.id(), request.practiceSlug(), request.status().name(),
                    OpeningView.of(request.opening(), zone, providerNames), request.newClient(),
                    Views.local(request.createdAt(), zone), Views.local(request.decidedAt(), zone), receipt.token(),
                    linkOf(request.practiceSlug(), request.id(), receipt.token()));
        }
    }

    /**
     * A request as its client sees it through their link: the time asked for, or the one staff proposed or
     * confirmed, the staff's note, and the openings offered instead when the PMS booked its time for another
     * visit.
     */
    public record ClientRequestView(String id, String practice, String status, OpeningView opening,
                                    String staffNote, String createdAt, String decidedAt,
                                    List<OpeningView> alternatives) {
        static ClientRequestView of(Request request, List<Opening> alternatives, ZoneId zone,
                                    Map<String, String> providerNames) {
            return new ClientRequestView(request.id(), request.practiceSlug(), request.status().name(),
                    OpeningView.of(request.opening(), zone, providerNames), request.staffNote(),
                    Views.local(request.createdAt(), zone), Views.local(request.decidedAt(), zone),
                    alternatives.stream().map(o -> OpeningView.of(o, zone, providerNames)).toList());
        }
    }
}

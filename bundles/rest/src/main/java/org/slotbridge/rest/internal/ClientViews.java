package org.slotbridge.rest.internal;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.slotbridge.api.Opening;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestReceipt;
import org.slotbridge.api.service.ClientLinks;
import org.slotbridge.rest.internal.Views.OpeningView;

/** What the client of a request sees: the answer to sending it, and the request through their link. */
final class ClientViews {

    private ClientViews() {
    }

    /**
     * {@code path} below {@code base}, the address the API and the portal are reached at; a path from the root
     * of the server when there is no base.
     */
    static URI at(URI base, String path) {
        if (base == null) {
            return URI.create("/" + path);
        }
        URI folder = base.getPath() != null && base.getPath().endsWith("/") ? base : URI.create(base + "/");
        return folder.resolve(path);
    }

    /**
     * A request just sent, with the token of the client's link and the link itself: given this once, since
     * only a hash of the token is kept.
     */
    public record ReceiptView(String id, String practice, String status, OpeningView opening, boolean newClient,
                              String createdAt, String decidedAt, String token, String clientLink) {
        static ReceiptView of(RequestReceipt receipt, ZoneId zone, Map<String, String> providerNames, URI base) {
            Request request = receipt.request();
            return new ReceiptView(request.id(), request.practiceSlug(), request.status().name(),
                    OpeningView.of(request.opening(), zone, providerNames), request.newClient(),
                    Views.local(request.createdAt(), zone), Views.local(request.decidedAt(), zone), receipt.token(),
                    at(base, ClientLinks.path(request.practiceSlug(), request.id(), receipt.token())).toString());
        }
    }

    /**
     * A request as its client sees it through their link: the time asked for, or the one staff proposed or
     * confirmed, the staff's note, by when a proposal must be answered ({@code answerBy}, null when no answer
     * is awaited), and the openings offered instead when the PMS booked its time for another visit.
     */
    public record ClientRequestView(String id, String practice, String status, OpeningView opening,
                                    String staffNote, String createdAt, String decidedAt, String answerBy,
                                    List<OpeningView> alternatives) {
        static ClientRequestView of(Request request, List<Opening> alternatives, ZoneId zone,
                                    Map<String, String> providerNames) {
            return new ClientRequestView(request.id(), request.practiceSlug(), request.status().name(),
                    OpeningView.of(request.opening(), zone, providerNames), request.staffNote(),
                    Views.local(request.createdAt(), zone), Views.local(request.decidedAt(), zone),
                    Views.local(request.answerBy(), zone),
                    alternatives.stream().map(o -> OpeningView.of(o, zone, providerNames)).toList());
        }
    }
}

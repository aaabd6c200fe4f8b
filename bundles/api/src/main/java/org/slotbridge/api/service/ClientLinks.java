package org.slotbridge.api.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The client's links to their request, for the channels that write to the client. A link carries a token
 * that proves the client without logging in; each message gets a token of its own, so that no token is ever
 * kept in plain text: only a hash of each is stored. A request may thus have several tokens, and every one of
 * them opens it for as long as the request exists.
 */
public interface ClientLinks {

    /**
     * A new token for the client's link to a request, given this once.
     *
     * @throws org.slotbridge.api.NotFoundException when the practice has no such request
     */
    String issue(String slug, String requestId);

    /**
     * The path of the client's page of a request, below the address the portal is reached at:
     * {@code p/<slug>/requests/<id>?token=<token>}, without a leading slash.
     */
    static String path(String slug, String requestId, String token) {
        return "p/" + encode(slug) + "/requests/" + encode(requestId) + "?token=" + encode(token);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package org.slotbridge.api;

/**
 * A request just made, with the token of the client's link. The token is given this once: only its hash is
 * stored, so it cannot be shown again.
 *
 * @param request the request
 * @param token   proves the client's right to accept, refuse or cancel through their link, without logging in
 */
public record RequestReceipt(Request request, String token) {
}

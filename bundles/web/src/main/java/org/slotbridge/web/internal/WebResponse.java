package org.slotbridge.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a page answers: a status, an HTML body or a redirect, headers and cookies. Every answer
 * carries the security headers, so no page can leave them out.
 *
 * @param status   the HTTP status
 * @param body     the HTML page; null for a redirect
 * @param location where a redirect points; null otherwise
 * @param headers  headers besides Set-Cookie, by name
 * @param cookies  Set-Cookie header values
 */
record WebResponse(int status, String body, String location, Map<String, String> headers, List<String> cookies) {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    WebResponse {
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
    }

    /** An HTML page. */
    static WebResponse html(int status, String body) {
        return new WebResponse(status, body, null, securityHeaders(), List.of());
    }

    /** A 303 redirect, the answer to every successful form post. */
    static WebResponse seeOther(String location) {
        return new WebResponse(303, null, location, securityHeaders(), List.of());
    }

    /** This answer with one more header. */
    WebResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new WebResponse(status, body, location, more, cookies);
    }

    /** This answer with one more Set-Cookie header. */
    WebResponse withCookie(String setCookie) {
        List<String> more = new ArrayList<>(cookies);
        more.add(setCookie);
        return new WebResponse(status, body, location, headers, more);
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        // pages carry personal data and one-time tokens: never keep them in a shared cache
        headers.put("Cache-Control", "no-store");
        return headers;
    }
}

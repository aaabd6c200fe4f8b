package org.slotbridge.web.internal;

import java.util.List;
import java.util.Map;

/**
 * What a page needs of an HTTP request, free of any HTTP library so pages can be tested directly.
 *
 * @param base          the path the pages are served under, without a trailing slash ("" at the root)
 * @param params        query or form parameters, decoded
 * @param csrfCookie    the value of the browser's CSRF cookie; null when it sent none
 * @param secure        true when the browser reached us over HTTPS
 * @param authorization the Authorization header; null when absent
 */
record WebRequest(String base, Map<String, List<String>> params, String csrfCookie, boolean secure,
                  String authorization) {

    WebRequest {
        base = base == null ? "" : base;
        params = params == null ? Map.of() : Map.copyOf(params);
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
    }

    /** The first value of a parameter as sent; null when absent. */
    String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value without surrounding blanks; null when absent or blank. */
    String trimmed(String name) {
        String value = param(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Every value of a parameter, in the order sent. */
    List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }
}

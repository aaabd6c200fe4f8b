package org.slotbridge.web.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/** Translates between JAX-RS and the pages' own request and response. */
final class Http {

    static final String HTML = "text/html;charset=UTF-8";

    private Http() {
    }

    /** A GET request: its parameters are the query's. */
    static WebRequest get(UriInfo uri, HttpHeaders headers) {
        return request(uri, headers, uri.getQueryParameters());
    }

    /** A form POST: its parameters are the form's. */
    static WebRequest post(UriInfo uri, HttpHeaders headers, MultivaluedMap<String, String> form) {
        return request(uri, headers, form);
    }

    private static WebRequest request(UriInfo uri, HttpHeaders headers, Map<String, List<String>> params) {
        Cookie cookie = headers.getCookies().get(WebSite.CSRF_COOKIE);
        String forwarded = headers.getHeaderString("X-Forwarded-Proto");
        boolean secure = "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || "https".equalsIgnoreCase(forwarded == null ? null : forwarded.strip());
        return new WebRequest(uri.getBaseUri().getPath(), params, cookie == null ? null : cookie.getValue(), secure,
                headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    /** The JAX-RS response for a page's answer. */
    static Response answer(WebResponse page) {
        Response.ResponseBuilder builder = Response.status(page.status());
        page.headers().forEach(builder::header);
        page.cookies().forEach(cookie -> builder.header(HttpHeaders.SET_COOKIE, cookie));
        if (page.location() != null) {
            builder.header(HttpHeaders.LOCATION, page.location());
        }
        if (page.body() != null) {
            builder.entity(page.body()).type(HTML);
        }
        return builder.build();
    }
}

package org.slotbridge.rest.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.ws.rs.core.Application;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * Resources served by CXF in Jetty on a free local port, with the exception mappers, the filter and the Jackson
 * provider the whiteboard registers beside them, and plain HTTP calls to them.
 */
final class ApiServer {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Server server;
    private final String base;

    private ApiServer(Server server, String base) {
        this.server = server;
        this.base = base;
    }

    /** Starts a server for {@code resources}; stop it with {@link #stop()}. */
    static ApiServer start(Object... resources) throws Exception {
        List<Object> all = new ArrayList<>(List.of(resources));
        all.addAll(List.of(new SlotbridgeExceptionMapper(), new WebApplicationExceptionMapper(),
                new UnexpectedExceptionMapper(), new EmptyBodyFilter(), new StrictJson(), new JacksonJsonProvider()));
        Set<Object> singletons = Set.copyOf(all);
        Application application = new Application() {
            @Override
            public Set<Object> getSingletons() {
                return singletons;
            }
        };
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new CXFNonSpringJaxrsServlet(application)), "/*");
        server.setHandler(context);
        server.start();
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return new ApiServer(server, "http://localhost:" + port);
    }

    void stop() throws Exception {
        server.stop();
    }

    /** The address of {@code path} on this server. */
    URI uri(String path) {
        return URI.create(base + path);
    }

    /** A request with a JSON body, or with none when {@code body} is null. */
    HttpRequest.Builder request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request;
    }

    /** Sends a request, signed in when {@code authorization} is not null. */
    HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = request(method, path, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A staff password hash in the stored format with few rounds, so that each signed-in request stays quick. */
    static String hash(String password) {
        byte[] salt = "slotbridge-salt!".getBytes(StandardCharsets.US_ASCII);
        int iterations = 1000;
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return "pbkdf2-sha256:" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.slotbridge.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.Slugs;

/** The static files of the installed themes, under {@code /assets/{theme}/}. */
@Component(service = AssetResource.class)
@JaxrsResource
@JaxrsName("slotbridge.web.assets")
@Path("assets")
public final class AssetResource {

    private static final Logger LOG = LoggerFactory.getLogger(AssetResource.class);
    private static final long MAX_BYTES = 2L * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=UTF-8", "svg", "image/svg+xml", "png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "gif", "image/gif", "webp", "image/webp", "ico", "image/x-icon",
            "woff2", "font/woff2", "txt", "text/plain;charset=UTF-8");

    private final ThemeCatalog catalog;

    @Activate
    public AssetResource(@Reference ThemeCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("{theme}/{path: .+}")
    public Response asset(@PathParam("theme") String theme, @PathParam("path") String path) {
        String type = type(path);
        URL url = Slugs.isValid(theme) && type != null ? catalog.asset(theme, path) : null;
        if (url == null) {
            return Response.status(Response.Status.NOT_FOUND).type("text/plain;charset=UTF-8")
                    .entity("Not found").header("X-Content-Type-Options", "nosniff").build();
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                LOG.warn("Theme '{}' file {} is larger than {} bytes and is not served", theme, path, MAX_BYTES);
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            return Response.ok(bytes, type)
                    .header("Cache-Control", "public, max-age=3600")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'")
                    .build();
        } catch (IOException e) {
            LOG.warn("Cannot read theme '{}' file {}", theme, path, e);
            return Response.status(Response.Status.NOT_FOUND).build();
        }
    }

    /** The media type served for a file name; null for kinds a theme may not serve, such as scripts. */
    static String type(String path) {
        int dot = path == null ? -1 : path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}

package org.slotbridge.web.internal;

import java.util.Set;

import org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/** The JAX-RS resources served by CXF on Jetty on a free port, as the whiteboard serves them in Karaf. */
final class TestServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    TestServer(Fixture fx) throws Exception {
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        Set<Object> resources = Set.of(new PortalResource(fx.booking, fx.directory, fx.site, fx.keys),
                new StaffResource(fx.booking, fx.directory, fx.accounts, fx.site), new AssetResource(fx.catalog));
        context.addServlet(new ServletHolder(new CXFNonSpringJaxrsServlet(resources)), "/*");
        server.setHandler(context);
        server.start();
    }

    String url(String path) {
        return "http://localhost:" + connector.getLocalPort() + path;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

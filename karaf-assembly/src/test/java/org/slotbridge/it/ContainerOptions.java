package org.slotbridge.it;

import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;

/**
 * What every test container gets: the distribution this build made, unpacked under target/, on a free
 * HTTP port, with no SSH server, and its Derby database in a folder of the test's own.
 */
final class ContainerOptions {

    /** The file: URL of the built tar.gz, set by Failsafe. */
    static final String DISTRIBUTION = "slotbridge.distribution";

    /** The module flags bin/karaf passes; relative paths, as Pax Exam starts Karaf in its base folder. */
    private static final List<String> JAVA_MODULE_FLAGS = List.of(
            "--add-reads=java.xml=java.logging",
            "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
            "--patch-module=java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
            "--patch-module=java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
            "--add-opens=java.base/java.security=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.naming/javax.naming.spi=ALL-UNNAMED",
            "--add-opens=java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED");

    static {
        // Pax Exam leaves the Karaf process running when a container never comes up; this JVM's
        // children are only test containers, so none may outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly),
                "stop-test-containers"));
    }

    private ContainerOptions() {
    }

    /** A fresh, empty folder for one test class under target/it. */
    static Path work(String name) {
        Path work = Path.of(System.getProperty("slotbridge.it.work", "target/it")).toAbsolutePath().resolve(name);
        try {
            if (Files.exists(work)) {
                try (Stream<Path> files = Files.walk(work)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            return Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP port nobody listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The container: the built distribution, unpacked into {@code work/karaf}, serving HTTP on the port. */
    static List<Option> distribution(Path work, int httpPort) {
        String url = System.getProperty(DISTRIBUTION);
        if (url == null) {
            throw new IllegalStateException("System property " + DISTRIBUTION + " is not set: run the tests "
                    + "with Maven (mvn verify), which builds the distribution first");
        }
        List<Option> options = new ArrayList<>();
        options.add(karafDistributionConfiguration()
                .frameworkUrl(url)
                .karafVersion("4.4.10")
                .name("Slotbridge")
                .unpackDirectory(work.resolve("karaf").toFile())
                .useDeployFolder(false));
        options.add(keepRuntimeFolder());
        options.add(configureConsole().ignoreLocalConsole().ignoreRemoteShell());
        options.add(systemTimeout(180_000));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                Integer.toString(httpPort)));
        // what bin/setenv does for a started distribution; Pax Exam starts Java itself
        options.add(vmOption("-Xmx512m"));
        options.add(vmOption("-Dderby.system.home=" + work.resolve("derby")));
        options.add(vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"));
        // and what bin/karaf passes on Java 9 and later, which Pax Exam leaves out: without the
        // patched modules, every JAXP lookup logs a NoClassDefFoundError for Karaf's OsgiLocator
        for (String flag : JAVA_MODULE_FLAGS) {
            options.add(vmOption(flag));
        }
        return options;
    }
}

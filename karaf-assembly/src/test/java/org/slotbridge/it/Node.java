package org.slotbridge.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.junit.rules.TestWatcher;
import org.junit.runner.Description;

/**
 * One Slotbridge node as an operator runs it: the built distribution unpacked into a folder of its own,
 * with free ports of its own, started as {@code bin/karaf server}. A test reaches it over HTTP and the file
 * system only. It can be stopped, have its JVM killed with SIGKILL, and be started again on the same
 * {@code data/}. What the scripts print goes to {@code console.log} in the node's folder and Karaf logs to
 * {@code data/log/karaf.log}; both stay under target/ after the test.
 *
 * <p>A node's processes never outlive the test JVM: {@link ContainerOptions} kills every child process
 * of the test JVM when it exits.
 */
final class Node {

    private static final Duration GONE = Duration.ofSeconds(60);
    private static final Duration SETTLED = Duration.ofSeconds(3);
    /** What the JAX-RS whiteboard answers for a path no resource serves. */
    private static final String NO_SERVICE = "No service was found";
    private static final int TAIL = 60;

    private final String name;
    private final Path home;
    private final int httpPort;
    private Process karaf;
    private int starts;
    private Instant started;

    private Node(String name, Path home, int httpPort) {
        this.name = name;
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks the distribution this build made into {@code folder/name}, on free ports. */
    static Node unpack(Path folder, String name) {
        Path home = folder.resolve(name);
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("tar", "-xzf", archive().toString(), "-C", home.toString(), "--strip-components=1");
        Node node = new Node(name, home, ContainerOptions.freePort());
        node.set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(node.httpPort));
        node.set("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(ContainerOptions.freePort()));
        String management = "etc/org.apache.karaf.management.cfg";
        node.set(management, "rmiRegistryPort", Integer.toString(ContainerOptions.freePort()));
        node.set(management, "rmiServerPort", Integer.toString(ContainerOptions.freePort()));
        return node;
    }

    String name() {
        return name;
    }

    int httpPort() {
        return httpPort;
    }

    Path data() {
        return home.resolve("data");
    }

    /** A new HTTP client of this node. */
    Api api() {
        return new Api(httpPort);
    }

    /** Sets one property of a configuration file under the node's folder, adding the line or the file if absent. */
    Node set(String file, String key, String value) {
        Path path = home.resolve(file);
        try {
            List<String> lines = Files.exists(path) ? new ArrayList<>(Files.readAllLines(path)) : new ArrayList<>();
            Pattern line = Pattern.compile("\\s*" + Pattern.quote(key) + "\\s*[=:].*");
            boolean found = false;
            for (int i = 0; i < lines.size() && !found; i++) {
                if (line.matcher(lines.get(i)).matches()) {
                    lines.set(i, key + " = " + value);
                    found = true;
                }
            }
            if (!found) {
                lines.add(key + " = " + value);
            }
            Files.createDirectories(path.getParent());
            Files.write(path, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a file under the node's folder, such as a practice file in etc/slotbridge/practices. */
    Node write(String file, String text) {
        Path path = home.resolve(file);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Starts {@code bin/karaf server} in the background, on whatever data/ the node has. */
    void start() {
        if (running()) {
            throw new IllegalStateException("node " + name + " is already running");
        }
        starts++;
        Path console = home.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        // the JDK running the tests runs the node; nothing of another Karaf's environment leaks in
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().keySet().removeIf(key -> key.startsWith("KARAF_"));
        try {
            Files.writeString(console, "== start " + starts + " at " + Instant.now() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            karaf = builder.start();
            started = Instant.now();
            karaf.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + name, e);
        }
    }

    /**
     * Waits until the node serves the practice on every resource it publishes, failing at once if the node
     * exits meanwhile. The public API lists the practice before the node has published all its resources:
     * the JAX-RS whiteboard builds its application anew as each further one arrives, and answers every path
     * with 404 "No service was found" while it does. So every resource must answer, and keep answering for a
     * few seconds, before the node counts as serving.
     *
     * @return how long that took from the start of the node
     */
    Duration awaitServing(String slug, Duration limit) {
        Api api = api();
        Poll.until(limit, "node " + name + " lists practice " + slug, () -> {
            alive();
            Api.Answer answer = api.get("api/v1/practices");
            return answer.status() == 200 && answer.text().contains("\"" + slug + "\"") ? true : null;
        });
        Duration listed = Duration.between(started, Instant.now());
        String staff = "api/v1/staff/practices/" + slug + "/";
        List<String> resources = List.of("api/v1/practices/" + slug + "/reasons",
                "api/v1/practices/" + slug + "/requests/none?token=none", staff + "requests", staff + "why-not",
                staff + "rules", staff + "categories", staff + "reasons", staff + "working-hours", "p/" + slug + "/",
                "staff/" + slug + "/");
        AtomicReference<Instant> answering = new AtomicReference<>();
        Poll.until(limit, "node " + name + " answers on every resource for " + SETTLED.toSeconds() + " s", () -> {
            alive();
            boolean all = resources.stream().map(api::get).allMatch(answer -> answer.status() != 404
                    || !answer.text().contains(NO_SERVICE));
            if (!all) {
                answering.set(null);
                return null;
            }
            Instant now = Instant.now();
            answering.compareAndSet(null, now);
            return now.isBefore(answering.get().plus(SETTLED)) ? null : true;
        });
        Duration took = Duration.between(started, Instant.now());
        System.out.printf("node %s, start %d: practice %s listed after %.1f s, every resource served after %.1f s%n",
                name, starts, slug, listed.toMillis() / 1000.0, took.toMillis() / 1000.0);
        return took;
    }

    private void alive() {
        if (!running()) {
            throw new AssertionError("node " + name + " exited with status " + karaf.exitValue());
        }
    }

    boolean running() {
        return karaf != null && karaf.isAlive();
    }

    /** Kills the node's JVM with SIGKILL, as a crash or the OOM killer would, and waits until it is gone. */
    void kill() {
        ProcessHandle jvm = jvm();
        if (!jvm.destroyForcibly()) {
            throw new IllegalStateException("SIGKILL not delivered to node " + name + " (pid " + jvm.pid() + ")");
        }
        int status = awaitExit();
        System.out.printf("node %s: JVM %d killed, bin/karaf exited with status %d%n", name, jvm.pid(), status);
    }

    /** Stops the node as an operator's SIGTERM would: Karaf shuts its bundles down, then the JVM exits. */
    void stop() {
        if (!running()) {
            return;
        }
        ProcessHandle jvm = jvm();
        Instant asked = Instant.now();
        jvm.destroy();
        awaitExit();
        System.out.printf("node %s: stopped in %.1f s%n", name,
                Duration.between(asked, Instant.now()).toMillis() / 1000.0);
    }

    /** The last lines of the node's console output and of Karaf's log, to tell why a test failed. */
    String tail() {
        return "== node " + name + ": " + home.resolve("console.log") + "\n" + tail(home.resolve("console.log"))
                + "== node " + name + ": " + data().resolve("log/karaf.log") + "\n"
                + tail(data().resolve("log/karaf.log"));
    }

    /** Every line of Karaf's log so far. */
    List<String> log() {
        Path log = data().resolve("log/karaf.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java process bin/karaf started; bin/karaf itself is a shell that waits for it. */
    private ProcessHandle jvm() {
        if (!running()) {
            throw new IllegalStateException("node " + name + " is not running");
        }
        return Poll.until(Duration.ofSeconds(10), "the JVM of node " + name, () -> javaChild().orElse(null));
    }

    private Optional<ProcessHandle> javaChild() {
        return karaf.descendants()
                .filter(process -> process.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst();
    }

    /** Waits for bin/karaf and every process under it to end; kills what is left after a minute. */
    private int awaitExit() {
        try {
            if (!karaf.waitFor(GONE.toSeconds(), TimeUnit.SECONDS)) {
                karaf.descendants().forEach(ProcessHandle::destroyForcibly);
                karaf.destroyForcibly();
                karaf.waitFor();
                throw new AssertionError("node " + name + " did not end within " + GONE.toSeconds() + " s");
            }
            for (ProcessHandle left : karaf.descendants().toList()) {
                left.destroyForcibly();
            }
            return karaf.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while node " + name + " ended", e);
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "(none)\n";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL), lines.size())) + "\n";
        } catch (IOException e) {
            return "(unreadable: " + e + ")\n";
        }
    }

    /** The tar.gz this build made, from the URL Failsafe hands over. */
    private static Path archive() {
        String url = System.getProperty(ContainerOptions.DISTRIBUTION);
        if (url == null) {
            throw new IllegalStateException("System property " + ContainerOptions.DISTRIBUTION + " is not set: run"
                    + " the tests with Maven (mvn verify), which builds the distribution first");
        }
        Path archive = Path.of(URI.create(url));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no distribution at " + archive + ": build the package phase first");
        }
        return archive;
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The nodes of one test: unpacked under one folder, stopped when the test ends, and, when it failed,
     * the end of each one's logs printed to the test's output.
     */
    static final class Group extends TestWatcher {

        private final Path folder;
        private final List<Node> nodes = new CopyOnWriteArrayList<>();

        Group(Path folder) {
            this.folder = folder;
        }

        Node unpack(String name) {
            Node node = Node.unpack(folder, name);
            nodes.add(node);
            return node;
        }

        @Override
        protected void failed(Throwable e, Description description) {
            for (Node node : nodes) {
                System.err.println(node.tail());
            }
        }

        @Override
        protected void finished(Description description) {
            AssertionError first = null;
            for (Node node : nodes) {
                try {
                    node.stop();
                } catch (AssertionError e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}

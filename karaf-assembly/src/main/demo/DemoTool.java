import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Small steps of the demo launcher (demo.sh) that need more than a POSIX shell, run as a single-file
 * program ({@code java DemoTool.java <command> ...}) so the launcher needs nothing but a JDK.
 *
 * <pre>
 * render ZONE TEMPLATES INBOX   renders every *.hl7 template into INBOX with dates relative to today
 * ports PORT...                 fails, naming them, when any of the ports is taken
 * wait-http URL SECONDS [TEXT]  waits until URL answers 200 (with TEXT in the body, when given)
 * wait-files DIR SECONDS        waits until DIR holds no file (hidden ones aside)
 * </pre>
 *
 * Template tokens, all in the practice's zone: {@code {{NOW}}} is the current time as an HL7 timestamp;
 * {@code {{DAY+n:HHMM}}} is that time n days from today; {@code {{WORKDAY+n:HHMM}}} is that time on the
 * n-th Monday-to-Friday day after today.
 */
public final class DemoTool {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{(NOW|(DAY|WORKDAY)\\+(\\d+):(\\d{4}))}}");
    private static final DateTimeFormatter HL7 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private DemoTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            fail("usage: DemoTool render|ports|wait-http|wait-files ...");
        }
        switch (args[0]) {
            case "render" -> render(ZoneId.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "ports" -> ports(List.of(args).subList(1, args.length));
            case "wait-http" -> waitHttp(URI.create(args[1]), seconds(args[2]), args.length > 3 ? args[3] : null);
            case "wait-files" -> waitFiles(Path.of(args[1]), seconds(args[2]));
            default -> fail("unknown command " + args[0]);
        }
    }

    private static void render(ZoneId zone, Path templates, Path inbox) throws IOException {
        ZonedDateTime now = ZonedDateTime.now(zone);
        Files.createDirectories(inbox);
        Path staging = Files.createTempDirectory(inbox.getParent(), ".render");
        List<Path> sources;
        try (Stream<Path> files = Files.list(templates)) {
            sources = files.filter(p -> p.toString().endsWith(".hl7")).sorted().toList();
        }
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Matcher m = TOKEN.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(value(m, now)));
            }
            m.appendTail(out);
            // HL7 v2 separates segments with a carriage return
            String message = out.toString().replace("\r\n", "\n").strip().replace('\n', '\r') + "\r";
            Path staged = staging.resolve(source.getFileName());
            Files.writeString(staged, message, StandardCharsets.UTF_8);
            // a rename within one file system, so the connector never sees half a file
            Files.move(staged, inbox.resolve(source.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.delete(staging);
        System.out.println(sources.size());
    }

    private static String value(Matcher m, ZonedDateTime now) {
        if (m.group(1).equals("NOW")) {
            return now.format(HL7);
        }
        int n = Integer.parseInt(m.group(3));
        LocalDate day = now.toLocalDate();
        if (m.group(2).equals("DAY")) {
            day = day.plusDays(n);
        } else {
            for (int left = n; left > 0; ) {
                day = day.plusDays(1);
                if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    left--;
                }
            }
        }
        LocalTime time = LocalTime.parse(m.group(4), DateTimeFormatter.ofPattern("HHmm"));
        return day.atTime(time).format(HL7);
    }

    private static void ports(List<String> ports) {
        List<String> taken = new ArrayList<>();
        for (String port : ports) {
            try (ServerSocket ignored = new ServerSocket(Integer.parseInt(port), 1, InetAddress.getByName("0.0.0.0"))) {
                // free: closed again at once
            } catch (IOException e) {
                taken.add(port);
            }
        }
        if (!taken.isEmpty()) {
            fail(String.join(" ", taken));
        }
    }

    private static void waitHttp(URI uri, Duration limit, String text) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(limit);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && (text == null || response.body().contains(text))) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (ConnectException e) {
                last = "connection refused";
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        fail(uri + " did not answer in time (" + last + ")");
    }

    private static void waitFiles(Path dir, Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        long left = count(dir);
        while (left > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            left = count(dir);
        }
        if (left > 0) {
            fail(left + " file(s) still in " + dir);
        }
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            // hidden files are the connector's own locks, not messages
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Duration seconds(String value) {
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}

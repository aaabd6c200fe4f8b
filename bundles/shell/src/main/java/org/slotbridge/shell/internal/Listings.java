package org.slotbridge.shell.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Request;
import org.slotbridge.api.service.ConnectorStatus;
import org.slotbridge.api.service.ConnectorStatus.SyncState;

/**
 * The tables the commands print, built as plain text cells so the formatting can be checked
 * without a console. Times are shown in the practice's zone, with the offset.
 */
final class Listings {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx");

    private Listings() {
    }

    /** A table: a header and rows of the same width. */
    record Table(List<String> header, List<List<String>> rows) {

        void print(PrintStream out, String whenEmpty) {
            ShellTable table = new ShellTable().emptyTableText(whenEmpty);
            header.forEach(table::column);
            rows.forEach(row -> table.addRow().addContent(new ArrayList<Object>(row)));
            table.print(out);
        }
    }

    static Table practices(List<Practice> practices) {
        List<List<String>> rows = practices.stream()
                .map(p -> List.of(p.slug(), p.name(), p.zone().getId(), p.onlineBooking() ? "yes" : "no"))
                .toList();
        return new Table(List.of("Slug", "Name", "Zone", "Listed"), rows);
    }

    /** One row per practice each connector serves, ordered by practice then connector. */
    static Table syncStates(List<Practice> practices, List<ConnectorStatus> connectors) {
        Map<String, ZoneId> zones = practices.stream()
                .collect(Collectors.toMap(Practice::slug, Practice::zone, (a, b) -> a));
        List<List<String>> rows = new ArrayList<>();
        connectors.stream().sorted(Comparator.comparing(ConnectorStatus::connector)).forEach(connector -> {
            for (SyncState state : connector.states()) {
                ZoneId zone = zones.getOrDefault(state.practiceSlug(), ZoneOffset.UTC);
                rows.add(List.of(state.practiceSlug(), connector.connector(), text(state.lastFile()),
                        time(state.lastRunAt(), zone), String.valueOf(state.applied()),
                        String.valueOf(state.failed()), error(state, zone)));
            }
        });
        rows.sort(Comparator.comparing((List<String> row) -> row.get(0)).thenComparing(row -> row.get(1)));
        return new Table(List.of("Practice", "Connector", "Last file", "Last run", "Applied", "Failed",
                "Last error"), rows);
    }

    /** Requests without personal data: ids, status, local start, provider and reason. */
    static Table requests(Practice practice, List<Provider> providers, List<Request> requests) {
        Map<String, String> names = providers.stream()
                .collect(Collectors.toMap(Provider::id, Provider::name, (a, b) -> a));
        Function<String, String> provider = id -> names.containsKey(id) ? id + " (" + names.get(id) + ")" : id;
        List<List<String>> rows = requests.stream()
                .map(r -> List.of(r.id(), r.status().name(), time(r.opening().start(), practice.zone()),
                        provider.apply(r.opening().providerId()), r.opening().reasonId()))
                .toList();
        return new Table(List.of("Id", "Status", "Start", "Provider", "Reason"), rows);
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "-" : LOCAL.format(instant.atZone(zone));
    }

    private static String error(SyncState state, ZoneId zone) {
        if (state.lastError() == null) {
            return "-";
        }
        return time(state.lastErrorAt(), zone) + " " + state.lastError().replaceAll("[\\r\\n]+", " ");
    }

    private static String text(String value) {
        return value == null ? "-" : value;
    }
}

package org.slotbridge.web.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slotbridge.api.ClientKind;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Order;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.TimeWindow;

/**
 * The client's search preferences as sent, read into {@link Preferences} or into errors by field.
 * Values are kept as the client typed them, so a form with an error shows them again. Besides what
 * the form asks, a search carries whether the client is new ({@code client}), the order of the
 * openings ({@code order}: spread over the days unless {@code earliest}) and the page shown.
 */
final class SearchForm {

    /** The times of day a client can tick, as sent and as shown. */
    static final Map<String, String> TIMES = Map.of(
            "morning", "Morning (before 12:00)",
            "afternoon", "Afternoon (12:00–17:00)",
            "evening", "Evening (after 17:00)");
    private static final List<String> TIME_ORDER = List.of("morning", "afternoon", "evening");

    private final String from;
    private final String to;
    private final List<String> days;
    private final List<String> times;
    private final String provider;
    private final ClientKind client;
    private final Order order;
    private final int page;
    private final int pageSize;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Preferences preferences;

    private SearchForm(WebRequest request, String prefix, LocalDate today, int defaultDays,
                       Set<String> providerIds, int pageSize) {
        String fromText = request.trimmed(prefix + "from");
        String toText = request.trimmed(prefix + "to");
        days = request.all(prefix + "days");
        times = request.all(prefix + "times");
        String wanted = request.trimmed(prefix + "provider");
        provider = wanted == null ? "" : wanted;
        client = client(request.trimmed(prefix + "client"));
        order = "earliest".equalsIgnoreCase(request.trimmed(prefix + "order")) ? Order.EARLIEST : Order.SPREAD;
        page = page(request.trimmed(prefix + "page"));
        this.pageSize = pageSize;

        LocalDate fromDate = fromText == null ? today : date(fromText, "from", today);
        if (fromDate != null && fromDate.isBefore(today)) {
            fromDate = today;
        }
        LocalDate toDate = null;
        if (fromDate != null) {
            toDate = toText == null ? fromDate.plusDays(Math.max(1, defaultDays) - 1L) : date(toText, "to", today);
        }
        if (toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", "The last date must be on or after the first date.");
        } else if (toDate != null && fromDate.plusDays(Preferences.MAX_DAYS).isBefore(toDate)) {
            errors.put("to", "Search at most " + Preferences.MAX_DAYS + " days at a time.");
        }
        from = fromDate != null ? fromDate.toString() : fromText;
        to = toDate != null ? toDate.toString() : toText;

        Set<DayOfWeek> dayValues = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days) {
            try {
                dayValues.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.put("days", "Tick the days from the list.");
            }
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (String time : times) {
            if (TIMES.containsKey(time)) {
                windows.add(TimeWindow.parse(time, "times"));
            } else {
                errors.put("times", "Tick the times of day from the list.");
            }
        }
        if (!provider.isEmpty() && !providerIds.contains(provider)) {
            errors.put("provider", "Choose someone from the list.");
        }
        Preferences read = null;
        if (errors.isEmpty()) {
            try {
                // one more than the page, to tell whether a later page has any
                read = new Preferences(fromDate, toDate, dayValues, windows, provider.isEmpty() ? null : provider,
                        client, order, pageSize + 1, (page - 1) * pageSize);
            } catch (InvalidInputException e) {
                errors.put(e.field(), Messages.sentence(e.reason()));
            }
        }
        preferences = read;
    }

    /**
     * Reads the preferences sent under {@code prefix}. An absent first date means today, an absent last
     * date {@code defaultDays} later; dates in the past move to today.
     */
    static SearchForm read(WebRequest request, String prefix, LocalDate today, int defaultDays,
                           Set<String> providerIds, int pageSize) {
        return new SearchForm(request, prefix, today, defaultDays, providerIds, pageSize);
    }

    /** Whether the client said they are new or known; null when they did not, or sent something else. */
    static ClientKind client(String text) {
        if ("new".equalsIgnoreCase(text)) {
            return ClientKind.NEW;
        }
        return "existing".equalsIgnoreCase(text) ? ClientKind.EXISTING : null;
    }

    /** The value of {@code client} for links and forms; null when not said. */
    static String clientValue(ClientKind client) {
        return client == null ? null : client.name().toLowerCase(Locale.ROOT);
    }

    private static int page(String text) {
        if (text != null && text.matches("\\d{1,4}")) {
            return Math.max(1, Integer.parseInt(text));
        }
        return 1;
    }

    private LocalDate date(String text, String field, LocalDate today) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a date like " + today + ".");
            return null;
        }
    }

    /** The preferences; null when {@link #errors()} is not empty. */
    Preferences preferences() {
        return preferences;
    }

    /** Messages by field name, in the order of the form. */
    Map<String, String> errors() {
        return errors;
    }

    /** Adds an error found later, such as one the booking service reported. */
    void addError(String field, String message) {
        errors.put(field, message);
    }

    String from() {
        return from;
    }

    String to() {
        return to;
    }

    /** The checkboxes of the weekdays, Monday first. */
    List<Views.Option> dayOptions() {
        List<Views.Option> options = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String value = day.name().toLowerCase(Locale.ROOT);
            boolean ticked = days.stream().anyMatch(d -> d.strip().equalsIgnoreCase(value));
            options.add(new Views.Option(value, day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), ticked));
        }
        return options;
    }

    /** The checkboxes of the times of day. */
    List<Views.Option> timeOptions() {
        List<Views.Option> options = new ArrayList<>();
        for (String value : TIME_ORDER) {
            options.add(new Views.Option(value, TIMES.get(value), times.contains(value)));
        }
        return options;
    }

    /** The wanted provider's id; empty for anyone. */
    String provider() {
        return provider;
    }

    ClientKind client() {
        return client;
    }

    Order order() {
        return order;
    }

    /** The page shown, from 1. */
    int page() {
        return page;
    }

    int pageSize() {
        return pageSize;
    }

    /**
     * The query of this search with another page or order, for links: {@code reason} first, then the
     * preferences, each value encoded.
     */
    String query(String reasonId, Order wantedOrder, int wantedPage) {
        StringBuilder query = new StringBuilder("reason=").append(WebSite.encode(reasonId));
        for (Views.Hidden field : hidden("")) {
            if (!field.name().equals("order") && !field.name().equals("page")) {
                query.append('&').append(field.name()).append('=').append(WebSite.encode(field.value()));
            }
        }
        if (wantedOrder == Order.EARLIEST) {
            query.append("&order=earliest");
        }
        if (wantedPage > 1) {
            query.append("&page=").append(wantedPage);
        }
        return query.toString();
    }

    /** The preferences as hidden fields under {@code prefix}, so a later form can search again. */
    List<Views.Hidden> hidden(String prefix) {
        List<Views.Hidden> fields = new ArrayList<>();
        if (from != null) {
            fields.add(new Views.Hidden(prefix + "from", from));
        }
        if (to != null) {
            fields.add(new Views.Hidden(prefix + "to", to));
        }
        days.forEach(day -> fields.add(new Views.Hidden(prefix + "days", day)));
        times.forEach(time -> fields.add(new Views.Hidden(prefix + "times", time)));
        if (!provider.isEmpty()) {
            fields.add(new Views.Hidden(prefix + "provider", provider));
        }
        if (client != null) {
            fields.add(new Views.Hidden(prefix + "client", clientValue(client)));
        }
        if (order == Order.EARLIEST) {
            fields.add(new Views.Hidden(prefix + "order", "earliest"));
        }
        if (page > 1) {
            fields.add(new Views.Hidden(prefix + "page", String.valueOf(page)));
        }
        return fields;
    }
}

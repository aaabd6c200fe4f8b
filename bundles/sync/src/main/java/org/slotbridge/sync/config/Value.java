package org.slotbridge.sync.config;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.TimeWindow;

/**
 * One value of a plain JSON tree and the path that leads to it, with checked readers that refuse a
 * wrong type or value naming that path. A missing field and a JSON {@code null} are the same.
 */
final class Value {

    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");

    private final Object raw;
    private final String path;

    private Value(Object raw, String path) {
        this.raw = raw;
        this.path = path;
    }

    /** The root of a tree; {@code path} is "" for a whole body. */
    static Value root(Object raw, String path) {
        return new Value(raw, path);
    }

    String path() {
        return path;
    }

    boolean missing() {
        return raw == null;
    }

    /** The path of a field under this value. */
    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A refusal naming this value's path ({@code body} for the root of a body). */
    InvalidInputException refuse(String reason) {
        return new InvalidInputException(path.isEmpty() ? "body" : path, reason);
    }

    /**
     * The fields of an object, each with its path; a field not in {@code known} is refused, so a typing
     * mistake is not silently ignored.
     */
    Fields object(String what, Set<String> known) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw refuse("must be an object (" + what + ")");
        }
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!known.contains(name)) {
                throw new InvalidInputException(pathOf(name), "is not a field of " + what + "; the fields are "
                        + String.join(", ", new TreeSet<>(known)));
            }
            fields.put(name, new Value(entry.getValue(), pathOf(name)));
        }
        return new Fields(fields, this);
    }

    /** The entries of an object whose keys are data (weekdays, dates, group names), each with its path. */
    Map<String, Value> entries(String example) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw refuse("must be an object such as " + example);
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        map.forEach((key, value) -> entries.put(String.valueOf(key), new Value(value, pathOf(String.valueOf(key)))));
        return entries;
    }

    /** The elements of a list, each with its path; a missing list is empty. */
    List<Value> list() {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> items)) {
            throw refuse("must be a list");
        }
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            values.add(new Value(items.get(i), path + "[" + i + "]"));
        }
        return values;
    }

    /** Text without surrounding blanks; null when missing or blank. */
    String optionalText() {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String text)) {
            throw refuse("must be text");
        }
        return text.isBlank() ? null : text.strip();
    }

    String text() {
        String text = optionalText();
        if (text == null) {
            throw refuse("is required");
        }
        return text;
    }

    /** A whole number from {@code min} to {@code max}; null when missing. */
    Integer optionalWhole(int min, int max) {
        if (raw == null) {
            return null;
        }
        BigInteger number;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            number = BigInteger.valueOf(((Number) raw).longValue());
        } else if (raw instanceof BigInteger big) {
            number = big;
        } else {
            throw refuse("must be a whole number from " + min + " to " + max);
        }
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw refuse(number + " is not a whole number from " + min + " to " + max);
        }
        return number.intValue();
    }

    int whole(int min, int max) {
        Integer number = optionalWhole(min, max);
        if (number == null) {
            throw refuse("is required: a whole number from " + min + " to " + max);
        }
        return number;
    }

    /** True or false; {@code otherwise} when missing. */
    boolean bool(boolean otherwise) {
        if (raw == null) {
            return otherwise;
        }
        if (!(raw instanceof Boolean value)) {
            throw refuse("must be true or false");
        }
        return value;
    }

    /** A local date such as 2026-12-24; null when missing. */
    LocalDate optionalDate() {
        String text = optionalText();
        return text == null ? null : date(text, this);
    }

    /** A local time of day such as 08:30. */
    LocalTime time() {
        String text = text();
        if (!TIME.matcher(text).matches()) {
            throw refuse("'" + text + "' is not a time of day such as 08:30");
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            throw refuse("'" + text + "' is not a time of day such as 08:30");
        }
    }

    /** A window of local time such as 08:00-12:30; an end of 00:00 is the end of the day. */
    TimeWindow window() {
        String text = text();
        // exact times only: the words TimeWindow also reads are for client searches
        if (!text.matches("\\d{2}:\\d{2}\\s*-\\s*\\d{2}:\\d{2}")) {
            throw refuse("'" + text + "' is not a window such as 08:00-12:30");
        }
        return TimeWindow.parse(text, path);
    }

    DayOfWeek weekday() {
        return weekday(text(), this);
    }

    /** One of an enum's names, in any case. */
    <E extends Enum<E>> E choice(E[] values, E otherwise) {
        String text = optionalText();
        if (text == null) {
            return otherwise;
        }
        for (E value : values) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw refuse("'" + text + "' is not one of " + String.join(", ", Arrays.stream(values).map(Enum::name)
                .toList()));
    }

    static LocalDate date(String text, Value at) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw at.refuse("'" + text + "' is not a date such as 2026-12-24");
        }
    }

    static DayOfWeek weekday(String text, Value at) {
        try {
            return DayOfWeek.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw at.refuse("'" + text + "' is not a weekday such as MONDAY");
        }
    }

    /** The fields of one object. */
    static final class Fields {

        private final Map<String, Value> fields;
        private final Value parent;

        private Fields(Map<String, Value> fields, Value parent) {
            this.fields = fields;
            this.parent = parent;
        }

        /** A field; a missing one reads as missing, with its path. */
        Value get(String name) {
            Value value = fields.get(name);
            return value != null ? value : new Value(null, parent.pathOf(name));
        }

        boolean has(String name) {
            return fields.containsKey(name) && fields.get(name).raw != null;
        }
    }
}

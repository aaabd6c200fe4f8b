package org.slotbridge.sync.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON names of the fields the api's checks name. {@link org.slotbridge.api.PracticeConfig} and the
 * api records speak of {@code reasons[filling].roomIds} or {@code rules.timing.grid}; the JSON calls
 * these {@code reasons[filling].rooms} and {@code rules.timing.gridMinutes}.
 */
public final class JsonFields {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("hours", "workingHours"),
            Map.entry("parentId", "parent"),
            Map.entry("duration", "minutes"),
            Map.entry("providerIds", "providers"),
            Map.entry("roomIds", "rooms"),
            Map.entry("grid", "gridMinutes"),
            Map.entry("bufferBefore", "bufferBeforeMinutes"),
            Map.entry("bufferAfter", "bufferAfterMinutes"),
            Map.entry("minimumNotice", "noticeMinutes"));

    private JsonFields() {
    }

    /**
     * The JSON path of a field an api check named: each segment renamed to its JSON name, keys in
     * brackets (ids, group names) kept as they are.
     */
    public static String of(String apiField) {
        if (apiField == null) {
            return null;
        }
        StringBuilder json = new StringBuilder();
        for (String segment : segments(apiField)) {
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            String key = bracket < 0 ? "" : segment.substring(bracket);
            if (json.length() > 0) {
                json.append('.');
            }
            json.append(NAMES.getOrDefault(name, name)).append(key);
        }
        return json.toString();
    }

    /**
     * The JSON path of a field an api check named, relative to a body that holds {@code apiPrefix}:
     * {@code rules.timing.grid} under {@code rules} is {@code timing.gridMinutes}. A field outside the
     * body keeps its whole path, which says where the conflict lies.
     */
    public static String of(String apiField, String apiPrefix) {
        if (apiField != null && apiField.startsWith(apiPrefix + ".")) {
            return of(apiField.substring(apiPrefix.length() + 1));
        }
        if (apiField != null && apiField.equals(apiPrefix)) {
            return "body";
        }
        return of(apiField);
    }

    /** Splits at dots outside brackets, so an id such as {@code a.b} in brackets stays whole. */
    static List<String> segments(String field) {
        List<String> segments = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            }
            if (c == '.' && depth == 0) {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }
}

package org.slotbridge.sync.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.Slugs;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.store.Passwords;
import org.slotbridge.store.StaffRecord;

/**
 * Reads a practice file ({@code etc/slotbridge/practices/<slug>.json}) into checked values. Every
 * refusal is an {@link InvalidInputException} whose field is the path to the offending value, such
 * as {@code reasons[1].minutes}. Fields it does not know are listed, not refused, so that a file
 * written for a later version still loads.
 */
final class PracticeFileReader {

    private static final Set<String> PRACTICE_FIELDS = Set.of("slug", "name", "zone", "phone", "email",
            "newClients", "onlineBooking", "providers", "rooms", "reasons", "workingHours", "staff");
    private static final Set<String> RESOURCE_FIELDS = Set.of("id", "name");
    private static final Set<String> REASON_FIELDS = Set.of("id", "name", "category", "helpText", "minutes",
            "providers", "rooms", "weekdays", "windows");
    private static final Set<String> HOURS_FIELDS = Set.of("provider", "weekly", "exceptions");
    private static final Set<String> STAFF_FIELDS = Set.of("username", "displayName", "passwordHash");
    private static final int MAX_MINUTES = 24 * 60;

    private final List<String> ignored = new ArrayList<>();

    private PracticeFileReader() {
    }

    /**
     * Reads one file's content.
     *
     * @param slug the slug the file's name gives, which the file must repeat
     * @throws InvalidInputException naming the path of the first value that breaks a rule
     */
    static PracticeFile read(JsonNode root, String slug) {
        return new PracticeFileReader().practiceFile(root, slug);
    }

    private PracticeFile practiceFile(JsonNode root, String fileSlug) {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("(file)", "must hold one JSON object");
        }
        noteUnknown(root, PRACTICE_FIELDS, "");
        String slug = text(root, "slug", "slug", true);
        if (!Slugs.isValid(slug)) {
            throw new InvalidInputException("slug", "must be 1 to 64 lower-case letters, digits or inner dashes");
        }
        if (!slug.equals(fileSlug)) {
            throw new InvalidInputException("slug", "is '" + slug + "' but the file is named " + fileSlug + ".json");
        }
        String zoneText = text(root, "zone", "zone", true);
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new InvalidInputException("zone", "'" + zoneText + "' is not a time zone such as America/New_York");
        }
        NewClientPolicy newClients = NewClientPolicy.WELCOME;
        String policy = text(root, "newClients", "newClients", false);
        if (policy != null) {
            try {
                newClients = NewClientPolicy.valueOf(policy.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("newClients", "must be WELCOME or EXISTING_ONLY");
            }
        }
        JsonNode online = root.get("onlineBooking");
        if (online != null && !online.isNull() && !online.isBoolean()) {
            throw new InvalidInputException("onlineBooking", "must be true or false");
        }
        Practice practice = new Practice(slug, text(root, "name", "name", true), zone,
                text(root, "phone", "phone", false), text(root, "email", "email", false), newClients,
                online == null || online.isNull() || online.booleanValue());

        List<Provider> providers = new ArrayList<>();
        Set<String> providerIds = new HashSet<>();
        for (Item item : items(root, "providers")) {
            String id = resourceId(item, providerIds);
            providers.add(new Provider(id, text(item.node, "name", item.path + ".name", true)));
        }
        List<Room> rooms = new ArrayList<>();
        Set<String> roomIds = new HashSet<>();
        for (Item item : items(root, "rooms")) {
            String id = resourceId(item, roomIds);
            rooms.add(new Room(id, text(item.node, "name", item.path + ".name", true)));
        }
        List<Reason> reasons = new ArrayList<>();
        Set<String> reasonIds = new HashSet<>();
        for (Item item : items(root, "reasons")) {
            reasons.add(reason(item, providerIds, roomIds, reasonIds));
        }
        List<WorkingHours> hours = new ArrayList<>();
        Set<String> withHours = new HashSet<>();
        for (Item item : items(root, "workingHours")) {
            hours.add(workingHours(item, providerIds, withHours));
        }
        List<StaffRecord> staff = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        for (Item item : items(root, "staff")) {
            staff.add(staffMember(item, slug, usernames));
        }
        return new PracticeFile(practice, providers, rooms, reasons, hours, staff, List.copyOf(ignored));
    }

    private String resourceId(Item item, Set<String> seen) {
        noteUnknown(item.node, RESOURCE_FIELDS, item.path + ".");
        String id = text(item.node, "id", item.path + ".id", true);
        if (!seen.add(id)) {
            throw new InvalidInputException(item.path + ".id", "'" + id + "' appears twice");
        }
        return id;
    }

    private Reason reason(Item item, Set<String> providerIds, Set<String> roomIds, Set<String> seen) {
        JsonNode node = item.node;
        String path = item.path;
        noteUnknown(node, REASON_FIELDS, path + ".");
        String id = text(node, "id", path + ".id", true);
        if (!Slugs.isValid(id)) {
            throw new InvalidInputException(path + ".id",
                    "'" + id + "' must be 1 to 64 lower-case letters, digits or inner dashes");
        }
        if (!seen.add(id)) {
            throw new InvalidInputException(path + ".id", "'" + id + "' appears twice");
        }
        JsonNode minutes = node.get("minutes");
        if (minutes == null || !minutes.canConvertToInt() || !minutes.isIntegralNumber()
                || minutes.intValue() < 1 || minutes.intValue() > MAX_MINUTES) {
            throw new InvalidInputException(path + ".minutes", "must be a whole number from 1 to " + MAX_MINUTES);
        }
        Set<String> providers = references(node, "providers", path, providerIds, "providers");
        Set<String> rooms = references(node, "rooms", path, roomIds, "rooms");
        Set<DayOfWeek> weekdays = new HashSet<>();
        for (Item day : items(node, "weekdays", path + ".weekdays")) {
            weekdays.add(weekday(day.node.isTextual() ? day.node.textValue() : day.node.toString(), day.path));
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (Item window : items(node, "windows", path + ".windows")) {
            windows.add(window(window.node, window.path));
        }
        return new Reason(id, text(node, "name", path + ".name", true), text(node, "category", path + ".category",
                false), text(node, "helpText", path + ".helpText", false), Duration.ofMinutes(minutes.intValue()),
                providers, rooms, weekdays, windows);
    }

    private WorkingHours workingHours(Item item, Set<String> providerIds, Set<String> seen) {
        JsonNode node = item.node;
        String path = item.path;
        noteUnknown(node, HOURS_FIELDS, path + ".");
        String provider = text(node, "provider", path + ".provider", true);
        if (!providerIds.contains(provider)) {
            throw new InvalidInputException(path + ".provider", "'" + provider + "' is not one of the providers");
        }
        if (!seen.add(provider)) {
            throw new InvalidInputException(path + ".provider", "'" + provider + "' has working hours twice");
        }
        Map<DayOfWeek, List<TimeWindow>> weekly = new HashMap<>();
        for (Map.Entry<String, JsonNode> day : entries(node, "weekly", path + ".weekly")) {
            String dayPath = path + ".weekly." + day.getKey();
            weekly.put(weekday(day.getKey(), dayPath), windows(day.getValue(), dayPath));
        }
        Map<LocalDate, List<TimeWindow>> exceptions = new HashMap<>();
        for (Map.Entry<String, JsonNode> date : entries(node, "exceptions", path + ".exceptions")) {
            String datePath = path + ".exceptions." + date.getKey();
            try {
                exceptions.put(LocalDate.parse(date.getKey()), windows(date.getValue(), datePath));
            } catch (DateTimeException e) {
                throw new InvalidInputException(datePath, "is not a date such as 2026-12-24");
            }
        }
        try {
            return new WorkingHours(provider, weekly, exceptions);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(path + "." + e.field(), e.reason());
        }
    }

    private StaffRecord staffMember(Item item, String slug, Set<String> seen) {
        noteUnknown(item.node, STAFF_FIELDS, item.path + ".");
        String username = text(item.node, "username", item.path + ".username", true);
        if (!seen.add(username)) {
            throw new InvalidInputException(item.path + ".username", "'" + username + "' appears twice");
        }
        String hash = text(item.node, "passwordHash", item.path + ".passwordHash", true);
        if (!Passwords.isWellFormed(hash)) {
            throw new InvalidInputException(item.path + ".passwordHash",
                    "must be pbkdf2-sha256:<iterations>:<base64 salt>:<base64 hash>");
        }
        String displayName = text(item.node, "displayName", item.path + ".displayName", false);
        return new StaffRecord(new StaffMember(username, slug, displayName != null ? displayName : username), hash);
    }

    private static Set<String> references(JsonNode node, String key, String path, Set<String> declared,
                                          String listName) {
        Set<String> ids = new LinkedHashSet<>();
        for (Item item : items(node, key, path + "." + key)) {
            if (!item.node.isTextual() || !declared.contains(item.node.textValue())) {
                throw new InvalidInputException(item.path, item.node + " is not one of the " + listName);
            }
            ids.add(item.node.textValue());
        }
        return ids;
    }

    private static List<TimeWindow> windows(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new InvalidInputException(path, "must be a list of windows such as [\"08:00-12:00\"]");
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            windows.add(window(node.get(i), path + "[" + i + "]"));
        }
        return windows;
    }

    private static TimeWindow window(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw new InvalidInputException(path, "must be a window such as \"08:00-12:00\"");
        }
        return TimeWindow.parse(node.textValue(), path);
    }

    private static DayOfWeek weekday(String text, String path) {
        try {
            return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(path, "'" + text + "' is not a weekday such as MONDAY");
        }
    }

    /** The elements of an optional array field, each with its path. */
    private static List<Item> items(JsonNode parent, String key) {
        return items(parent, key, key);
    }

    private static List<Item> items(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInputException(path, "must be a list");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new Item(node.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw new InvalidInputException(path, "must be an object");
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }

    /** A text field; blank counts as missing. */
    private static String text(JsonNode parent, String key, String path, boolean required) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull() || node.isTextual() && node.textValue().isBlank()) {
            if (required) {
                throw new InvalidInputException(path, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(path, "must be text");
        }
        return node.textValue().strip();
    }

    private void noteUnknown(JsonNode node, Set<String> known, String prefix) {
        if (!node.isObject()) {
            throw new InvalidInputException(prefix.isEmpty() ? "(file)" : prefix.substring(0, prefix.length() - 1),
                    "must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                ignored.add(prefix + name);
            }
        }
    }

    private record Item(JsonNode node, String path) {
    }
}

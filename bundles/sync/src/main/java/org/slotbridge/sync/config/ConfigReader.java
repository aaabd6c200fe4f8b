package org.slotbridge.sync.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slotbridge.api.Audience;
import org.slotbridge.api.Category;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Quoted;
import org.slotbridge.api.Reason;
import org.slotbridge.api.ReasonRules;
import org.slotbridge.api.Room;
import org.slotbridge.api.Slugs;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.Timing;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.sync.config.Value.Fields;

/**
 * Reads the JSON form of a practice's configuration into api values. Input is a plain JSON tree as
 * any JSON library reads it: {@link Map}, {@link List}, {@link String}, whole numbers, {@link Boolean}
 * and null. Every refusal is an {@link InvalidInputException} whose field is the JSON path of the
 * offending value under {@code path}: a field the format does not have, a wrong type, a bad value.
 */
public final class ConfigReader {

    static final Set<String> PRACTICE_FIELDS = Set.of("slug", "name", "zone", "phone", "email", "newClients",
            "onlineBooking");
    static final Set<String> CONFIG_FIELDS = union(PRACTICE_FIELDS, Set.of("rules", "categories", "providers",
            "rooms", "reasons", "workingHours"));
    static final Set<String> RULES_FIELDS = Set.of("unitMinutes", "timing", "closedDates", "providerGroups",
            "shownPerDay");
    static final Set<String> TIMING_FIELDS = Set.of("gridMinutes", "starts", "bufferBeforeMinutes",
            "bufferAfterMinutes", "noticeMinutes", "horizonDays", "dailyCap");
    static final Set<String> CATEGORY_FIELDS = Set.of("id", "name", "parent", "helpText");
    static final Set<String> RESOURCE_FIELDS = Set.of("id", "name");
    static final Set<String> REASON_FIELDS = Set.of("id", "name", "category", "helpText", "minutes", "providers",
            "rooms", "weekdays", "windows", "providerGroup", "validFrom", "validUntil", "audience", "blockoutTypes",
            "pattern", "timing");
    static final Set<String> HOURS_FIELDS = Set.of("provider", "weekly", "exceptions");

    static final int DAY_MINUTES = 24 * 60;
    /** A year of notice, in minutes, is more than any practice asks. */
    static final int MAX_NOTICE_MINUTES = 366 * DAY_MINUTES;
    static final int MAX_HORIZON_DAYS = 3660;
    static final int MAX_DAILY_CAP = 10_000;
    static final int MAX_SHOWN_PER_DAY = 1000;
    static final int MAX_CATEGORY_ID = 64;

    private static final Pattern KEYED = Pattern.compile("(reasons|categories|hours)\\[([^\\]]*)\\](.*)");

    private ConfigReader() {
    }

    /**
     * A whole configuration: the practice's own fields ({@code slug}, {@code name}, {@code zone},
     * {@code phone}, {@code email}, {@code newClients}, {@code onlineBooking}) and {@code rules},
     * {@code categories}, {@code providers}, {@code rooms}, {@code reasons}, {@code workingHours}, checked
     * as a whole ({@link PracticeConfig}). Without {@code categories}, each category a reason names
     * becomes a top-level category of that name, as files written before categories had.
     */
    public static PracticeConfig config(Object json) {
        return config(json, Set.of());
    }

    /**
     * A whole configuration inside a larger document, such as a practice file with its staff.
     *
     * @param otherFields top-level fields the caller reads itself; they are passed over here
     */
    public static PracticeConfig config(Object json, Set<String> otherFields) {
        Value root = Value.root(json, "");
        Fields fields = root.object("a practice configuration", union(CONFIG_FIELDS, otherFields));
        Practice practice = practice(fields);
        PracticeRules rules = fields.has("rules") ? rules(fields.get("rules")) : PracticeRules.DEFAULT;
        List<Provider> providers = new ArrayList<>();
        Set<String> providerIds = new HashSet<>();
        for (Value item : fields.get("providers").list()) {
            Fields resource = item.object("a provider", RESOURCE_FIELDS);
            providers.add(new Provider(unique(resource.get("id"), providerIds), resource.get("name").text()));
        }
        List<Room> rooms = new ArrayList<>();
        Set<String> roomIds = new HashSet<>();
        for (Value item : fields.get("rooms").list()) {
            Fields resource = item.object("a room", RESOURCE_FIELDS);
            rooms.add(new Room(unique(resource.get("id"), roomIds), resource.get("name").text()));
        }
        List<Reason> reasons = new ArrayList<>();
        Set<String> reasonIds = new HashSet<>();
        for (Value item : fields.get("reasons").list()) {
            Reason reason = reason(item);
            if (!reasonIds.add(reason.id())) {
                throw new InvalidInputException(item.pathOf("id"), "'" + reason.id() + "' appears twice");
            }
            reasons.add(reason);
        }
        List<Category> categories = fields.has("categories") ? categories(fields.get("categories"))
                : implicitCategories(reasons, fields.get("reasons"));
        List<WorkingHours> hours = new ArrayList<>();
        Set<String> withHours = new HashSet<>();
        for (Value item : fields.get("workingHours").list()) {
            WorkingHours one = workingHours(item, null);
            if (!withHours.add(one.providerId())) {
                throw new InvalidInputException(item.pathOf("provider"),
                        "'" + one.providerId() + "' has working hours twice");
            }
            hours.add(one);
        }
        try {
            return new PracticeConfig(practice, rules, providers, rooms, hours, reasons, categories);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(located(e.field(), reasons, categories, hours), e.reason());
        }
    }

    /**
     * The text of an id that goes into addresses as it is (a practice's slug, a reason's id): the rule of
     * {@link Slugs}.
     */
    private static String slugLike(Value value) {
        String id = value.text();
        if (!Slugs.isValid(id)) {
            throw value.refuse(Quoted.of(id) + " must be 1 to 64 lower-case letters, digits or inner dashes");
        }
        return id;
    }

    /** The practice's own fields of a configuration. */
    private static Practice practice(Fields fields) {
        String slug = slugLike(fields.get("slug"));
        Value zoneValue = fields.get("zone");
        String zoneText = zoneValue.text();
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw zoneValue.refuse("'" + zoneText + "' is not a time zone such as America/New_York");
        }
        NewClientPolicy newClients = fields.get("newClients").choice(NewClientPolicy.values(),
                NewClientPolicy.WELCOME);
        return new Practice(slug, fields.get("name").text(), zone, fields.get("phone").optionalText(),
                fields.get("email").optionalText(), newClients, fields.get("onlineBooking").bool(true));
    }

    /**
     * What a practice sets for all its reasons: {@code unitMinutes}, {@code timing}, {@code closedDates},
     * {@code providerGroups}, {@code shownPerDay}. A field left out takes its default
     * ({@link PracticeRules#DEFAULT}, {@link Timing#DEFAULT}).
     */
    public static PracticeRules rules(Object json, String path) {
        return rules(Value.root(json, path));
    }

    private static PracticeRules rules(Value value) {
        Fields fields = value.object("the practice rules", RULES_FIELDS);
        PracticeRules defaults = PracticeRules.DEFAULT;
        Value unitValue = fields.get("unitMinutes");
        Integer unit = unitValue.optionalWhole(1, 60);
        if (unit != null && 60 % unit != 0) {
            throw unitValue.refuse(unit + " does not divide an hour: use 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60");
        }
        Timing timing = timing(fields.get("timing")).over(Timing.DEFAULT);
        Set<LocalDate> closed = new LinkedHashSet<>();
        for (Value date : fields.get("closedDates").list()) {
            closed.add(Value.date(date.text(), date));
        }
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Value> group : fields.get("providerGroups")
                .entries("{\"hygienists\": [\"LEE\", \"PARK\"]}").entrySet()) {
            if (group.getKey().isBlank()) {
                throw group.getValue().refuse("a provider group needs a name");
            }
            Set<String> members = new LinkedHashSet<>();
            for (Value member : group.getValue().list()) {
                members.add(member.text());
            }
            groups.put(group.getKey(), members);
        }
        Integer shown = fields.get("shownPerDay").optionalWhole(1, MAX_SHOWN_PER_DAY);
        return build(value, () -> new PracticeRules(unit != null ? unit : defaults.unitMinutes(), timing, closed,
                groups, shown != null ? shown : defaults.shownPerDay()));
    }

    /** A timing; fields left out are null, to be taken from the practice (or the defaults). */
    private static Timing timing(Value value) {
        if (value.missing()) {
            return Timing.INHERIT;
        }
        Fields fields = value.object("a timing", TIMING_FIELDS);
        Integer grid = fields.get("gridMinutes").optionalWhole(1, DAY_MINUTES);
        List<LocalTime> starts = null;
        if (fields.has("starts")) {
            starts = new ArrayList<>();
            for (Value start : fields.get("starts").list()) {
                starts.add(start.time());
            }
        }
        Integer before = fields.get("bufferBeforeMinutes").optionalWhole(0, DAY_MINUTES);
        Integer after = fields.get("bufferAfterMinutes").optionalWhole(0, DAY_MINUTES);
        Integer notice = fields.get("noticeMinutes").optionalWhole(0, MAX_NOTICE_MINUTES);
        Integer horizon = fields.get("horizonDays").optionalWhole(0, MAX_HORIZON_DAYS);
        Integer cap = fields.get("dailyCap").optionalWhole(0, MAX_DAILY_CAP);
        List<LocalTime> fixed = starts;
        return build(value, () -> new Timing(minutes(grid), fixed, minutes(before), minutes(after), minutes(notice),
                horizon, cap));
    }

    /**
     * The category tree: a list of {@code {id, name, parent, helpText}}. Ids are unique, a parent is a
     * category of the list, and no category sits under itself, however far up.
     */
    public static List<Category> categories(Object json, String path) {
        return categories(Value.root(json, path));
    }

    private static List<Category> categories(Value value) {
        List<Category> categories = new ArrayList<>();
        Map<String, Value> parents = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (Value item : value.list()) {
            Fields fields = item.object("a category", CATEGORY_FIELDS);
            Value idValue = fields.get("id");
            String id = idValue.text();
            if (id.length() > MAX_CATEGORY_ID) {
                throw idValue.refuse("a category id is 1 to " + MAX_CATEGORY_ID + " characters");
            }
            if (!ids.add(id)) {
                throw idValue.refuse("'" + id + "' appears twice");
            }
            String parent = fields.get("parent").optionalText();
            if (parent != null) {
                parents.put(id, fields.get("parent"));
            }
            String name = fields.get("name").text();
            String helpText = fields.get("helpText").optionalText();
            categories.add(build(item, () -> new Category(id, name, parent, helpText)));
        }
        Map<String, String> parentOf = new HashMap<>();
        categories.forEach(c -> parentOf.put(c.id(), c.parentId()));
        for (Map.Entry<String, Value> entry : parents.entrySet()) {
            String parent = parentOf.get(entry.getKey());
            if (!ids.contains(parent)) {
                throw entry.getValue().refuse("'" + parent + "' is not one of the categories");
            }
            Set<String> seen = new HashSet<>();
            for (String at = entry.getKey(); at != null; at = parentOf.get(at)) {
                if (!seen.add(at)) {
                    throw entry.getValue().refuse("the categories form a loop through '" + at + "'");
                }
            }
        }
        return categories;
    }

    /**
     * One reason: {@code id}, {@code name}, {@code category}, {@code helpText}, {@code minutes},
     * {@code providers}, {@code rooms}, {@code weekdays}, {@code windows}, {@code providerGroup},
     * {@code validFrom}, {@code validUntil}, {@code audience}, {@code blockoutTypes}, {@code pattern} and
     * {@code timing} (any timing field, for this reason only). Whether the providers, rooms, group and
     * category it names exist is checked with the whole configuration.
     */
    public static Reason reason(Object json, String path) {
        return reason(Value.root(json, path));
    }

    private static Reason reason(Value value) {
        Fields fields = value.object("a reason", REASON_FIELDS);
        String id = slugLike(fields.get("id"));
        String name = fields.get("name").text();
        int minutes = fields.get("minutes").whole(1, DAY_MINUTES);
        Set<String> providers = texts(fields.get("providers"));
        Set<String> rooms = texts(fields.get("rooms"));
        Set<DayOfWeek> weekdays = new LinkedHashSet<>();
        for (Value day : fields.get("weekdays").list()) {
            weekdays.add(day.weekday());
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (Value window : fields.get("windows").list()) {
            windows.add(window.window());
        }
        Value validFrom = fields.get("validFrom");
        Value validUntil = fields.get("validUntil");
        LocalDate from = validFrom.optionalDate();
        LocalDate until = validUntil.optionalDate();
        if (from != null && until != null && until.isBefore(from)) {
            throw validUntil.refuse(until + " is before validFrom " + from);
        }
        Audience audience = fields.get("audience").choice(Audience.values(), Audience.ANYONE);
        Set<String> blockoutTypes = texts(fields.get("blockoutTypes"));
        Value patternValue = fields.get("pattern");
        String pattern = patternValue.optionalText();
        if (pattern != null && (!pattern.matches("[X/]+") || pattern.indexOf('X') < 0)) {
            throw patternValue.refuse("'" + pattern
                    + "' must be one character per unit: X (the provider) or / (an assistant), with at least one X");
        }
        Timing timing = timing(fields.get("timing"));
        Value groupValue = fields.get("providerGroup");
        String group = groupValue.optionalText();
        // the two together would read as "the list or the group", which a practice giving one rarely means
        if (group != null && !providers.isEmpty()) {
            throw groupValue.refuse("give providers or providerGroup, not both");
        }
        String category = fields.get("category").optionalText();
        String helpText = fields.get("helpText").optionalText();
        ReasonRules rules = build(value, () -> new ReasonRules(group, from, until, audience, blockoutTypes, pattern,
                timing));
        return build(value, () -> new Reason(id, name, category, helpText, Duration.ofMinutes(minutes), providers,
                rooms, weekdays, windows, rules));
    }

    /**
     * One provider's working hours: {@code provider}, {@code weekly} ({@code {"MONDAY": ["08:00-12:00",
     * "13:00-17:00"]}}, a day left out is a day off) and {@code exceptions} ({@code {"2026-12-24": []}},
     * replacing that date's windows).
     *
     * @param provider the provider the hours are for, when the caller knows it: the JSON may then leave
     *                 {@code provider} out, or must name the same one
     */
    public static WorkingHours workingHours(Object json, String path, String provider) {
        return workingHours(Value.root(json, path), provider);
    }

    private static WorkingHours workingHours(Value value, String expected) {
        Fields fields = value.object("working hours", HOURS_FIELDS);
        Value providerValue = fields.get("provider");
        String provider = expected != null && providerValue.missing() ? expected : providerValue.text();
        if (expected != null && !expected.equals(provider)) {
            throw providerValue.refuse("is '" + provider + "' but these are the hours of '" + expected + "'");
        }
        Map<DayOfWeek, List<TimeWindow>> weekly = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, Value> day : fields.get("weekly")
                .entries("{\"MONDAY\": [\"08:00-12:00\", \"13:00-17:00\"]}").entrySet()) {
            DayOfWeek weekday = Value.weekday(day.getKey(), day.getValue());
            if (weekly.put(weekday, windows(day.getValue())) != null) {
                throw day.getValue().refuse(weekday + " appears twice");
            }
        }
        Map<LocalDate, List<TimeWindow>> exceptions = new LinkedHashMap<>();
        for (Map.Entry<String, Value> date : fields.get("exceptions")
                .entries("{\"2026-12-24\": [\"08:00-12:00\"]}").entrySet()) {
            exceptions.put(Value.date(date.getKey(), date.getValue()), windows(date.getValue()));
        }
        return build(value, () -> new WorkingHours(provider, weekly, exceptions));
    }

    /** The windows of one day, which may not overlap. */
    private static List<TimeWindow> windows(Value day) {
        if (day.missing()) {
            throw day.refuse("must be a list of windows such as [\"08:00-12:00\"]; [] is a day off");
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (Value window : day.list()) {
            windows.add(window.window());
        }
        List<TimeWindow> sorted = windows.stream().sorted(Comparator.comparingInt(TimeWindow::startMinute)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).startMinute() < sorted.get(i - 1).endMinute()) {
                throw day.refuse("the windows " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
            }
        }
        return windows;
    }

    /** Each category reasons name, as a top-level category of that name, in order of first use. */
    private static List<Category> implicitCategories(List<Reason> reasons, Value reasonList) {
        Map<String, Category> categories = new LinkedHashMap<>();
        List<Value> items = reasonList.list();
        for (int i = 0; i < reasons.size(); i++) {
            String name = reasons.get(i).category();
            if (name != null && !categories.containsKey(name)) {
                if (name.length() > MAX_CATEGORY_ID) {
                    throw new InvalidInputException(items.get(i).pathOf("category"),
                            "a category is 1 to " + MAX_CATEGORY_ID + " characters");
                }
                categories.put(name, new Category(name, name, null, null));
            }
        }
        return List.copyOf(categories.values());
    }

    /**
     * The JSON path of a field the whole-configuration check named: ids in brackets become positions in
     * the lists, and api names become JSON names.
     */
    private static String located(String field, List<Reason> reasons, List<Category> categories,
                                  List<WorkingHours> hours) {
        Matcher keyed = KEYED.matcher(field == null ? "" : field);
        if (!keyed.matches()) {
            return JsonFields.of(field);
        }
        String id = keyed.group(2);
        int index = switch (keyed.group(1)) {
            case "reasons" -> indexOf(reasons.stream().map(Reason::id).toList(), id);
            case "categories" -> indexOf(categories.stream().map(Category::id).toList(), id);
            default -> indexOf(hours.stream().map(WorkingHours::providerId).toList(), id);
        };
        if (index < 0) {
            return JsonFields.of(field);
        }
        String rest = keyed.group(3).startsWith(".") ? keyed.group(3).substring(1) : keyed.group(3);
        if (rest.isEmpty() && keyed.group(1).equals("hours")) {
            // the check names the hours of a provider the practice does not have
            rest = "provider";
        }
        String at = JsonFields.of(keyed.group(1)) + "[" + index + "]";
        return rest.isEmpty() ? at : at + "." + JsonFields.of(rest);
    }

    private static int indexOf(List<String> ids, String id) {
        return ids.indexOf(id);
    }

    /** Builds an api value, naming the JSON path when its own check refuses it. */
    private static <T> T build(Value at, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (InvalidInputException e) {
            String field = JsonFields.of(e.field());
            throw new InvalidInputException(at.path().isEmpty() ? field : at.path() + "." + field, e.reason());
        }
    }

    private static String unique(Value idValue, Set<String> seen) {
        String id = idValue.text();
        if (!seen.add(id)) {
            throw idValue.refuse("'" + id + "' appears twice");
        }
        return id;
    }

    private static Set<String> texts(Value list) {
        Set<String> texts = new LinkedHashSet<>();
        for (Value item : list.list()) {
            texts.add(item.text());
        }
        return texts;
    }

    private static Duration minutes(Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}

package org.slotbridge.sync.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slotbridge.api.Category;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.Timing;
import org.slotbridge.api.WorkingHours;

/**
 * Writes a practice's configuration in the JSON form {@link ConfigReader} reads, as plain trees
 * ({@link LinkedHashMap}, {@link List}, text, numbers, booleans, null) that any JSON library writes.
 * Sets come out sorted, so the same configuration always reads the same.
 */
public final class ConfigWriter {

    private ConfigWriter() {
    }

    /** A whole configuration, as a practice file holds it (without staff). */
    public static Map<String, Object> config(PracticeConfig config) {
        Map<String, Object> json = practice(config.practice());
        json.put("rules", rules(config.rules()));
        json.put("categories", config.categories().stream().map(ConfigWriter::category).toList());
        json.put("providers", config.providers().stream().map(ConfigWriter::provider).toList());
        json.put("rooms", config.rooms().stream().map(ConfigWriter::room).toList());
        json.put("reasons", config.reasons().stream().map(ConfigWriter::reason).toList());
        json.put("workingHours", config.hours().stream().map(ConfigWriter::workingHours).toList());
        return json;
    }

    /** The practice's own fields. */
    public static Map<String, Object> practice(Practice practice) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", practice.slug());
        json.put("name", practice.name());
        json.put("zone", practice.zone().getId());
        json.put("phone", practice.phone());
        json.put("email", practice.email());
        json.put("newClients", practice.newClients().name());
        json.put("onlineBooking", practice.onlineBooking());
        return json;
    }

    /** What the practice sets for all its reasons, every field written. */
    public static Map<String, Object> rules(PracticeRules rules) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unitMinutes", rules.unitMinutes());
        json.put("timing", timing(rules.timing()));
        json.put("closedDates", sorted(rules.closedDates().stream().map(LocalDate::toString).toList()));
        Map<String, Object> groups = new TreeMap<>();
        rules.providerGroups().forEach((name, members) -> groups.put(name, sorted(members)));
        json.put("providerGroups", groups);
        json.put("shownPerDay", rules.shownPerDay());
        return json;
    }

    /** A timing; only the fields it sets, so a reason's timing shows what it overrides. */
    public static Map<String, Object> timing(Timing timing) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (timing.grid() != null) {
            json.put("gridMinutes", timing.grid().toMinutes());
        }
        if (timing.starts() != null) {
            json.put("starts", timing.starts().stream().map(LocalTime::toString).toList());
        }
        if (timing.bufferBefore() != null) {
            json.put("bufferBeforeMinutes", timing.bufferBefore().toMinutes());
        }
        if (timing.bufferAfter() != null) {
            json.put("bufferAfterMinutes", timing.bufferAfter().toMinutes());
        }
        if (timing.minimumNotice() != null) {
            json.put("noticeMinutes", timing.minimumNotice().toMinutes());
        }
        if (timing.horizonDays() != null) {
            json.put("horizonDays", timing.horizonDays());
        }
        if (timing.dailyCap() != null) {
            json.put("dailyCap", timing.dailyCap());
        }
        return json;
    }

    public static Map<String, Object> category(Category category) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", category.id());
        json.put("name", category.name());
        json.put("parent", category.parentId());
        json.put("helpText", category.helpText());
        return json;
    }

    public static Map<String, Object> provider(Provider provider) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", provider.id());
        json.put("name", provider.name());
        return json;
    }

    public static Map<String, Object> room(Room room) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", room.id());
        json.put("name", room.name());
        return json;
    }

    /** A reason with all its rules. */
    public static Map<String, Object> reason(Reason reason) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", reason.id());
        json.put("name", reason.name());
        json.put("category", reason.category());
        json.put("helpText", reason.helpText());
        json.put("minutes", reason.duration().toMinutes());
        json.put("providers", sorted(reason.providerIds()));
        json.put("rooms", sorted(reason.roomIds()));
        json.put("weekdays", reason.weekdays().stream().sorted().map(DayOfWeek::name).toList());
        json.put("windows", windows(reason.windows()));
        json.put("providerGroup", reason.rules().providerGroup());
        json.put("validFrom", reason.rules().validFrom() == null ? null : reason.rules().validFrom().toString());
        json.put("validUntil", reason.rules().validUntil() == null ? null : reason.rules().validUntil().toString());
        json.put("audience", reason.rules().audience().name());
        json.put("blockoutTypes", sorted(reason.rules().blockoutTypes()));
        json.put("pattern", reason.rules().pattern());
        json.put("timing", timing(reason.rules().timing()));
        return json;
    }

    /** One provider's hours: weekdays in the order of the week, exceptions by date. */
    public static Map<String, Object> workingHours(WorkingHours hours) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("provider", hours.providerId());
        Map<String, Object> weekly = new LinkedHashMap<>();
        hours.weekly().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(day -> weekly.put(day.getKey().name(), windows(day.getValue())));
        json.put("weekly", weekly);
        Map<String, Object> exceptions = new LinkedHashMap<>();
        hours.exceptions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(date -> exceptions.put(date.getKey().toString(), windows(date.getValue())));
        json.put("exceptions", exceptions);
        return json;
    }

    private static List<String> windows(List<TimeWindow> windows) {
        return windows.stream().map(TimeWindow::toString).toList();
    }

    private static List<String> sorted(Collection<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(Comparator.naturalOrder());
        return list;
    }
}

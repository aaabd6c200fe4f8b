package org.slotbridge.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a practice configures, checked as a whole: a configuration that would leave a
 * reference dangling or a time off the practice's unit is refused with an
 * {@link InvalidInputException} whose field says where ({@code reasons[filling].pattern}), so that
 * nothing is stored half-applied.
 *
 * @param practice   the practice, with its zone
 * @param rules      what it sets for all reasons
 * @param providers  its providers
 * @param rooms      its rooms
 * @param hours      working hours, at most one entry per provider
 * @param reasons    the reasons it offers online
 * @param categories the category tree of its reasons
 */
public record PracticeConfig(Practice practice, PracticeRules rules, List<Provider> providers, List<Room> rooms,
                             List<WorkingHours> hours, List<Reason> reasons, List<Category> categories) {

    /** Zone offsets are checked over these years, which cover any horizon from today. */
    private static final Instant CHECK_FROM = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant CHECK_TO = Instant.parse("2050-01-01T00:00:00Z");

    public PracticeConfig {
        Objects.requireNonNull(practice, "practice");
        Objects.requireNonNull(rules, "rules");
        providers = List.copyOf(providers);
        rooms = List.copyOf(rooms);
        hours = List.copyOf(hours);
        reasons = List.copyOf(reasons);
        categories = List.copyOf(categories);
        new Check(practice, rules, providers, rooms, hours, reasons, categories).run();
    }

    /** Working hours by provider id. */
    public Map<String, WorkingHours> hoursByProvider() {
        return hours.stream().collect(Collectors.toUnmodifiableMap(WorkingHours::providerId, Function.identity()));
    }

    /**
     * One reason.
     *
     * @throws NotFoundException when the practice has no such reason
     */
    public Reason reason(String reasonId) {
        return reasons.stream().filter(r -> r.id().equals(reasonId)).findFirst()
                .orElseThrow(() -> new NotFoundException("reason", reasonId));
    }

    /** The timing that applies to a reason: its own, then the practice's. */
    public Timing timing(Reason reason) {
        return reason.rules().timing().over(rules.timing());
    }

    /** The checks, one method per part of the configuration. */
    private record Check(Practice practice, PracticeRules rules, List<Provider> providers, List<Room> rooms,
                         List<WorkingHours> hours, List<Reason> reasons, List<Category> categories) {

        void run() {
            Set<String> providerIds = unique(providers.stream().map(Provider::id).toList(), "providers");
            Set<String> roomIds = unique(rooms.stream().map(Room::id).toList(), "rooms");
            Set<String> categoryIds = unique(categories.stream().map(Category::id).toList(), "categories");
            unique(reasons.stream().map(Reason::id).toList(), "reasons");
            unique(hours.stream().map(WorkingHours::providerId).toList(), "hours");
            zone();
            timing(rules.timing(), "rules.timing");
            rules.providerGroups().forEach((group, members) -> members.forEach(member -> {
                if (!providerIds.contains(member)) {
                    throw unknown("rules.providerGroups[" + group + "]", member, "provider");
                }
            }));
            for (WorkingHours h : hours) {
                workingHours(h, providerIds);
            }
            categoryTree(categoryIds);
            for (Reason reason : reasons) {
                reason(reason, providerIds, roomIds, categoryIds);
            }
        }

        private void zone() {
            ZoneRules zoneRules = practice.zone().getRules();
            int unitSeconds = rules.unitMinutes() * 60;
            ZoneOffset first = zoneRules.getOffset(CHECK_FROM);
            if (first.getTotalSeconds() % unitSeconds != 0) {
                throw offset(first);
            }
            for (ZoneOffsetTransition t = zoneRules.nextTransition(CHECK_FROM);
                    t != null && t.getInstant().isBefore(CHECK_TO); t = zoneRules.nextTransition(t.getInstant())) {
                if (t.getOffsetAfter().getTotalSeconds() % unitSeconds != 0) {
                    throw offset(t.getOffsetAfter());
                }
            }
        }

        private InvalidInputException offset(ZoneOffset offset) {
            return new InvalidInputException("rules.unitMinutes", "the zone " + practice.zone() + " uses the offset "
                    + offset + ", which is not a whole number of " + rules.unitMinutes() + "-minute units");
        }

        private void workingHours(WorkingHours h, Set<String> providerIds) {
            String field = "hours[" + h.providerId() + "]";
            if (!providerIds.contains(h.providerId())) {
                throw unknown(field, h.providerId(), "provider");
            }
            h.weekly().forEach((day, windows) -> windows.forEach(w -> window(w, field + ".weekly." + day)));
            h.exceptions().forEach((date, windows) -> windows.forEach(w -> window(w, field + ".exceptions." + date)));
        }

        private void categoryTree(Set<String> categoryIds) {
            Map<String, String> parents = new HashMap<>();
            for (Category category : categories) {
                if (category.parentId() != null && !categoryIds.contains(category.parentId())) {
                    throw unknown("categories[" + category.id() + "].parentId", category.parentId(), "category");
                }
                parents.put(category.id(), category.parentId());
            }
            for (Category category : categories) {
                Set<String> seen = new HashSet<>();
                for (String at = category.id(); at != null; at = parents.get(at)) {
                    if (!seen.add(at)) {
                        throw new InvalidInputException("categories[" + category.id() + "].parentId",
                                "the categories form a loop through '" + at + "'");
                    }
                }
            }
        }

        private void reason(Reason reason, Set<String> providerIds, Set<String> roomIds, Set<String> categoryIds) {
            String field = "reasons[" + reason.id() + "]";
            units(reason.duration(), field + ".duration");
            ReasonRules reasonRules = reason.rules();
            if (reasonRules.pattern() != null
                    && reasonRules.pattern().length() * (long) rules.unitMinutes() != reason.duration().toMinutes()) {
                throw new InvalidInputException(field + ".pattern", "has " + reasonRules.pattern().length()
                        + " units of " + rules.unitMinutes() + " minutes, but the visit lasts "
                        + reason.duration().toMinutes() + " minutes");
            }
            for (String provider : reason.providerIds()) {
                if (!providerIds.contains(provider)) {
                    throw unknown(field + ".providerIds", provider, "provider");
                }
            }
            String group = reasonRules.providerGroup();
            if (group != null && !rules.providerGroups().containsKey(group)) {
                throw unknown(field + ".providerGroup", group, "provider group");
            }
            for (String room : reason.roomIds()) {
                if (!roomIds.contains(room)) {
                    throw unknown(field + ".roomIds", room, "room");
                }
            }
            if (reason.category() != null && !categoryIds.contains(reason.category())) {
                throw unknown(field + ".category", reason.category(), "category");
            }
            reason.windows().forEach(w -> window(w, field + ".windows"));
            timing(reasonRules.timing().over(rules.timing()), field + ".timing");
        }

        private void timing(Timing timing, String field) {
            units(timing.grid(), field + ".grid");
            units(timing.bufferBefore(), field + ".bufferBefore");
            units(timing.bufferAfter(), field + ".bufferAfter");
            for (LocalTime start : timing.starts()) {
                if ((start.getHour() * 60 + start.getMinute()) % rules.unitMinutes() != 0) {
                    throw new InvalidInputException(field + ".starts",
                        start + " is not on a " + rules.unitMinutes() + "-minute unit");
                }
            }
        }

        private void window(TimeWindow window, String field) {
            if (window.startMinute() % rules.unitMinutes() != 0 || window.endMinute() % rules.unitMinutes() != 0) {
                throw new InvalidInputException(field,
                        window + " does not start and end on " + rules.unitMinutes() + "-minute units");
            }
        }

        private void units(Duration duration, String field) {
            if (duration.toMinutes() % rules.unitMinutes() != 0) {
                throw new InvalidInputException(field, duration.toMinutes() + " minutes is not a whole number of "
                        + rules.unitMinutes() + "-minute units");
            }
        }

        private static InvalidInputException unknown(String field, String id, String what) {
            return new InvalidInputException(field, Quoted.of(id) + " is not a " + what + " of the practice");
        }

        private static Set<String> unique(List<String> ids, String field) {
            Set<String> seen = new HashSet<>();
            for (String id : ids) {
                if (!seen.add(id)) {
                    throw new InvalidInputException(field, Quoted.of(id) + " appears twice");
                }
            }
            return seen;
        }
    }
}

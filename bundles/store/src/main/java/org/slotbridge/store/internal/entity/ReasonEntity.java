package org.slotbridge.store.internal.entity;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

import org.slotbridge.api.Audience;
import org.slotbridge.api.Reason;
import org.slotbridge.api.ReasonRules;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.Timing;

/**
 * A reason. Its providers, rooms and blockout types are codes from outside (child tables); its
 * weekdays and windows have a fixed spelling and are kept as comma-separated columns. Its timing
 * columns are null where the practice's timing applies.
 */
@Entity
@Table(name = "reason")
public class ReasonEntity {

    private static final int GROUP_LENGTH = 100;
    private static final int TYPE_LENGTH = 100;
    private static final int PATTERN_LENGTH = 1440;

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "category", length = 200)
    private String category;

    @Column(name = "help_text", length = 2000)
    private String helpText;

    @Column(name = "minutes", nullable = false)
    private int minutes;

    @Column(name = "weekdays", nullable = false, length = 100)
    private String weekdays;

    @Column(name = "windows", nullable = false, length = 1000)
    private String windows;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reason_provider", joinColumns = @JoinColumn(name = "reason_id"))
    @Column(name = "provider_code", length = 100)
    private Set<String> providers = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reason_room", joinColumns = @JoinColumn(name = "reason_id"))
    @Column(name = "room_code", length = 100)
    private Set<String> rooms = new HashSet<>();

    @Column(name = "provider_group", length = GROUP_LENGTH)
    private String providerGroup;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience", nullable = false, length = 16)
    private Audience audience;

    @Column(name = "pattern", length = PATTERN_LENGTH)
    private String pattern;

    @Embedded
    private TimingColumns timing;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reason_blockout_type", joinColumns = @JoinColumn(name = "reason_id"))
    @Column(name = "blockout_type", length = TYPE_LENGTH)
    private Set<String> blockoutTypes = new HashSet<>();

    protected ReasonEntity() {
    }

    public ReasonEntity(String id, String practice, Reason reason) {
        this.id = id;
        this.practice = practice;
        this.code = reason.id();
        apply(reason);
    }

    public void apply(Reason reason) {
        name = reason.name();
        category = reason.category();
        helpText = reason.helpText();
        minutes = (int) reason.duration().toMinutes();
        weekdays = reason.weekdays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
        windows = reason.windows().stream().map(TimeWindow::toString).collect(Collectors.joining(","));
        replace(providers, reason.providerIds());
        replace(rooms, reason.roomIds());

        String field = "reasons[" + reason.id() + "]";
        ReasonRules rules = reason.rules();
        providerGroup = Lengths.fit(rules.providerGroup(), GROUP_LENGTH, field + ".providerGroup");
        validFrom = rules.validFrom();
        validUntil = rules.validUntil();
        audience = rules.audience();
        pattern = Lengths.fit(rules.pattern(), PATTERN_LENGTH, field + ".pattern");
        timing = new TimingColumns(rules.timing(), field + ".timing");
        rules.blockoutTypes().forEach(type -> Lengths.fit(type, TYPE_LENGTH, field + ".blockoutTypes"));
        replace(blockoutTypes, rules.blockoutTypes());
    }

    public Reason toReason() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        split(weekdays).forEach(day -> days.add(DayOfWeek.valueOf(day)));
        List<TimeWindow> spans = split(windows).stream().map(w -> TimeWindow.parse(w, "windows")).toList();
        // an embedded object whose columns are all null may be read back as null
        Timing own = timing == null ? Timing.INHERIT : timing.toTiming();
        ReasonRules rules = new ReasonRules(providerGroup, validFrom, validUntil, audience, Set.copyOf(blockoutTypes),
                pattern, own);
        return new Reason(code, name, category, helpText, Duration.ofMinutes(minutes), Set.copyOf(providers),
                Set.copyOf(rooms), days, spans, rules);
    }

    /** Changes a kept set to {@code wanted}, touching only the rows that differ. */
    private static void replace(Set<String> kept, Set<String> wanted) {
        kept.retainAll(wanted);
        kept.addAll(wanted);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}

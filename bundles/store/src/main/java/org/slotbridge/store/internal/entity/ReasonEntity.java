package org.slotbridge.store.internal.entity;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

import org.slotbridge.api.Reason;
import org.slotbridge.api.TimeWindow;

/**
 * A reason. Its providers and rooms are codes from outside (child tables); its weekdays and windows
 * have a fixed spelling and are kept as comma-separated columns.
 */
@Entity
@Table(name = "reason")
public class ReasonEntity {

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
        providers.clear();
        providers.addAll(reason.providerIds());
        rooms.clear();
        rooms.addAll(reason.roomIds());
    }

    public Reason toReason() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        split(weekdays).forEach(day -> days.add(DayOfWeek.valueOf(day)));
        List<TimeWindow> spans = split(windows).stream().map(w -> TimeWindow.parse(w, "windows")).toList();
        return new Reason(code, name, category, helpText, Duration.ofMinutes(minutes), Set.copyOf(providers),
                Set.copyOf(rooms), days, spans);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}

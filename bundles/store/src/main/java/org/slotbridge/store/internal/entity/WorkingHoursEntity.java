package org.slotbridge.store.internal.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.slotbridge.api.TimeWindow;

/**
 * One working window of a provider, on a weekday or on one date that differs from the week. A row
 * without a window marks a day explicitly off.
 */
@Entity
@Table(name = "working_hours")
public class WorkingHoursEntity {

    private static final int DAY_MINUTES = 24 * 60;

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Column(name = "provider_code", nullable = false, length = 100)
    private String providerCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "weekday", length = 9)
    private DayOfWeek weekday;

    @Column(name = "on_date")
    private LocalDate onDate;

    @Column(name = "start_minute")
    private Integer startMinute;

    @Column(name = "end_minute")
    private Integer endMinute;

    protected WorkingHoursEntity() {
    }

    private WorkingHoursEntity(String id, String practice, String providerCode, DayOfWeek weekday,
                               LocalDate onDate, TimeWindow window) {
        this.id = id;
        this.practice = practice;
        this.providerCode = providerCode;
        this.weekday = weekday;
        this.onDate = onDate;
        if (window != null) {
            startMinute = window.startMinute();
            endMinute = window.endMinute();
        }
    }

    /** A window on a weekday; a null window marks the weekday off. */
    public static WorkingHoursEntity weekly(String id, String practice, String providerCode, DayOfWeek day,
                                            TimeWindow window) {
        return new WorkingHoursEntity(id, practice, providerCode, day, null, window);
    }

    /** A window on one date; a null window marks the date off. */
    public static WorkingHoursEntity exception(String id, String practice, String providerCode, LocalDate date,
                                               TimeWindow window) {
        return new WorkingHoursEntity(id, practice, providerCode, null, date, window);
    }

    public String providerCode() {
        return providerCode;
    }

    /** The weekday of a weekly row; null for a date. */
    public DayOfWeek weekday() {
        return weekday;
    }

    /** The date of an exception row; null for a weekday. */
    public LocalDate onDate() {
        return onDate;
    }

    /** The window, or null for a day off. */
    public TimeWindow window() {
        if (startMinute == null || endMinute == null) {
            return null;
        }
        return new TimeWindow(time(startMinute), time(endMinute));
    }

    private static LocalTime time(int minute) {
        return minute >= DAY_MINUTES ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
    }
}

package org.slotbridge.store.internal.entity;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Timing;

/**
 * A {@link Timing} as the practice_rules and reason tables keep it: durations in whole minutes, fixed
 * starts as {@code HH:mm} joined by commas. A null column is a field left to the practice. An empty
 * start list ("the grid") is kept as {@value #NO_STARTS}, not as empty text, which some databases
 * and drivers read back as null.
 */
@Embeddable
public class TimingColumns {

    private static final String NO_STARTS = "-";

    @Column(name = "grid_minutes")
    private Integer gridMinutes;

    @Column(name = "fixed_starts", length = 8640)
    private String fixedStarts;

    @Column(name = "buffer_before_minutes")
    private Integer bufferBeforeMinutes;

    @Column(name = "buffer_after_minutes")
    private Integer bufferAfterMinutes;

    @Column(name = "notice_minutes")
    private Integer noticeMinutes;

    @Column(name = "horizon_days")
    private Integer horizonDays;

    @Column(name = "daily_cap")
    private Integer dailyCap;

    protected TimingColumns() {
    }

    /**
     * @param field where the timing sits, for the error when a duration does not fit the column
     */
    public TimingColumns(Timing timing, String field) {
        gridMinutes = minutes(timing.grid(), field + ".grid");
        List<LocalTime> starts = timing.starts();
        fixedStarts = starts == null ? null
                : starts.isEmpty() ? NO_STARTS
                : starts.stream().map(LocalTime::toString).collect(Collectors.joining(","));
        bufferBeforeMinutes = minutes(timing.bufferBefore(), field + ".bufferBefore");
        bufferAfterMinutes = minutes(timing.bufferAfter(), field + ".bufferAfter");
        noticeMinutes = minutes(timing.minimumNotice(), field + ".minimumNotice");
        horizonDays = timing.horizonDays();
        dailyCap = timing.dailyCap();
    }

    public Timing toTiming() {
        List<LocalTime> starts = fixedStarts == null ? null
                : fixedStarts.equals(NO_STARTS) ? List.of()
                : Arrays.stream(fixedStarts.split(",")).map(LocalTime::parse).toList();
        return new Timing(duration(gridMinutes), starts, duration(bufferBeforeMinutes), duration(bufferAfterMinutes),
                duration(noticeMinutes), horizonDays, dailyCap);
    }

    private static Integer minutes(Duration duration, String field) {
        if (duration == null) {
            return null;
        }
        if (duration.toMinutes() > Integer.MAX_VALUE) {
            throw new InvalidInputException(field, "is too long to store");
        }
        return (int) duration.toMinutes();
    }

    private static Duration duration(Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }
}

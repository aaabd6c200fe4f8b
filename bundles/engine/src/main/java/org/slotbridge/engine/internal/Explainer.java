package org.slotbridge.engine.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slotbridge.api.Explanation;
import org.slotbridge.api.Obstacle;
import org.slotbridge.api.Opening;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.engine.Claims;

/**
 * Judges one start of one reason with one provider by every rule of the search, and says for staff
 * what stands in the way (docs/openings.md, "Why not"). The check of a held opening uses it too, so
 * that what staff are told and what a client may hold never differ. The rules on busy time are
 * {@link BusyExplainer}'s.
 */
public final class Explainer {

    private final SearchPlan plan;
    private final BusyIndex index;
    private final Claims claims;
    private final Instant now;

    public Explainer(SearchPlan plan, BusyIndex index, Claims claims, Instant now) {
        this.plan = plan;
        this.index = index;
        this.claims = claims;
        this.now = now;
    }

    /**
     * The opening at {@code start} with the provider, or every obstacle. Busy time is looked at only
     * where the index covers it.
     *
     * @throws IllegalArgumentException when nothing else stands in the way and the index does not
     *                                  cover the visit and its buffers
     */
    public Explanation explain(String providerId, Instant start) {
        // Obstacles are listed in the order of the table in docs/openings.md.
        Case at = new Case(providerId, start);
        TimeWindow window = at.hours();
        at.time(window);
        at.reason();
        String room = new BusyExplainer(plan, index, claims, at.words).explain(providerId, start, at.obstacles);
        at.dailyCap();
        if (!at.obstacles.isEmpty()) {
            return new Explanation(null, at.obstacles);
        }
        return new Explanation(new Opening(plan.reason().id(), providerId, room, start, at.end), List.of());
    }

    /** One start being judged, and what has been found against it. */
    private final class Case {
        private final String provider;
        private final Instant start;
        private final Instant end;
        private final LocalDate date;
        private final int minute;
        private final boolean wholeMinute;
        private final DayClock clock;
        private final Words words;
        private final List<Obstacle> obstacles = new ArrayList<>();

        Case(String provider, Instant start) {
            this.provider = provider;
            this.start = start;
            this.end = start.plusSeconds(plan.durationSeconds());
            LocalDateTime wall = LocalDateTime.ofInstant(start, plan.zone());
            this.date = wall.toLocalDate();
            this.minute = wall.getHour() * 60 + wall.getMinute();
            this.wholeMinute = wall.getSecond() == 0 && wall.getNano() == 0;
            this.clock = DayClock.of(plan.zoneRules(), date);
            this.words = new Words(plan.zone(), date, clock.isSteady(), plan.unitSeconds());
        }

        private void add(String code, String detail) {
            obstacles.add(new Obstacle(code, detail));
        }

        /** Closed, no hours, outside hours, a break; the working window of the start, or null. */
        TimeWindow hours() {
            if (plan.closed(date)) {
                add("closed", "the practice is closed on " + date);
            }
            List<TimeWindow> windows = plan.windows(provider, date);
            if (windows.isEmpty()) {
                add("no_hours", plan.hasHours(provider)
                        ? provider + " does not work on " + weekday(date.getDayOfWeek()) + " " + date
                        : provider + " has no working hours");
                return null;
            }
            int at = 0;
            while (at < windows.size() && windows.get(at).endMinute() <= minute) {
                at++;
            }
            if (at == windows.size() || windows.get(at).startMinute() > minute) {
                if (at > 0 && at < windows.size()) {
                    add("break", words.time(start) + " falls in " + provider + "'s break "
                            + between(windows.get(at - 1), windows.get(at)));
                } else {
                    add("outside_hours", words.time(start) + " is outside " + provider + "'s working hours on "
                            + date + ": " + Words.windows(windows));
                }
                return null;
            }
            TimeWindow window = windows.get(at);
            long from = start.getEpochSecond();
            if (!clock.keepsWithin(from, from + plan.durationSeconds(), window.startMinute(), window.endMinute())) {
                String visit = "the visit from " + words.time(start) + " to " + words.time(end);
                if (at + 1 < windows.size()) {
                    add("break", visit + " would run into " + provider + "'s break "
                            + between(window, windows.get(at + 1)));
                } else {
                    add("outside_hours", visit + " would leave " + provider + "'s working window " + window);
                }
            }
            return window;
        }

        /** Not a whole minute, off the grid, too soon, before today or beyond the horizon. */
        void time(TimeWindow window) {
            if (!wholeMinute) {
                add("no_such_time", "the clock shows " + words.time(start) + " at that instant, not a whole minute");
            } else if (window != null && !plan.onGrid(minute, window.startMinute())) {
                add("off_grid", words.time(start) + (plan.fixedStarts()
                        ? " is not one of the fixed start times "
                                + plan.starts().stream().map(Object::toString).collect(Collectors.joining(", "))
                        : " is not on the " + plan.gridMinutes() + "-minute grid counted from " + window.start()));
            }
            Instant earliest = now.plus(plan.minimumNotice());
            if (start.isBefore(earliest)) {
                add("notice", words.time(start) + " is sooner than the minimum notice of "
                        + plan.minimumNotice().toMinutes() + " minutes allows: the first start is "
                        + words.time(earliest));
            }
            LocalDate today = LocalDate.ofInstant(now, plan.zone());
            if (date.isBefore(today)) {
                add("horizon", date + " is before today, " + today);
            } else if (date.isAfter(today.plusDays(plan.horizonDays()))) {
                add("horizon", date + " is more than " + plan.horizonDays() + " days after today, " + today);
            }
        }

        void dailyCap() {
            if (plan.dailyCap() > 0) {
                int booked = plan.bookedOn(claims.booked(), provider, date);
                if (booked >= plan.dailyCap()) {
                    add("daily_cap", provider + " has " + booked + " online bookings on " + date
                            + ", and the reason allows " + plan.dailyCap());
                }
            }
        }

        /** The reason's providers, weekdays, windows and validity. */
        void reason() {
            String reasonId = plan.reason().id();
            if (!plan.allowsProvider(provider)) {
                add("reason_provider", "the reason " + reasonId + " is not seen by " + provider);
            }
            if (!plan.onWeekday(date)) {
                add("reason_weekday", "the reason " + reasonId + " is not offered on " + weekday(date.getDayOfWeek()));
            }
            if (!plan.reasonAllows(minute)) {
                add("reason_window", "the reason " + reasonId + " may start only within "
                        + Words.windows(plan.reason().windows()));
            }
            if (!plan.valid(date)) {
                LocalDate from = plan.reason().rules().validFrom();
                LocalDate until = plan.reason().rules().validUntil();
                add("reason_validity", "the reason " + reasonId + " may be booked only "
                        + (from == null ? "until " + until : until == null ? "from " + from : "from " + from
                        + " to " + until));
            }
        }
    }

    private static String between(TimeWindow before, TimeWindow after) {
        return "from " + Words.minute(before.endMinute()) + " to " + Words.minute(after.startMinute());
    }

    private static String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}

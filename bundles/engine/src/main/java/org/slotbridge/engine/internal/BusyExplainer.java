package org.slotbridge.engine.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.slotbridge.api.Obstacle;
import org.slotbridge.api.Opening;
import org.slotbridge.engine.Claims;

/**
 * The obstacles of busy time to one start: appointments, blockouts and holds while the provider is
 * needed, anything in the buffers, and rooms. Spans are widened to units as the index keeps them,
 * which is exactly how the search reads them.
 */
final class BusyExplainer {

    private final SearchPlan plan;
    private final BusyIndex index;
    private final Claims claims;
    private final Words words;

    BusyExplainer(SearchPlan plan, BusyIndex index, Claims claims, Words words) {
        this.plan = plan;
        this.index = index;
        this.claims = claims;
        this.words = words;
    }

    /**
     * Adds what keeps the provider or every room busy to {@code obstacles}, and returns the room the
     * opening would take, or null.
     *
     * @throws IllegalArgumentException when the index does not cover the visit with its buffers and
     *                                  {@code obstacles} is empty, so that the answer would be wrong
     */
    String explain(String provider, Instant start, List<Obstacle> obstacles) {
        long second = start.getEpochSecond();
        long unit = index.floorUnit(second);
        // A start within a unit reaches into one more unit at the end.
        int extra = second % plan.unitSeconds() == 0 && start.getNano() == 0 ? 0 : 1;
        long from = unit - plan.bufferBeforeUnits();
        long to = unit + plan.durationUnits() + plan.bufferAfterUnits() + extra;
        if (!index.covers(from * plan.unitSeconds(), to * plan.unitSeconds())) {
            if (obstacles.isEmpty()) {
                throw new IllegalArgumentException("the index covers " + index.from() + " to " + index.to()
                        + ", not the visit at " + start + " with its buffers");
            }
            return null;
        }
        BusyReport report = index.report(provider, plan.rooms(), plan.usableTypes(), from, to);
        List<Span> holds = holds(provider, null);
        int[] runs = plan.visitRuns();
        List<Span> needed = new ArrayList<>();
        for (int i = 0; i < runs.length; i += 2) {
            needed.add(new Span(unit + runs[i], unit + runs[i + 1] + extra, null));
        }
        List<Span> appointments = within(report.appointments(), needed);
        if (!appointments.isEmpty()) {
            obstacles.add(new Obstacle("appointment", provider + " has an appointment " + words.spans(appointments)));
        }
        List<Span> blockouts = within(report.blockouts(), needed);
        if (!blockouts.isEmpty()) {
            obstacles.add(new Obstacle("blockout", provider + " has a blockout " + blockouts.stream()
                    .map(s -> words.units(s.from(), s.to()) + (s.label() == null ? "" : " (" + s.label() + ")"))
                    .collect(Collectors.joining(" and "))));
        }
        List<Span> held = within(holds, needed);
        if (!held.isEmpty()) {
            obstacles.add(new Obstacle("hold", "a hold takes " + provider + " " + words.spans(held)));
        }
        buffers(provider, unit, extra, report, holds, obstacles);
        return room(from, to, report, obstacles);
    }

    private void buffers(String provider, long unit, int extra, BusyReport report, List<Span> holds,
                         List<Obstacle> obstacles) {
        List<Span> busy = new ArrayList<>();
        // Whatever keeps the provider busy in a buffer is told as busy time, without its kind.
        for (List<Span> kind : List.of(report.appointments(), report.blockouts(), holds)) {
            kind.forEach(s -> busy.add(new Span(s.from(), s.to(), null)));
        }
        int before = plan.bufferBeforeUnits();
        if (before > 0) {
            buffer(provider, busy, new Span(unit - before, unit + extra, null), before, "before", obstacles);
        }
        int after = plan.bufferAfterUnits();
        if (after > 0) {
            long end = unit + plan.durationUnits();
            buffer(provider, busy, new Span(end, end + after + extra, null), after, "after", obstacles);
        }
    }

    private void buffer(String provider, List<Span> busy, Span buffer, int units, String side,
                        List<Obstacle> obstacles) {
        List<Span> clash = within(busy, List.of(buffer));
        if (!clash.isEmpty()) {
            obstacles.add(new Obstacle("buffer", provider + " is busy " + words.spans(clash) + ", within the "
                    + units * plan.unitSeconds() / 60 + "-minute buffer " + side + " the visit"));
        }
    }

    private String room(long from, long to, BusyReport report, List<Obstacle> obstacles) {
        List<String> rooms = plan.rooms();
        if (rooms.isEmpty()) {
            return null;
        }
        List<Span> needed = List.of(new Span(from, to, null));
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < rooms.size(); i++) {
            List<Span> busy = new ArrayList<>(report.rooms().get(i));
            busy.addAll(holds(null, rooms.get(i)));
            List<Span> clash = within(busy, needed);
            if (clash.isEmpty()) {
                return rooms.get(i);
            }
            taken.add(rooms.get(i) + " is busy " + words.spans(clash));
        }
        obstacles.add(new Obstacle("room", "no room of the reason is free " + words.units(from, to) + ": "
                + String.join("; ", taken)));
        return null;
    }

    /** The holds on the provider, or on the room, as spans of units. */
    private List<Span> holds(String provider, String room) {
        List<Span> spans = new ArrayList<>();
        for (Opening hold : claims.held()) {
            boolean takes = provider != null ? provider.equals(hold.providerId()) : room.equals(hold.roomId());
            if (takes) {
                spans.add(new Span(index.floorUnit(hold.start().getEpochSecond()),
                        index.ceilUnit(Search.ceilSecond(hold.end())), null));
            }
        }
        return spans;
    }

    /** The spans that share a unit with any of {@code needed}, merged where they overlap. */
    private static List<Span> within(List<Span> spans, List<Span> needed) {
        List<Span> found = new ArrayList<>();
        for (Span span : spans) {
            if (needed.stream().anyMatch(need -> span.from() < need.to() && need.from() < span.to())) {
                found.add(span);
            }
        }
        found.sort(Comparator.comparingLong(Span::from));
        List<Span> merged = new ArrayList<>();
        for (Span span : found) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span.from() <= last.to() && Objects.equals(last.label(), span.label())) {
                merged.set(merged.size() - 1, new Span(last.from(), Math.max(last.to(), span.to()), last.label()));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }
}

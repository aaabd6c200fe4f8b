package org.slotbridge.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Reason;
import org.slotbridge.api.WorkingHours;

/**
 * One random search, made by {@link GeneratedPractices} from a seed: a practice, its schedule copy as
 * final lists (for the reference) and as the changes that build the engine's index (adds, and adds
 * undone by removes), the claims, the reason searched, the preferences and the moment.
 *
 * @param seed         repeats the scenario with {@code -Dslotbridge.engine.seed=}
 * @param config       the practice's checked configuration
 * @param appointments the schedule copy's appointments after every change
 * @param blockouts    its blockouts after every change
 * @param claims       holds and online bookings
 * @param changes      what is applied to the index, in order
 * @param indexFrom    the first instant the index covers
 * @param indexTo      the first instant it no longer covers
 * @param reasonId     the reason searched
 * @param preferences  the client's preferences
 * @param now          the moment of the search
 */
record GeneratedPractice(long seed, PracticeConfig config, List<Appointment> appointments, List<Blockout> blockouts,
                         Claims claims, List<Change> changes, Instant indexFrom, Instant indexTo, String reasonId,
                         Preferences preferences, Instant now) {

    /** One change applied to the index: an add or a remove of an appointment or a blockout. */
    record Change(boolean add, Object item) {

        void applyTo(ScheduleIndex index) {
            if (item instanceof Appointment appointment) {
                if (add) {
                    index.add(appointment);
                } else {
                    index.remove(appointment);
                }
            } else if (add) {
                index.add((Blockout) item);
            } else {
                index.remove((Blockout) item);
            }
        }

        @Override
        public String toString() {
            String id = item instanceof Appointment a ? a.pmsId() : ((Blockout) item).pmsId();
            return (add ? "+" : "-") + id;
        }
    }

    /** The engine's view: the index built change by change. */
    Schedule schedule() {
        ScheduleIndex index = new ScheduleIndex(config.rules().unitMinutes(), indexFrom, indexTo);
        changes.forEach(change -> change.applyTo(index));
        return new Schedule(config, index, claims);
    }

    /** The reference's view: the final lists. */
    ReferenceFinder reference() {
        return new ReferenceFinder(config, appointments, blockouts, claims);
    }

    ZoneId zone() {
        return config.practice().zone();
    }

    /** Everything needed to read the scenario, with local times next to instants. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("seed ").append(seed).append(" (repeat with -Dslotbridge.engine.seed=").append(seed).append(")\n");
        text.append("  zone ").append(zone()).append(", now ").append(local(now)).append('\n');
        text.append("  rules ").append(config.rules()).append('\n');
        text.append("  providers ").append(config.providers().stream().map(p -> p.id()).toList())
                .append(", rooms ").append(config.rooms().stream().map(r -> r.id()).toList()).append('\n');
        for (WorkingHours h : config.hours()) {
            text.append("  hours ").append(h.providerId()).append(" weekly ").append(h.weekly())
                    .append(" exceptions ").append(h.exceptions()).append('\n');
        }
        for (Reason reason : config.reasons()) {
            text.append(reason.id().equals(reasonId) ? "  * " : "    ").append(reason).append('\n');
        }
        text.append("  preferences ").append(preferences).append('\n');
        for (Appointment a : appointments) {
            text.append("  appointment ").append(a.pmsId()).append(' ').append(a.providerId()).append('/')
                    .append(a.roomId()).append(' ').append(local(a.start())).append(" - ").append(local(a.end()))
                    .append(' ').append(a.status()).append('\n');
        }
        for (Blockout b : blockouts) {
            text.append("  blockout ").append(b.pmsId()).append(' ').append(b.providerId()).append(" type ")
                    .append(b.type()).append(' ').append(local(b.start())).append(" - ").append(local(b.end()))
                    .append('\n');
        }
        text.append("  held ").append(openings(claims.held())).append('\n');
        text.append("  booked ").append(openings(claims.booked())).append('\n');
        text.append("  index ").append(indexFrom).append(" - ").append(indexTo).append(" changes ").append(changes);
        return text.toString();
    }

    String local(Instant instant) {
        return instant + " (" + LocalDateTime.ofInstant(instant, zone()) + ")";
    }

    private String openings(List<Opening> openings) {
        return openings.stream().map(o -> o.reasonId() + ":" + o.providerId() + "/" + o.roomId() + " "
                + local(o.start()) + " - " + local(o.end())).collect(Collectors.joining(", ", "[", "]"));
    }
}

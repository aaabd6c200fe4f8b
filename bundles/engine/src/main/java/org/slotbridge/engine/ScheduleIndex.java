package org.slotbridge.engine;

import java.time.Instant;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.Blockout;
import org.slotbridge.engine.internal.BusyIndex;

/**
 * The busy time of one practice's schedule copy, kept between searches and changed in place as sync
 * applies each change, so that a change never costs a rebuild.
 *
 * <p>It covers the real time from {@link #from()} to {@link #to()}; busy time outside is dropped.
 * Busy time is kept in whole units of the practice, widened outwards, which answers exactly for the
 * only spans a search asks about: spans that start and end on units. A search over local dates
 * {@code first} to {@code last} reads from the UTC start of the day before {@code first}, less the
 * reason's buffer before, to the UTC end of the day after {@code last}, plus its buffer after; an
 * index for searches up to the horizon therefore covers from the UTC start of yesterday to the UTC
 * end of the day after today plus the horizon, widened by the longest buffers.
 *
 * <p>Thread-safe: changes may run while searches read; a search sees each change whole or not at all.
 */
public final class ScheduleIndex {

    private final int unitMinutes;
    private final BusyIndex busy;

    /**
     * An empty index.
     *
     * @param unitMinutes the practice's unit
     * @param from        the first instant covered
     * @param to          the first instant no longer covered, after {@code from}
     * @throws IllegalArgumentException when the unit does not divide an hour or {@code to} is not after {@code from}
     */
    public ScheduleIndex(int unitMinutes, Instant from, Instant to) {
        this.unitMinutes = unitMinutes;
        this.busy = new BusyIndex(unitMinutes, from, to);
    }

    public int unitMinutes() {
        return unitMinutes;
    }

    public Instant from() {
        return busy.from();
    }

    public Instant to() {
        return busy.to();
    }

    /** Adds an appointment's time to its provider and its room; one that does not take time is ignored. */
    public void add(Appointment appointment) {
        if (appointment.status().takesTime()) {
            busy.addAppointment(appointment.providerId(), appointment.roomId(), appointment.start(), appointment.end());
        }
    }

    /**
     * Removes what {@link #add(Appointment)} added for an equal appointment (same provider, room,
     * start, end and status); other appointments over the same time stay busy.
     */
    public void remove(Appointment appointment) {
        if (appointment.status().takesTime()) {
            busy.removeAppointment(appointment.providerId(), appointment.roomId(), appointment.start(),
                    appointment.end());
        }
    }

    /** Adds a blockout to its provider, or to every provider when it names none. */
    public void add(Blockout blockout) {
        busy.addBlockout(blockout.providerId(), blockout.type(), blockout.start(), blockout.end());
    }

    /** Removes what {@link #add(Blockout)} added for an equal blockout. */
    public void remove(Blockout blockout) {
        busy.removeBlockout(blockout.providerId(), blockout.type(), blockout.start(), blockout.end());
    }

    BusyIndex busy() {
        return busy;
    }
}

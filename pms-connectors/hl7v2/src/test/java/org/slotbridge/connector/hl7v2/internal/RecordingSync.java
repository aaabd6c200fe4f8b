package org.slotbridge.connector.hl7v2.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.Blockout;
import org.slotbridge.api.Client;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Patient;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Room;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.InboxJournal.Mark;
import org.slotbridge.api.service.ScheduleSync;

/**
 * A schedule copy that only records what it was asked, in order. The messages it is given are recorded in the
 * real {@link #journal}, after their writes rather than with them.
 */
class RecordingSync implements ScheduleSync {

    final List<String> calls = new ArrayList<>();
    final List<Appointment> appointments = new ArrayList<>();
    final List<String> cancelled = new ArrayList<>();
    final List<String> noShows = new ArrayList<>();
    final List<Client> clients = new ArrayList<>();
    final List<Patient> patients = new ArrayList<>();
    final List<Provider> providers = new ArrayList<>();
    final List<Room> rooms = new ArrayList<>();
    /** Appointment ids that cancel and no-show calls report as known. */
    final Set<String> known = new HashSet<>();
    /** Where {@link #applyMessage} records each message. */
    InboxJournal journal;

    @Override
    public synchronized void appointment(String slug, Appointment appointment) {
        calls.add(slug + " appointment " + appointment.pmsId());
        appointments.add(appointment);
        known.add(appointment.pmsId());
    }

    @Override
    public synchronized boolean cancelAppointment(String slug, String pmsId) {
        calls.add(slug + " cancel " + pmsId);
        cancelled.add(pmsId);
        return known.contains(pmsId);
    }

    @Override
    public synchronized boolean noShow(String slug, String pmsId) {
        calls.add(slug + " noShow " + pmsId);
        noShows.add(pmsId);
        return known.contains(pmsId);
    }

    @Override
    public synchronized void blockout(String slug, Blockout blockout) {
        calls.add(slug + " blockout " + blockout.pmsId());
    }

    @Override
    public synchronized boolean removeBlockout(String slug, String pmsId) {
        calls.add(slug + " removeBlockout " + pmsId);
        return false;
    }

    @Override
    public synchronized void client(String slug, Client client) {
        calls.add(slug + " client " + client.pmsId());
        clients.add(client);
    }

    @Override
    public synchronized void patient(String slug, Patient patient) {
        calls.add(slug + " patient " + patient.pmsId());
        patients.add(patient);
    }

    @Override
    public synchronized void provider(String slug, Provider provider) {
        calls.add(slug + " provider " + provider.id());
        providers.add(provider);
    }

    @Override
    public synchronized void room(String slug, Room room) {
        calls.add(slug + " room " + room.id());
        rooms.add(room);
    }

    synchronized Appointment lastAppointment() {
        return appointments.get(appointments.size() - 1);
    }

    @Override
    public <T> T applyMessage(Mark mark, Function<ScheduleSync, T> writes) {
        T result = writes.apply(this);
        if (!journal.advance(mark.file(), mark.message(), InboxJournal.Result.APPLIED)) {
            throw new ConflictException(InboxJournal.ALREADY_RECORDED, "recorded before");
        }
        return result;
    }
}

package org.slotbridge.store;

import org.osgi.annotation.versioning.ProviderType;

/** The repositories of one transaction; valid only inside the {@link Store} call that gave it. */
@ProviderType
public interface StoreSession {

    /** Practices, providers, rooms, reasons and working hours. */
    PracticeRepository practices();

    /** Appointments and blockouts of the schedule copy. */
    ScheduleRepository schedule();

    /** Clients and patients. */
    ClientRepository clients();

    /** Holds and the time units they claim. */
    HoldRepository holds();

    /** Requests. */
    RequestRepository requests();

    /** Staff accounts. */
    StaffRepository staff();

    /** Idempotency keys of submissions and their answers. */
    IdempotencyRepository idempotency();

    /** How far connectors got with the files of their inboxes. */
    InboxJournalRepository inboxJournal();

    /** The changes of requests, until the practice's connector has delivered them. */
    RequestEventRepository requestEvents();
}

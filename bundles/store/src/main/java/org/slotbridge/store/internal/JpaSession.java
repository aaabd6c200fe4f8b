package org.slotbridge.store.internal;

import javax.persistence.EntityManager;

import org.slotbridge.store.ClientRepository;
import org.slotbridge.store.HoldRepository;
import org.slotbridge.store.IdempotencyRepository;
import org.slotbridge.store.InboxJournalRepository;
import org.slotbridge.store.PracticeRepository;
import org.slotbridge.store.RequestEventRepository;
import org.slotbridge.store.RequestRepository;
import org.slotbridge.store.ScheduleRepository;
import org.slotbridge.store.StaffRepository;
import org.slotbridge.store.StoreSession;

/** The repositories of one transaction, all on its entity manager. */
final class JpaSession implements StoreSession {

    private final JpaPracticeRepository practices;
    private final JpaScheduleRepository schedule;
    private final JpaClientRepository clients;
    private final JpaHoldRepository holds;
    private final JpaRequestRepository requests;
    private final JpaStaffRepository staff;
    private final JpaIdempotencyRepository idempotency;
    private final JpaInboxJournalRepository inboxJournal;
    private final JpaRequestEventRepository requestEvents;
    private final Counters counters;

    JpaSession(EntityManager em) {
        counters = new Counters(em);
        practices = new JpaPracticeRepository(em, counters);
        schedule = new JpaScheduleRepository(em, practices, counters);
        clients = new JpaClientRepository(em, practices);
        holds = new JpaHoldRepository(em);
        requests = new JpaRequestRepository(em, clients);
        staff = new JpaStaffRepository(em, practices);
        idempotency = new JpaIdempotencyRepository(em);
        inboxJournal = new JpaInboxJournalRepository(em, practices);
        requestEvents = new JpaRequestEventRepository(em, requests);
    }

    /** Writes what must be written last, just before the transaction commits. */
    void beforeCommit() {
        counters.beforeCommit();
    }

    @Override
    public PracticeRepository practices() {
        return practices;
    }

    @Override
    public ScheduleRepository schedule() {
        return schedule;
    }

    @Override
    public ClientRepository clients() {
        return clients;
    }

    @Override
    public HoldRepository holds() {
        return holds;
    }

    @Override
    public RequestRepository requests() {
        return requests;
    }

    @Override
    public StaffRepository staff() {
        return staff;
    }

    @Override
    public IdempotencyRepository idempotency() {
        return idempotency;
    }

    @Override
    public InboxJournalRepository inboxJournal() {
        return inboxJournal;
    }

    @Override
    public RequestEventRepository requestEvents() {
        return requestEvents;
    }
}

package org.slotbridge.store.internal;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.store.Store;

/**
 * The inbox journal on the store, each call its own transaction. Messages recorded with their writes go
 * through {@code ScheduleSync.applyMessage} and the store session's journal instead.
 */
@Component(service = InboxJournal.class)
public final class InboxJournalService implements InboxJournal {

    private final Store store;
    private final Clock clock;

    @Activate
    public InboxJournalService(@Reference(name = "store") Store store) {
        this(store, Clock.systemUTC());
    }

    public InboxJournalService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Progress progress(InboxFile file) {
        return store.call(session -> session.inboxJournal().progress(file));
    }

    @Override
    public boolean advance(InboxFile file, int message, Result result) {
        return store.call(session -> session.inboxJournal().advance(file, message, result, clock.instant()));
    }

    @Override
    public void finish(InboxFile file) {
        store.run(session -> session.inboxJournal().finish(file, clock.instant()));
    }
}

package org.slotbridge.connector.hl7v2.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.InboxJournal.InboxFile;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.Fixtures;
import org.slotbridge.store.internal.InboxJournalService;
import org.slotbridge.store.internal.TestDatabase;

/** The real inbox journal on the store's test database, which holds the practice of {@link FixedDirectory}. */
final class TestJournal {

    private static final AtomicInteger FILES = new AtomicInteger();

    private TestJournal() {
    }

    /** A journal of no file, on an emptied database. */
    static InboxJournal fresh() {
        return new InboxJournalService(freshStore());
    }

    /** An emptied database with the practice of {@link FixedDirectory}. */
    static Store freshStore() {
        Store store = TestDatabase.clean().store();
        Fixtures.setUp(store, FixedDirectory.SLUG, NewClientPolicy.WELCOME);
        return store;
    }

    /** A file of a name never used before, so that every text applied is applied in full. */
    static InboxFile newFile(String text) {
        return new InboxFile(FixedDirectory.SLUG, Hl7v2Status.CONNECTOR, "file-" + FILES.incrementAndGet() + ".hl7",
                InboxProcessor.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
}

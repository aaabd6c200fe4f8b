package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.InboxJournal.InboxFile;
import org.slotbridge.api.service.InboxJournal.Progress;
import org.slotbridge.api.service.InboxJournal.Result;
import org.slotbridge.store.InboxJournalRepository;
import org.slotbridge.store.Store;

/** The inbox journal on the real store: progress, order, scoping, rollback, forgetting, and racing readers. */
class InboxJournalTest {

    private static final String SLUG = Fixtures.SLUG;
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final String HASH = "a".repeat(64);
    private static final InboxFile FILE = new InboxFile(SLUG, "hl7v2", "daily.hl7", HASH);

    private Store store;
    private InboxJournal journal;

    @BeforeEach
    void setUp() {
        store = TestDatabase.clean().store();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
        journal = new InboxJournalService(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aFileIsUnknownThenHandledMessageByMessageThenFinished() {
        assertEquals(Progress.NONE, journal.progress(FILE));

        assertTrue(journal.advance(FILE, 1, Result.APPLIED));
        assertTrue(journal.advance(FILE, 2, Result.FAILED));
        assertTrue(journal.advance(FILE, 3, Result.APPLIED));
        assertTrue(journal.advance(FILE, 4, Result.SKIPPED));
        assertEquals(new Progress(4, 2, 1, 1, false), journal.progress(FILE));

        journal.finish(FILE);
        assertEquals(new Progress(4, 2, 1, 1, true), journal.progress(FILE));
        assertFalse(journal.advance(FILE, 5, Result.APPLIED), "a finished file takes no more messages");
        assertEquals(new Progress(4, 2, 1, 1, true), journal.progress(FILE));
    }

    @Test
    void aMessageIsRecordedOnceAndNoneIsLeftOut() {
        assertTrue(journal.advance(FILE, 1, Result.APPLIED));
        assertFalse(journal.advance(FILE, 1, Result.APPLIED), "message 1 is recorded already");

        InvalidInputException gap = assertThrows(InvalidInputException.class,
                () -> journal.advance(FILE, 3, Result.APPLIED));
        assertEquals("message", gap.field());
        assertThrows(InvalidInputException.class, () -> journal.advance(new InboxFile(SLUG, "hl7v2", "new.hl7",
                HASH), 2, Result.APPLIED), "a file starts at message 1");

        assertTrue(journal.advance(FILE, 2, Result.SKIPPED));
        assertEquals(new Progress(2, 1, 1, 0, false), journal.progress(FILE));
    }

    @Test
    void aFileIsKnownByPracticeConnectorNameAndContent() {
        Fixtures.setUp(store, "hillside", NewClientPolicy.WELCOME);
        assertTrue(journal.advance(FILE, 1, Result.APPLIED));
        journal.finish(FILE);

        assertEquals(Progress.NONE, journal.progress(new InboxFile(SLUG, "hl7v2", "daily.hl7", "b".repeat(64))),
                "the same name with other bytes is another file");
        assertEquals(Progress.NONE, journal.progress(new InboxFile(SLUG, "hl7v2", "other.hl7", HASH)),
                "the same bytes under another name are another file");
        assertEquals(Progress.NONE, journal.progress(new InboxFile(SLUG, "csv", "daily.hl7", HASH)));
        assertEquals(Progress.NONE, journal.progress(new InboxFile("hillside", "hl7v2", "daily.hl7", HASH)),
                "another practice sees nothing of this one's files");

        InboxFile theirs = new InboxFile("hillside", "hl7v2", "daily.hl7", HASH);
        assertTrue(journal.advance(theirs, 1, Result.FAILED));
        assertEquals(new Progress(1, 0, 0, 1, false), journal.progress(theirs));
        assertEquals(new Progress(1, 1, 0, 0, true), journal.progress(FILE));
    }

    @Test
    void aFileOfAnUnknownPracticeIsNotRecorded() {
        InboxFile stray = new InboxFile("nowhere", "hl7v2", "daily.hl7", HASH);
        assertThrows(NotFoundException.class, () -> journal.advance(stray, 1, Result.APPLIED));
        assertEquals(Progress.NONE, journal.progress(stray));
    }

    @Test
    void aRecordRollsBackWithTheWritesOfItsTransaction() {
        assertThrows(IllegalStateException.class, () -> store.run(session -> {
            session.inboxJournal().advance(FILE, 1, Result.APPLIED, NOW);
            throw new IllegalStateException("the message's writes failed");
        }));
        assertEquals(Progress.NONE, journal.progress(FILE));

        store.run(session -> {
            assertTrue(session.inboxJournal().advance(FILE, 1, Result.APPLIED, NOW));
            assertTrue(session.inboxJournal().advance(FILE, 2, Result.APPLIED, NOW));
            assertEquals(new Progress(2, 2, 0, 0, false), session.inboxJournal().progress(FILE));
        });
        assertEquals(new Progress(2, 2, 0, 0, false), journal.progress(FILE));
    }

    @Test
    void finishedFilesAreForgottenAfterThirtyDaysOldestFirstAndUnfinishedOnesAreKept() {
        InboxFile unfinished = new InboxFile(SLUG, "hl7v2", "stuck.hl7", HASH);
        journal.advance(unfinished, 1, Result.APPLIED);
        journal.advance(FILE, 1, Result.APPLIED);
        journal.finish(FILE);
        InboxFile later = new InboxFile(SLUG, "hl7v2", "later.hl7", HASH);
        new InboxJournalService(store, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC)).finish(later);
        assertEquals(new Progress(0, 0, 0, 0, true), journal.progress(later), "a file of no message finishes too");

        Instant kept = NOW.plus(InboxJournalRepository.KEPT);
        assertEquals(0, sweep(kept.minusMillis(1), 10));
        assertEquals(1, sweep(kept.plusSeconds(60), 1));
        assertEquals(Progress.NONE, journal.progress(FILE), "the file finished first goes first");
        assertTrue(journal.progress(later).finished());

        assertEquals(1, sweep(kept.plusSeconds(60), 10));
        assertEquals(Progress.NONE, journal.progress(later));
        assertEquals(new Progress(1, 1, 0, 0, false), journal.progress(unfinished));
        assertEquals(0, sweep(kept.plus(InboxJournalRepository.KEPT), 10));
        assertThrows(IllegalArgumentException.class, () -> sweep(kept, 0));
    }

    @Test
    void filesAreNamedByRules() {
        assertThrows(InvalidInputException.class, () -> new InboxFile(SLUG, "hl7v2", "", HASH));
        assertThrows(InvalidInputException.class, () -> new InboxFile(SLUG, "hl7v2", "n".repeat(256), HASH));
        assertThrows(InvalidInputException.class, () -> new InboxFile(SLUG, "hl7v2", "a.hl7", "A".repeat(64)));
        assertThrows(InvalidInputException.class, () -> new InboxFile(SLUG, "HL7 v2", "a.hl7", HASH));
        assertThrows(InvalidInputException.class, () -> new InboxFile("No Slug", "hl7v2", "a.hl7", HASH));

        InboxFile longest = new InboxFile(SLUG, "hl7v2", "n".repeat(InboxJournal.NAME_MAX), HASH);
        assertTrue(journal.advance(longest, 1, Result.APPLIED));
        assertEquals(1, journal.progress(longest).through());
    }

    @Test
    void messagesCountFromOne() {
        assertThrows(InvalidInputException.class, () -> journal.advance(FILE, 0, Result.APPLIED));
        assertThrows(InvalidInputException.class, () -> new InboxJournal.Mark(FILE, 0));
        assertEquals(Progress.NONE, journal.progress(FILE));
    }

    /** Readers of one file recording the same message at once: exactly one records each message. */
    @Test
    void ofManyThreadsRecordingOneMessageExactlyOneDoes() throws Exception {
        int threads = 8;
        int messages = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int message = 1; message <= messages; message++) {
                int number = message;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> runs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        try {
                            return journal.advance(FILE, number, Result.APPLIED);
                        } catch (ConflictException e) {
                            assertTrue(e.code().equals(InboxJournal.ALREADY_RECORDED) || e.code().equals("busy"),
                                    e.code());
                            return false;
                        }
                    }));
                }
                start.countDown();
                int recorded = 0;
                for (Future<Boolean> run : runs) {
                    recorded += run.get(2, TimeUnit.MINUTES) ? 1 : 0;
                }
                assertEquals(1, recorded, "message " + number + " was recorded " + recorded + " times");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(new Progress(messages, messages, 0, 0, false), journal.progress(FILE));
    }

    private int sweep(Instant now, int atMost) {
        return store.call(s -> s.inboxJournal().sweep(now, atMost));
    }
}

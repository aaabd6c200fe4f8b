package org.slotbridge.store.internal;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import javax.persistence.Query;

import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.InboxJournal.InboxFile;
import org.slotbridge.api.service.InboxJournal.Progress;
import org.slotbridge.api.service.InboxJournal.Result;
import org.slotbridge.store.InboxJournalRepository;
import org.slotbridge.store.internal.entity.InboxFileEntity;
import org.slotbridge.store.internal.entity.InboxFileKey;

/** The inbox journal on {@code inbox_file}; a row is scoped by its practice, part of its key. */
final class JpaInboxJournalRepository implements InboxJournalRepository {

    private static final String OLDEST = "SELECT practice, connector, file_name, sha256 FROM inbox_file"
            + " WHERE finished_at <= ? ORDER BY finished_at";
    private static final String DELETE = "DELETE FROM inbox_file"
            + " WHERE practice = ? AND connector = ? AND file_name = ? AND sha256 = ?";

    private final EntityManager em;
    private final JpaPracticeRepository practices;

    JpaInboxJournalRepository(EntityManager em, JpaPracticeRepository practices) {
        this.em = em;
        this.practices = practices;
    }

    @Override
    public Progress progress(InboxFile file) {
        InboxFileEntity entity = em.find(InboxFileEntity.class, key(file));
        return entity == null ? Progress.NONE : entity.toProgress();
    }

    @Override
    public boolean advance(InboxFile file, int message, Result result, Instant now) {
        if (result == null) {
            throw new InvalidInputException("result", "is required");
        }
        if (message < 1) {
            throw new InvalidInputException("message", "counts from 1");
        }
        InboxFileEntity entity = em.find(InboxFileEntity.class, key(file), LockModeType.PESSIMISTIC_WRITE);
        int through = entity == null ? 0 : entity.doneThrough();
        if (message <= through || entity != null && entity.finished()) {
            return false;
        }
        if (message != through + 1) {
            throw new InvalidInputException("message", "message " + message + " of " + file.name()
                    + " cannot be recorded before message " + (through + 1));
        }
        if (entity == null) {
            entity = insert(file, now);
        }
        entity.advance(result, now.toEpochMilli());
        return true;
    }

    @Override
    public boolean finish(InboxFile file, Instant now) {
        InboxFileEntity entity = em.find(InboxFileEntity.class, key(file), LockModeType.PESSIMISTIC_WRITE);
        if (entity != null && entity.finished()) {
            return false;
        }
        if (entity == null) {
            entity = insert(file, now);
        }
        entity.finish(now.toEpochMilli());
        return true;
    }

    @Override
    public int sweep(Instant now, int atMost) {
        if (atMost < 1) {
            throw new IllegalArgumentException("atMost must be at least 1");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> oldest = em.createNativeQuery(OLDEST)
                .setParameter(1, now.minus(KEPT).toEpochMilli())
                .setMaxResults(atMost)
                .getResultList();
        int deleted = 0;
        for (Object[] row : oldest) {
            // by its key: a second sweep that deleted the row first makes this one delete nothing, not fail
            Query delete = em.createNativeQuery(DELETE);
            for (int i = 0; i < row.length; i++) {
                delete.setParameter(i + 1, row[i]);
            }
            deleted += delete.executeUpdate();
        }
        return deleted;
    }

    private static InboxFileKey key(InboxFile file) {
        if (file == null) {
            throw new InvalidInputException("file", "is required");
        }
        return InboxFileEntity.key(file);
    }

    /** Inserts the file's row now, so that a second transaction inserting it fails here and not at commit. */
    private InboxFileEntity insert(InboxFile file, Instant now) {
        practices.require(file.practiceSlug());
        InboxFileEntity entity = new InboxFileEntity(file, now.toEpochMilli());
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            if (Failures.isDuplicateKey(e)) {
                throw new ConflictException(InboxJournal.ALREADY_RECORDED, "file " + file.name()
                        + " is being recorded by another reading of it");
            }
            throw e;
        }
        return entity;
    }
}

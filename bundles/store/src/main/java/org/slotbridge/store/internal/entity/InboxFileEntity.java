package org.slotbridge.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import org.slotbridge.api.service.InboxJournal.InboxFile;
import org.slotbridge.api.service.InboxJournal.Progress;
import org.slotbridge.api.service.InboxJournal.Result;

/** How far a connector got with one file of a practice's inbox. */
@Entity
@Table(name = "inbox_file")
@IdClass(InboxFileKey.class)
public class InboxFileEntity {

    @Id
    @Column(name = "practice", length = 64)
    private String practice;

    @Id
    @Column(name = "connector", length = 64)
    private String connector;

    @Id
    @Column(name = "file_name", length = 255)
    private String fileName;

    @Id
    @Column(name = "sha256", length = 64)
    private String sha256;

    @Column(name = "done_through", nullable = false)
    private int doneThrough;

    @Column(name = "applied", nullable = false)
    private int applied;

    @Column(name = "skipped", nullable = false)
    private int skipped;

    @Column(name = "failed", nullable = false)
    private int failed;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    @Column(name = "finished_at")
    private Long finishedAt;

    protected InboxFileEntity() {
    }

    /** A file none of whose messages was handled yet. */
    public InboxFileEntity(InboxFile file, long now) {
        practice = file.practiceSlug();
        connector = file.connector();
        fileName = file.name();
        sha256 = file.sha256();
        createdAt = now;
        updatedAt = now;
    }

    public static InboxFileKey key(InboxFile file) {
        return new InboxFileKey(file.practiceSlug(), file.connector(), file.name(), file.sha256());
    }

    public int doneThrough() {
        return doneThrough;
    }

    public boolean finished() {
        return finishedAt != null;
    }

    /** Counts the next message. */
    public void advance(Result result, long now) {
        doneThrough++;
        switch (result) {
            case APPLIED -> applied++;
            case SKIPPED -> skipped++;
            case FAILED -> failed++;
        }
        updatedAt = now;
    }

    public void finish(long now) {
        finishedAt = now;
        updatedAt = now;
    }

    public Progress toProgress() {
        return new Progress(doneThrough, applied, skipped, failed, finished());
    }
}

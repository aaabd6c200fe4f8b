package org.slotbridge.store.internal.entity;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link InboxFileEntity}: practice, connector, file name and SHA-256. */
public class InboxFileKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String practice;
    private String connector;
    private String fileName;
    private String sha256;

    public InboxFileKey() {
    }

    public InboxFileKey(String practice, String connector, String fileName, String sha256) {
        this.practice = practice;
        this.connector = connector;
        this.fileName = fileName;
        this.sha256 = sha256;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InboxFileKey key && Objects.equals(key.practice, practice)
                && Objects.equals(key.connector, connector) && Objects.equals(key.fileName, fileName)
                && Objects.equals(key.sha256, sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(practice, connector, fileName, sha256);
    }
}

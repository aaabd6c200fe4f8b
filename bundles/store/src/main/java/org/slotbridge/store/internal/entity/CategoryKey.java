package org.slotbridge.store.internal.entity;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link CategoryEntity}: practice and category id. */
public class CategoryKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String practice;
    private String code;

    public CategoryKey() {
    }

    public CategoryKey(String practice, String code) {
        this.practice = practice;
        this.code = code;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoryKey key && Objects.equals(key.practice, practice)
                && Objects.equals(key.code, code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(practice, code);
    }
}

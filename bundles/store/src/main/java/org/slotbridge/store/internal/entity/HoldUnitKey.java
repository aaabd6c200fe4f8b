package org.slotbridge.store.internal.entity;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link HoldUnitEntity}: practice, resource and unit start. */
public class HoldUnitKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String practice;
    private String resourceKey;
    private long unitStart;

    public HoldUnitKey() {
    }

    public HoldUnitKey(String practice, String resourceKey, long unitStart) {
        this.practice = practice;
        this.resourceKey = resourceKey;
        this.unitStart = unitStart;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HoldUnitKey key && key.unitStart == unitStart
                && Objects.equals(key.practice, practice) && Objects.equals(key.resourceKey, resourceKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(practice, resourceKey, unitStart);
    }
}

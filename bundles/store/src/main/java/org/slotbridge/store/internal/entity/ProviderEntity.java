package org.slotbridge.store.internal.entity;

import javax.persistence.Entity;
import javax.persistence.Table;

import org.slotbridge.api.Provider;

@Entity
@Table(name = "provider")
public class ProviderEntity extends ResourceEntity {

    protected ProviderEntity() {
    }

    public ProviderEntity(String id, String practice, Provider provider) {
        super(id, practice, provider.id(), provider.name());
    }

    public Provider toProvider() {
        return new Provider(code(), name());
    }
}

package org.slotbridge.store.internal.entity;

import java.util.HashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

/** A named group of a practice's providers, which reasons may name; its members are a child table. */
@Entity
@Table(name = "provider_group")
public class ProviderGroupEntity {

    private static final int NAME_LENGTH = 100;
    private static final int CODE_LENGTH = 100;

    @Id
    @Column(name = "id", length = 40)
    private String id;

    @Column(name = "practice", nullable = false, length = 64)
    private String practice;

    @Column(name = "name", nullable = false, length = NAME_LENGTH)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "provider_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "provider_code", length = CODE_LENGTH)
    private Set<String> members = new HashSet<>();

    protected ProviderGroupEntity() {
    }

    public ProviderGroupEntity(String id, String practice, String name, Set<String> members) {
        this.id = id;
        this.practice = practice;
        this.name = Lengths.fit(name, NAME_LENGTH, "rules.providerGroups");
        setMembers(members);
    }

    public String name() {
        return name;
    }

    public Set<String> members() {
        return Set.copyOf(members);
    }

    public void setMembers(Set<String> newMembers) {
        newMembers.forEach(m -> Lengths.fit(m, CODE_LENGTH, "rules.providerGroups[" + name + "]"));
        members.retainAll(newMembers);
        members.addAll(newMembers);
    }
}

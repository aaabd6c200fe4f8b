package org.slotbridge.store.internal.entity;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Embedded;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

import org.slotbridge.api.PracticeRules;

/**
 * What a practice sets for all its reasons, one row per practice; its closed dates are a child table.
 * The provider groups are {@link ProviderGroupEntity} rows of their own.
 */
@Entity
@Table(name = "practice_rules")
public class PracticeRulesEntity {

    @Id
    @Column(name = "practice", length = 64)
    private String practice;

    @Column(name = "unit_minutes", nullable = false)
    private int unitMinutes;

    @Embedded
    private TimingColumns timing;

    @Column(name = "shown_per_day", nullable = false)
    private int shownPerDay;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "practice_closed_date", joinColumns = @JoinColumn(name = "practice"))
    @Column(name = "closed_on")
    private Set<LocalDate> closedDates = new HashSet<>();

    protected PracticeRulesEntity() {
    }

    public PracticeRulesEntity(String practice, PracticeRules rules) {
        this.practice = practice;
        apply(rules);
    }

    public void apply(PracticeRules rules) {
        unitMinutes = rules.unitMinutes();
        timing = new TimingColumns(rules.timing(), "rules.timing");
        shownPerDay = rules.shownPerDay();
        closedDates.retainAll(rules.closedDates());
        closedDates.addAll(rules.closedDates());
    }

    /** The rules, with the provider groups kept elsewhere. */
    public PracticeRules toRules(Map<String, Set<String>> providerGroups) {
        return new PracticeRules(unitMinutes, timing.toTiming(), Set.copyOf(closedDates), providerGroups,
                shownPerDay);
    }
}

package org.slotbridge.store.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import org.slotbridge.api.Category;

/** A category of a practice's reasons, keyed by practice and id (the migration creates rows in plain SQL). */
@Entity
@Table(name = "category")
@IdClass(CategoryKey.class)
public class CategoryEntity {

    private static final int NAME_LENGTH = 200;
    private static final int HELP_LENGTH = 2000;

    @Id
    @Column(name = "practice", length = 64)
    private String practice;

    @Id
    @Column(name = "code", length = 64)
    private String code;

    @Column(name = "name", nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(name = "parent_code", length = 64)
    private String parentCode;

    @Column(name = "help_text", length = HELP_LENGTH)
    private String helpText;

    protected CategoryEntity() {
    }

    public CategoryEntity(String practice, Category category) {
        this.practice = practice;
        this.code = category.id();
        apply(category);
    }

    public String code() {
        return code;
    }

    public void apply(Category category) {
        String field = "categories[" + category.id() + "]";
        name = Lengths.fit(category.name(), NAME_LENGTH, field + ".name");
        parentCode = Lengths.fit(category.parentId(), 64, field + ".parentId");
        helpText = Lengths.fit(category.helpText(), HELP_LENGTH, field + ".helpText");
    }

    public Category toCategory() {
        return new Category(code, name, parentCode, helpText);
    }
}

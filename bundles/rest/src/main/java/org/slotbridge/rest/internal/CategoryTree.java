package org.slotbridge.rest.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slotbridge.api.Category;
import org.slotbridge.api.Reason;
import org.slotbridge.rest.internal.Views.CategoryView;
import org.slotbridge.rest.internal.Views.ReasonView;

/**
 * The category tree of a practice with the reasons a client may book in each category. A category
 * with no such reason in it or under it is left out, so a client never opens an empty heading.
 */
final class CategoryTree {

    private final Map<String, List<Category>> children = new LinkedHashMap<>();
    private final Map<String, List<ReasonView>> reasons = new LinkedHashMap<>();

    private CategoryTree(List<Category> categories, List<Reason> offered) {
        Set<String> known = new HashSet<>();
        categories.forEach(c -> known.add(c.id()));
        for (Category category : categories) {
            // a parent that is gone puts its children at the top rather than losing them
            String parent = category.parentId() != null && known.contains(category.parentId())
                    ? category.parentId() : "";
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(category);
        }
        for (Reason reason : offered) {
            if (reason.category() != null) {
                reasons.computeIfAbsent(reason.category(), c -> new ArrayList<>()).add(ReasonView.of(reason));
            }
        }
    }

    /**
     * The top-level categories, each with its reasons and subcategories, in the order given.
     *
     * @param categories the practice's categories
     * @param offered    the reasons the client may book
     */
    static List<CategoryView> of(List<Category> categories, List<Reason> offered) {
        return new CategoryTree(categories, offered).under("", new HashSet<>());
    }

    private List<CategoryView> under(String parent, Set<String> seen) {
        List<CategoryView> views = new ArrayList<>();
        for (Category category : children.getOrDefault(parent, List.of())) {
            if (!seen.add(category.id())) {
                continue;
            }
            List<CategoryView> below = under(category.id(), seen);
            List<ReasonView> own = reasons.getOrDefault(category.id(), List.of());
            if (!own.isEmpty() || !below.isEmpty()) {
                views.add(new CategoryView(category.id(), category.name(), category.helpText(), own, below));
            }
        }
        return views;
    }
}

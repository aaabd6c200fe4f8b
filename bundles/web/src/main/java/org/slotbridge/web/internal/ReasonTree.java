package org.slotbridge.web.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.slotbridge.api.Category;
import org.slotbridge.api.Reason;

/**
 * Lays out reasons by the practice's category tree, as a list of headings in reading order, each with
 * its depth: a template draws it without recursion. Reasons without a category come first, under no
 * heading; a category with no reason in it or under it is left out.
 */
final class ReasonTree {

    private final Map<String, List<Category>> children = new LinkedHashMap<>();
    private final Map<String, List<Views.ReasonView>> reasons = new LinkedHashMap<>();
    private final List<Views.ReasonView> loose = new ArrayList<>();
    private final List<Views.ReasonGroup> groups = new ArrayList<>();

    private ReasonTree(List<Category> categories, List<Reason> offered, Function<Reason, Views.ReasonView> view) {
        Set<String> known = new HashSet<>();
        categories.forEach(c -> known.add(c.id()));
        for (Category category : categories) {
            String parent = category.parentId() != null && known.contains(category.parentId())
                    ? category.parentId() : "";
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(category);
        }
        for (Reason reason : offered) {
            if (reason.category() != null && known.contains(reason.category())) {
                reasons.computeIfAbsent(reason.category(), c -> new ArrayList<>()).add(view.apply(reason));
            } else {
                loose.add(view.apply(reason));
            }
        }
    }

    /** The headings and their reasons, in reading order. */
    static List<Views.ReasonGroup> groups(List<Category> categories, List<Reason> offered,
                                          Function<Reason, Views.ReasonView> view) {
        ReasonTree tree = new ReasonTree(categories, offered, view);
        if (!tree.loose.isEmpty()) {
            tree.groups.add(new Views.ReasonGroup(null, null, 0, tree.loose));
        }
        tree.add("", 0, new HashSet<>());
        return tree.groups;
    }

    /** Adds the categories under {@code parent} that hold a reason somewhere; true when any did. */
    private boolean add(String parent, int level, Set<String> seen) {
        boolean any = false;
        for (Category category : children.getOrDefault(parent, List.of())) {
            if (!seen.add(category.id())) {
                continue;
            }
            int at = groups.size();
            boolean below = add(category.id(), level + 1, seen);
            List<Views.ReasonView> own = reasons.getOrDefault(category.id(), List.of());
            if (below || !own.isEmpty()) {
                groups.add(at, new Views.ReasonGroup(category.name(), category.helpText(), level, own));
                any = true;
            }
        }
        return any;
    }
}

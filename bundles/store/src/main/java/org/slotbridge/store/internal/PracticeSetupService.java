package org.slotbridge.store.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slotbridge.api.Category;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.Room;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.store.PracticeRepository;
import org.slotbridge.store.Store;
import org.slotbridge.store.StoreSession;

/**
 * Writes practice settings, each call in a transaction of its own that stores the change, reads the
 * practice's whole configuration back as a {@link PracticeConfig} and commits only when that is valid.
 * The first write of each call locks the practice row (it bumps the configuration counter), so two
 * changes to one practice are checked one after the other, never both against the state before.
 */
@Component(service = PracticeSetup.class)
public final class PracticeSetupService implements PracticeSetup {

    /** Requests that staff or the client may still act on, which need their reason. */
    private static final List<RequestStatus> STILL_ACTED_ON =
            List.of(RequestStatus.PENDING, RequestStatus.PROPOSED, RequestStatus.CONFLICTED);

    private final Store store;

    @Activate
    public PracticeSetupService(@Reference(name = "store") Store store) {
        this.store = store;
    }

    @Override
    public void savePractice(Practice practice) {
        Objects.requireNonNull(practice, "practice");
        change(practice.slug(), session -> session.practices().save(practice));
    }

    @Override
    public void saveProvider(String slug, Provider provider) {
        Objects.requireNonNull(provider, "provider");
        change(slug, session -> session.practices().saveProvider(slug, provider));
    }

    @Override
    public void saveRoom(String slug, Room room) {
        Objects.requireNonNull(room, "room");
        change(slug, session -> session.practices().saveRoom(slug, room));
    }

    @Override
    public void saveReason(String slug, Reason reason) {
        Objects.requireNonNull(reason, "reason");
        change(slug, session -> session.practices().saveReason(slug, reason));
    }

    @Override
    public void removeReason(String slug, String reasonId) {
        change(slug, session -> {
            session.practices().require(slug);
            // Staff and the client still act on these requests, and propose reads their reason.
            for (RequestStatus open : STILL_ACTED_ON) {
                boolean used = session.requests().list(slug, open).stream()
                        .anyMatch(r -> r.opening().reasonId().equals(reasonId));
                if (used) {
                    throw new ConflictException("reason_in_use",
                            "reason '" + reasonId + "' has open requests; decide them before removing it");
                }
            }
            session.practices().removeReason(slug, reasonId);
        });
    }

    @Override
    public void saveWorkingHours(String slug, WorkingHours hours) {
        Objects.requireNonNull(hours, "hours");
        change(slug, session -> session.practices().saveWorkingHours(slug, hours));
    }

    @Override
    public void saveRules(String slug, PracticeRules rules) {
        Objects.requireNonNull(rules, "rules");
        change(slug, session -> session.practices().saveRules(slug, rules));
    }

    @Override
    public void saveCategories(String slug, List<Category> categories) {
        Objects.requireNonNull(categories, "categories");
        change(slug, session -> session.practices().saveCategories(slug, categories));
    }

    @Override
    public void apply(PracticeConfig config) {
        Objects.requireNonNull(config, "config");
        String slug = config.practice().slug();
        change(slug, session -> {
            PracticeRepository practices = session.practices();
            practices.save(config.practice());
            config.providers().forEach(provider -> practices.saveProvider(slug, provider));
            config.rooms().forEach(room -> practices.saveRoom(slug, room));
            practices.saveRules(slug, config.rules());
            practices.saveCategories(slug, config.categories());
            Set<String> listed = new HashSet<>();
            config.reasons().forEach(reason -> listed.add(reason.id()));
            practices.reasons(slug).stream().map(Reason::id).filter(id -> !listed.contains(id))
                    .forEach(id -> practices.removeReason(slug, id));
            config.reasons().forEach(reason -> practices.saveReason(slug, reason));
            config.hours().forEach(hours -> practices.saveWorkingHours(slug, hours));
        });
    }

    /**
     * Runs one change, then checks the practice's whole configuration as it now stands; when the check
     * throws, the transaction rolls back and nothing of the change is stored.
     */
    private void change(String slug, Consumer<StoreSession> write) {
        store.run(session -> {
            write.accept(session);
            session.practices().config(slug);
        });
    }
}

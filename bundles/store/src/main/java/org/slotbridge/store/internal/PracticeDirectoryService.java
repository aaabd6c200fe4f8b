package org.slotbridge.store.internal;

import java.util.List;
import java.util.function.BiFunction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slotbridge.api.Category;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.store.PracticeRepository;
import org.slotbridge.store.Store;

/** Reads practices from the store; asking about a practice that does not exist is a not-found. */
@Component(service = PracticeDirectory.class)
public final class PracticeDirectoryService implements PracticeDirectory {

    private final Store store;

    @Activate
    public PracticeDirectoryService(@Reference(name = "store") Store store) {
        this.store = store;
    }

    @Override
    public List<Practice> practices() {
        return store.call(session -> session.practices().all());
    }

    @Override
    public Practice practice(String slug) {
        return store.call(session -> session.practices().require(slug));
    }

    @Override
    public List<Provider> providers(String slug) {
        return ofPractice(slug, PracticeRepository::providers);
    }

    @Override
    public List<Room> rooms(String slug) {
        return ofPractice(slug, PracticeRepository::rooms);
    }

    @Override
    public List<Reason> reasons(String slug) {
        return ofPractice(slug, PracticeRepository::reasons);
    }

    @Override
    public Reason reason(String slug, String reasonId) {
        return ofPractice(slug, (practices, s) -> practices.reason(s, reasonId))
                .orElseThrow(() -> new NotFoundException("reason", reasonId));
    }

    @Override
    public List<WorkingHours> workingHours(String slug) {
        return ofPractice(slug, PracticeRepository::workingHours);
    }

    @Override
    public PracticeRules rules(String slug) {
        return ofPractice(slug, PracticeRepository::rules);
    }

    @Override
    public List<Category> categories(String slug) {
        return ofPractice(slug, PracticeRepository::categories);
    }

    @Override
    public PracticeConfig config(String slug) {
        return store.call(session -> session.practices().config(slug));
    }

    private <T> T ofPractice(String slug, BiFunction<PracticeRepository, String, T> read) {
        return store.call(session -> {
            session.practices().require(slug);
            return read.apply(session.practices(), slug);
        });
    }
}

package org.slotbridge.store.internal;

import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.store.Store;

/** Writes practice settings, each call in a transaction of its own. */
@Component(service = PracticeSetup.class)
public final class PracticeSetupService implements PracticeSetup {

    private final Store store;

    @Activate
    public PracticeSetupService(@Reference(name = "store") Store store) {
        this.store = store;
    }

    @Override
    public void savePractice(Practice practice) {
        Objects.requireNonNull(practice, "practice");
        store.run(session -> session.practices().save(practice));
    }

    @Override
    public void saveProvider(String slug, Provider provider) {
        Objects.requireNonNull(provider, "provider");
        store.run(session -> session.practices().saveProvider(slug, provider));
    }

    @Override
    public void saveRoom(String slug, Room room) {
        Objects.requireNonNull(room, "room");
        store.run(session -> session.practices().saveRoom(slug, room));
    }

    @Override
    public void saveReason(String slug, Reason reason) {
        Objects.requireNonNull(reason, "reason");
        store.run(session -> session.practices().saveReason(slug, reason));
    }

    @Override
    public void removeReason(String slug, String reasonId) {
        store.run(session -> {
            session.practices().require(slug);
            session.practices().removeReason(slug, reasonId);
        });
    }

    @Override
    public void saveWorkingHours(String slug, WorkingHours hours) {
        Objects.requireNonNull(hours, "hours");
        store.run(session -> session.practices().saveWorkingHours(slug, hours));
    }
}

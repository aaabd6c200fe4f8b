package org.slotbridge.connector.hl7v2.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.slotbridge.api.Category;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.PracticeDirectory;

/** A directory that knows one practice, one provider, one room, one reason and its category. */
final class FixedDirectory implements PracticeDirectory {

    static final String SLUG = "demo";
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    final Practice practice;

    FixedDirectory() {
        this(ZONE);
    }

    FixedDirectory(ZoneId zone) {
        practice = new Practice(SLUG, "Riverside Family Dental", zone, "+1 555 0100",
                "frontdesk@riverside-dental.example", NewClientPolicy.WELCOME, true);
    }

    @Override
    public List<Practice> practices() {
        return List.of(practice);
    }

    @Override
    public Practice practice(String slug) {
        if (!SLUG.equals(slug)) {
            throw new NotFoundException("practice", slug);
        }
        return practice;
    }

    @Override
    public List<Provider> providers(String slug) {
        return List.of(new Provider("SMITH", "Dr. Ann Smith"));
    }

    @Override
    public List<Room> rooms(String slug) {
        return List.of(new Room("OP1", "Operatory 1"));
    }

    @Override
    public List<Reason> reasons(String slug) {
        return List.of(reason(slug, "checkup"));
    }

    @Override
    public Reason reason(String slug, String reasonId) {
        if (!"checkup".equals(reasonId)) {
            throw new NotFoundException("reason", reasonId);
        }
        return new Reason("checkup", "Check-up", "Routine care", null, Duration.ofMinutes(60), Set.of("SMITH"),
                Set.of("OP1"), Set.of(DayOfWeek.MONDAY), List.of());
    }

    @Override
    public List<WorkingHours> workingHours(String slug) {
        return List.of();
    }

    @Override
    public PracticeRules rules(String slug) {
        return PracticeRules.DEFAULT;
    }

    @Override
    public List<Category> categories(String slug) {
        return List.of(new Category("Routine care", "Routine care", null, null));
    }

    @Override
    public PracticeConfig config(String slug) {
        return new PracticeConfig(practice(slug), rules(slug), providers(slug), rooms(slug), workingHours(slug),
                reasons(slug), categories(slug));
    }
}

package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Category;
import org.slotbridge.api.Client;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Hold;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.ReasonRules;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.Room;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.Timing;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.store.NewRequest;
import org.slotbridge.store.Store;
import org.slotbridge.store.Versions;

/** Practice rules, categories and reason rules through PracticeSetup and PracticeDirectory, checked whole. */
class ConfigurationTest {

    private static final String SLUG = Fixtures.SLUG;

    private Store store;
    private PracticeDirectory directory;
    private PracticeSetup setup;

    @BeforeEach
    void setUp() {
        TestDatabase db = TestDatabase.clean();
        store = db.store();
        directory = db.directory();
        setup = db.setup();
        Fixtures.setUp(store, SLUG, NewClientPolicy.WELCOME);
    }

    @Test
    void rulesRoundTripWithEveryFieldAndAreReplacedWhole() {
        Timing timing = new Timing(Duration.ofMinutes(20), List.of(LocalTime.of(14, 30), LocalTime.of(9, 0)),
                Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofHours(26), 90, 3);
        PracticeRules rules = new PracticeRules(10, timing,
                Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)),
                Map.of("hygiene", Set.of("SMITH", "JONES"), "new, team", Set.of()), 8);
        setup.saveRules(SLUG, rules);
        assertEquals(rules, directory.rules(SLUG));
        assertEquals(rules, directory.config(SLUG).rules());

        PracticeRules changed = new PracticeRules(5, Timing.DEFAULT, Set.of(LocalDate.of(2027, 1, 1)),
                Map.of("hygiene", Set.of("JONES"), "surgeons", Set.of("SMITH")), 12);
        setup.saveRules(SLUG, changed);
        assertEquals(changed, directory.rules(SLUG));

        setup.saveRules(SLUG, PracticeRules.DEFAULT);
        assertEquals(PracticeRules.DEFAULT, directory.rules(SLUG));
    }

    @Test
    void aReasonWithAnOpenRequestIsNotRemovedUntilTheRequestIsDecided() {
        Instant start = Instant.parse("2030-01-08T14:00:00Z");
        Opening opening = new Opening("checkup", "SMITH", "OP1", start, start.plusSeconds(3600));
        Request request = store.call(s -> {
            Client client = s.clients().create(SLUG, "Mia Park", "mia@example.org", null, "hash");
            Hold hold = s.holds().take(SLUG, opening, start.minusSeconds(60), start.minusSeconds(600));
            return s.requests().create(SLUG, new NewRequest(opening, hold.id(), client.id(), true, null, "Mia Park",
                    PatientKind.SELF, null, start.minusSeconds(600)));
        });
        long version = store.call(s -> s.practices().versions(SLUG)).config();

        ConflictException refused = assertThrows(ConflictException.class, () -> setup.removeReason(SLUG, "checkup"));
        assertEquals("reason_in_use", refused.code());
        assertEquals("checkup", directory.reason(SLUG, "checkup").id());
        assertEquals(version, store.call(s -> s.practices().versions(SLUG)).config());

        store.run(s -> s.requests().change(SLUG, request.id(), r -> new Request(r.id(), r.practiceSlug(),
                r.opening(), r.holdId(), RequestStatus.DECLINED, r.client(), r.patient(), r.newClient(), r.memo(),
                null, r.createdAt(), start.minusSeconds(300))));
        setup.removeReason(SLUG, "checkup");
        assertThrows(NotFoundException.class, () -> directory.reason(SLUG, "checkup"));
    }

    @Test
    void aPracticeThatSetNothingHasTheDefaultRulesAndNoCategories() {
        setup.savePractice(Fixtures.practice("fresh", NewClientPolicy.WELCOME));
        assertEquals(PracticeRules.DEFAULT, directory.rules("fresh"));
        assertEquals(List.of(), directory.categories("fresh"));
        PracticeConfig config = directory.config("fresh");
        assertEquals(List.of(), config.providers());
        assertEquals(List.of(), config.reasons());
        assertThrows(NotFoundException.class, () -> directory.rules("nowhere"));
        assertThrows(NotFoundException.class, () -> directory.categories("nowhere"));
        assertThrows(NotFoundException.class, () -> directory.config("nowhere"));
    }

    @Test
    void categoriesRoundTripAsATreeOrderedByParentThenName() {
        Category care = new Category("care", "Care", null, "Everything routine");
        Category cleaning = new Category("cleaning", "Cleaning", "care", null);
        Category braces = new Category("braces", "Braces", "care", "For the young");
        List<Category> tree = List.of(cleaning, Fixtures.routineCare(), braces, care);
        setup.saveCategories(SLUG, tree);
        assertEquals(List.of(care, Fixtures.routineCare(), braces, cleaning), directory.categories(SLUG));

        Category renamed = new Category("care", "Routine", null, null);
        setup.saveCategories(SLUG, List.of(Fixtures.routineCare(), renamed, cleaning));
        assertEquals(List.of(renamed, Fixtures.routineCare(), cleaning), directory.categories(SLUG));
    }

    @Test
    void reasonRulesRoundTripWithEveryField() {
        setup.saveRules(SLUG, new PracticeRules(5, Timing.DEFAULT, Set.of(), Map.of("hygiene", Set.of("JONES")), 12));
        Reason full = new Reason("perio", "Periodontal care", "Routine care", "Gums", Duration.ofMinutes(30),
                Set.of("SMITH"), Set.of("OP2"), Set.of(DayOfWeek.MONDAY), List.of(TimeWindow.parse("08:00-11:00", "w")),
                new ReasonRules("hygiene", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 9, 30), Audience.NEW_CLIENTS,
                        Set.of("NP", "EMERG, LATE"), "XX//XX",
                        new Timing(Duration.ofMinutes(10), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(15),
                                Duration.ofMinutes(30), 60, 2)));
        Reason someTiming = new Reason("xray", "X-ray", null, null, Duration.ofMinutes(15), Set.of(), Set.of(),
                Set.of(), List.of(), new ReasonRules(null, null, LocalDate.of(2027, 1, 1), Audience.EXISTING_CLIENTS,
                        Set.of(), null, new Timing(null, List.of(LocalTime.of(8, 0), LocalTime.of(13, 5)), null, null,
                        null, null, 0)));
        setup.saveReason(SLUG, full);
        setup.saveReason(SLUG, someTiming);
        assertEquals(full, directory.reason(SLUG, "perio"));
        assertEquals(someTiming, directory.reason(SLUG, "xray"));
        assertEquals(Timing.INHERIT, directory.reason(SLUG, "consult").rules().timing());

        Reason plain = new Reason("perio", "Periodontal care", null, null, Duration.ofMinutes(30), Set.of(),
                Set.of(), Set.of(), List.of());
        setup.saveReason(SLUG, plain);
        assertEquals(plain, directory.reason(SLUG, "perio"));
        assertEquals(ReasonRules.NONE, directory.reason(SLUG, "perio").rules());
    }

    @Test
    void aPracticeIsBuiltUpStepByStepFromNothing() {
        String slug = "new-practice";
        setup.savePractice(Fixtures.practice(slug, NewClientPolicy.WELCOME));
        setup.saveReason(slug, Fixtures.consult());
        setup.saveProvider(slug, new Provider("LEE", "Dr. Lee"));
        setup.saveRoom(slug, new Room("OP9", "Chair 9"));
        setup.saveWorkingHours(slug, Fixtures.weekdays("LEE"));
        setup.saveCategories(slug, List.of(new Category("first", "First visits", null, null)));
        setup.saveReason(slug, new Reason("intro", "Introduction", "first", null, Duration.ofMinutes(20),
                Set.of("LEE"), Set.of("OP9"), Set.of(), List.of()));
        setup.removeReason(slug, "consult");

        PracticeConfig config = directory.config(slug);
        assertEquals(List.of("intro"), config.reasons().stream().map(Reason::id).toList());
        assertEquals(List.of(new Provider("LEE", "Dr. Lee")), config.providers());
        assertEquals(Set.of("LEE"), config.hoursByProvider().keySet());
    }

    @Test
    void applyStoresAWholeConfigurationAndKeepsProvidersAndRoomsItDoesNotList() {
        store.run(s -> {
            s.practices().saveProvider(SLUG, new Provider("PMS-ONLY", "Reported by the PMS"));
            s.practices().saveRoom(SLUG, new Room("LAB", "Lab"));
        });
        PracticeRules rules = new PracticeRules(10, new Timing(Duration.ofMinutes(30), List.of(), Duration.ZERO,
                Duration.ofMinutes(10), Duration.ofHours(2), 60, 0), Set.of(LocalDate.of(2026, 7, 4)),
                Map.of("all", Set.of("SMITH")), 6);
        Category top = new Category("top", "Top", null, null);
        Category under = new Category("under", "Under", "top", "Below the top");
        Reason surgery = new Reason("surgery", "Surgery", "under", null, Duration.ofMinutes(90), Set.of(),
                Set.of("OP3"), Set.of(), List.of(), new ReasonRules("all", null, null, Audience.ANYONE, Set.of("OR"),
                null, Timing.INHERIT));
        WorkingHours smith = new WorkingHours("SMITH", Map.of(DayOfWeek.FRIDAY,
                List.of(TimeWindow.parse("07:00-15:00", "w"))), Map.of());
        Practice renamed = new Practice(SLUG, "Riverside Surgery", ZoneId.of("Europe/Dublin"), null, null,
                NewClientPolicy.EXISTING_ONLY, false);
        PracticeConfig config = new PracticeConfig(renamed, rules,
                List.of(new Provider("SMITH", "Dr. Ann Smith-Lee")), List.of(new Room("OP3", "Operatory 3")),
                List.of(smith), List.of(surgery), List.of(under, top));

        setup.apply(config);

        PracticeConfig stored = directory.config(SLUG);
        assertEquals(renamed, stored.practice());
        assertEquals(rules, stored.rules());
        assertEquals(List.of(new Provider("JONES", "Dr. Bo Jones"), new Provider("PMS-ONLY", "Reported by the PMS"),
                new Provider("SMITH", "Dr. Ann Smith-Lee")), stored.providers());
        assertEquals(List.of("LAB", "OP1", "OP2", "OP3"), stored.rooms().stream().map(Room::id).toList());
        assertEquals(List.of(surgery), stored.reasons(), "reasons it does not list are removed");
        assertEquals(List.of(top, under), stored.categories(), "categories it does not list are removed");
        assertEquals(smith, stored.hoursByProvider().get("SMITH"));
        assertEquals(Fixtures.weekdays("JONES"), stored.hoursByProvider().get("JONES"),
                "hours of a provider it does not list are kept");
    }

    @Test
    void applyCreatesAPracticeFromNothing() {
        PracticeConfig config = Fixtures.config("elsewhere", NewClientPolicy.WELCOME);
        setup.apply(config);
        PracticeConfig stored = directory.config("elsewhere");
        assertEquals(config.practice(), stored.practice());
        assertEquals(Set.copyOf(config.providers()), Set.copyOf(stored.providers()));
        assertEquals(Set.copyOf(config.reasons()), Set.copyOf(stored.reasons()));
        assertEquals(config.hoursByProvider(), stored.hoursByProvider());
        assertEquals(config.categories(), stored.categories());
        assertEquals(directory.config(SLUG).reasons(), stored.reasons(), "and leaves the other practice alone");
    }

    @Test
    void aReasonNamingAProviderTheRoomOrGroupThePracticeLacksIsRefused() {
        Reason unknownProvider = new Reason("consult", "Consultation", null, null, Duration.ofMinutes(30),
                Set.of("NOBODY"), Set.of(), Set.of(), List.of());
        refused("reasons[consult].providerIds", () -> setup.saveReason(SLUG, unknownProvider));
        Reason unknownRoom = new Reason("new", "New", null, null, Duration.ofMinutes(30), Set.of(), Set.of("OP7"),
                Set.of(), List.of());
        refused("reasons[new].roomIds", () -> setup.saveReason(SLUG, unknownRoom));
        Reason unknownGroup = new Reason("new", "New", null, null, Duration.ofMinutes(30), Set.of(), Set.of(),
                Set.of(), List.of(), new ReasonRules("nurses", null, null, Audience.ANYONE, Set.of(), null, null));
        refused("reasons[new].providerGroup", () -> setup.saveReason(SLUG, unknownGroup));
        Reason badPattern = new Reason("new", "New", null, null, Duration.ofMinutes(30), Set.of(), Set.of(),
                Set.of(), List.of(), new ReasonRules(null, null, null, Audience.ANYONE, Set.of(), "XX/", null));
        refused("reasons[new].pattern", () -> setup.saveReason(SLUG, badPattern));
        Reason unknownCategory = new Reason("new", "New", "Surgery", null, Duration.ofMinutes(30), Set.of(),
                Set.of(), Set.of(), List.of());
        refused("reasons[new].category", () -> setup.saveReason(SLUG, unknownCategory));
    }

    @Test
    void rulesThatBreakAStoredReasonOrHoursAreRefused() {
        // 20-minute units fit the hours and the check-up (60), not the consultation (30)
        PracticeRules twenty = new PracticeRules(20, new Timing(Duration.ofMinutes(20), List.of(), Duration.ZERO,
                Duration.ZERO, Duration.ofHours(1), 180, 0), Set.of(), Map.of(), 12);
        refused("reasons[consult].duration", () -> setup.saveRules(SLUG, twenty));
        PracticeRules strangers = new PracticeRules(5, Timing.DEFAULT, Set.of(), Map.of("team", Set.of("NOBODY")), 12);
        refused("rules.providerGroups[team]", () -> setup.saveRules(SLUG, strangers));
        WorkingHours off = new WorkingHours("SMITH", Map.of(DayOfWeek.MONDAY,
                List.of(TimeWindow.parse("08:02-12:00", "w"))), Map.of());
        refused("hours[SMITH].weekly.MONDAY", () -> setup.saveWorkingHours(SLUG, off));
        refused("hours[NOBODY]", () -> setup.saveWorkingHours(SLUG, Fixtures.weekdays("NOBODY")));
    }

    @Test
    void aZoneWhoseOffsetIsOffTheUnitIsRefused() {
        setup.saveRules(SLUG, new PracticeRules(30, new Timing(Duration.ofMinutes(30), List.of(), Duration.ZERO,
                Duration.ZERO, Duration.ofHours(1), 180, 0), Set.of(), Map.of(), 12));
        Practice kathmandu = new Practice(SLUG, "Riverside", ZoneId.of("Asia/Kathmandu"), null, null,
                NewClientPolicy.WELCOME, true);
        refused("rules.unitMinutes", () -> setup.savePractice(kathmandu));
    }

    @Test
    void categoriesStillUsedOrInALoopAreRefused() {
        refused("reasons[checkup].category", () -> setup.saveCategories(SLUG, List.of()));
        List<Category> loop = List.of(Fixtures.routineCare(), new Category("a", "A", "b", null),
                new Category("b", "B", "a", null));
        InvalidInputException looped = refused(null, () -> setup.saveCategories(SLUG, loop));
        assertTrue(looped.field().startsWith("categories["), looped.field());
        refused("categories", () -> setup.saveCategories(SLUG, List.of(Fixtures.routineCare(),
                new Category("x", "X", null, null), new Category("x", "Another X", null, null))));
        refused("categories[x].parentId", () -> setup.saveCategories(SLUG, List.of(Fixtures.routineCare(),
                new Category("x", "X", "missing", null))));
    }

    @Test
    void applyIsRefusedWholeWhenWhatItKeepsBreaksTheNewRules() {
        // JONES is not listed below, so his hours are kept; 08:10 is off a 20-minute unit
        store.run(s -> s.practices().saveWorkingHours(SLUG, new WorkingHours("JONES", Map.of(DayOfWeek.MONDAY,
                List.of(TimeWindow.parse("08:10-12:00", "w"))), Map.of())));
        PracticeRules twenty = new PracticeRules(20, new Timing(Duration.ofMinutes(20), List.of(), Duration.ZERO,
                Duration.ZERO, Duration.ofHours(1), 180, 0), Set.of(), Map.of(), 12);
        Practice renamed = new Practice(SLUG, "Renamed", Fixtures.ZONE, null, null, NewClientPolicy.WELCOME, true);
        PracticeConfig config = new PracticeConfig(renamed, twenty, List.of(new Provider("SMITH", "Smith")),
                List.of(), List.of(Fixtures.weekdays("SMITH")), List.of(new Reason("long", "Long visit", null, null,
                Duration.ofMinutes(80), Set.of(), Set.of(), Set.of(), List.of())), List.of());
        refused("hours[JONES].weekly.MONDAY", () -> setup.apply(config));
    }

    @Test
    void refusalsNameTheirFieldAndTheMessageSaysWhy() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> setup.saveReason(SLUG,
                new Reason("consult", "C", null, null, Duration.ofMinutes(30), Set.of("NOBODY"), Set.of(), Set.of(),
                        List.of())));
        assertTrue(e.reason().contains("NOBODY"), e.reason());
    }

    @Test
    void textLongerThanItsColumnIsBadInputNotAFailure() {
        String longName = "g".repeat(101);
        refused("rules.providerGroups", () -> setup.saveRules(SLUG, new PracticeRules(5, Timing.DEFAULT, Set.of(),
                Map.of(longName, Set.of()), 12)));
        refused("reasons[consult].blockoutTypes", () -> setup.saveReason(SLUG, new Reason("consult", "C", null,
                null, Duration.ofMinutes(30), Set.of(), Set.of(), Set.of(), List.of(), new ReasonRules(null, null,
                null, Audience.ANYONE, Set.of("t".repeat(101)), null, null))));
    }

    /**
     * Runs a change that must be refused with {@code field} (any field when null), and checks that the
     * practice's whole configuration and its counters are as they were.
     */
    private InvalidInputException refused(String field, Executable change) {
        PracticeConfig before = directory.config(SLUG);
        Versions versions = store.call(s -> s.practices().versions(SLUG));
        InvalidInputException e = assertThrows(InvalidInputException.class, change);
        if (field != null) {
            assertEquals(field, e.field(), e.getMessage());
        }
        assertEquals(before, directory.config(SLUG), "nothing of a refused change is stored");
        assertEquals(versions, store.call(s -> s.practices().versions(SLUG)));
        return e;
    }
}

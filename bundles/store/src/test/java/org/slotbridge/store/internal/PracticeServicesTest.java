package org.slotbridge.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;

/** The api services the store bundle implements: directory, setup and staff accounts. */
class PracticeServicesTest {

    private static final String SLUG = Fixtures.SLUG;

    private PracticeDirectory directory;
    private PracticeSetup setup;
    private StaffAccounts staff;

    @BeforeEach
    void setUp() {
        TestDatabase db = TestDatabase.clean();
        directory = db.directory();
        setup = db.setup();
        staff = db.staff();
    }

    @Test
    void setupWritesWhatTheDirectoryReads() {
        setup.savePractice(Fixtures.practice(SLUG, NewClientPolicy.WELCOME));
        setup.saveProvider(SLUG, new Provider("SMITH", "Dr. Ann Smith"));
        setup.saveProvider(SLUG, new Provider("JONES", "Dr. Bo Jones"));
        setup.saveRoom(SLUG, new Room("OP1", "Operatory 1"));
        setup.saveRoom(SLUG, new Room("OP2", "Operatory 2"));
        setup.saveCategories(SLUG, List.of(Fixtures.routineCare()));
        setup.saveReason(SLUG, Fixtures.consult());
        setup.saveReason(SLUG, Fixtures.checkup());
        setup.saveWorkingHours(SLUG, Fixtures.weekdays("SMITH"));

        assertEquals(List.of(Fixtures.practice(SLUG, NewClientPolicy.WELCOME)), directory.practices());
        assertEquals(List.of(new Provider("JONES", "Dr. Bo Jones"), new Provider("SMITH", "Dr. Ann Smith")),
                directory.providers(SLUG));
        assertEquals(List.of(new Room("OP1", "Operatory 1"), new Room("OP2", "Operatory 2")), directory.rooms(SLUG));
        assertEquals(List.of(Fixtures.routineCare()), directory.categories(SLUG));
        assertEquals(List.of("checkup", "consult"), directory.reasons(SLUG).stream().map(Reason::id).toList(),
                "a category first, then those without");
        assertEquals(Fixtures.checkup(), directory.reason(SLUG, "checkup"));
        assertEquals(List.of(Fixtures.weekdays("SMITH")), directory.workingHours(SLUG));

        setup.removeReason(SLUG, "consult");
        assertThrows(NotFoundException.class, () -> directory.reason(SLUG, "consult"));
    }

    @Test
    void anUnknownPracticeIsNotFoundEverywhere() {
        assertThrows(NotFoundException.class, () -> directory.practice("nowhere"));
        assertThrows(NotFoundException.class, () -> directory.reasons("nowhere"));
        assertThrows(NotFoundException.class, () -> directory.providers("nowhere"));
        assertThrows(NotFoundException.class, () -> setup.saveReason("nowhere", Fixtures.consult()));
        assertThrows(NotFoundException.class, () -> setup.removeReason("nowhere", "consult"));
        assertThrows(NotFoundException.class, () -> setup.saveRules("nowhere", PracticeRules.DEFAULT));
        assertThrows(NotFoundException.class, () -> setup.saveCategories("nowhere", List.of()));
        assertThrows(NotFoundException.class, () -> setup.saveWorkingHours("nowhere", Fixtures.weekdays("SMITH")));
    }

    @Test
    void staffSignInWithTheirPasswordOnly() {
        setup.savePractice(Fixtures.practice(SLUG, NewClientPolicy.WELCOME));
        StaffMember desk = new StaffMember("desk", SLUG, "Front desk");
        staff.save(desk, "front-desk-2026".toCharArray());

        assertEquals(Optional.of(desk), staff.authenticate("desk", "front-desk-2026".toCharArray()));
        assertTrue(staff.authenticate("desk", "front-desk-2025".toCharArray()).isEmpty());
        assertTrue(staff.authenticate("nobody", "front-desk-2026".toCharArray()).isEmpty());
        assertTrue(staff.authenticate(null, null).isEmpty());

        staff.save(desk, "a-new-password".toCharArray());
        assertTrue(staff.authenticate("desk", "front-desk-2026".toCharArray()).isEmpty());
        assertEquals(Optional.of(desk), staff.authenticate("desk", "a-new-password".toCharArray()));
    }

    @Test
    void staffInputIsChecked() {
        setup.savePractice(Fixtures.practice(SLUG, NewClientPolicy.WELCOME));
        assertEquals("password", assertThrows(InvalidInputException.class,
                () -> staff.save(new StaffMember("desk", SLUG, "Desk"), "short".toCharArray())).field());
        assertEquals("username", assertThrows(InvalidInputException.class,
                () -> staff.save(new StaffMember("de:sk", SLUG, "Desk"), "long-enough-pw".toCharArray())).field());
        assertEquals("displayName", assertThrows(InvalidInputException.class,
                () -> staff.save(new StaffMember("desk", SLUG, " "), "long-enough-pw".toCharArray())).field());
        assertThrows(NotFoundException.class,
                () -> staff.save(new StaffMember("desk", "nowhere", "Desk"), "long-enough-pw".toCharArray()));
    }
}

package org.slotbridge.sync.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slotbridge.api.Audience;
import org.slotbridge.api.Category;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Reason;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.Fixtures;
import org.slotbridge.store.internal.TestDatabase;

class PracticeFilesTest {

    @TempDir
    Path folder;

    private Store store;
    private PracticeSetup setup;
    private PracticeDirectory directory;
    private StaffAccounts staff;
    private String demo;

    @BeforeEach
    void setUp() throws IOException {
        TestDatabase db = TestDatabase.clean();
        store = db.store();
        setup = db.setup();
        directory = db.directory();
        staff = db.staff();
        try (InputStream in = getClass().getResourceAsStream("/practices/demo.json")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void loadsTheFilesAtStartAndTheirStaffCanSignIn() throws IOException {
        write("demo.json", demo);
        new PracticeFiles(store, setup, folder, false);

        assertEquals("Riverside Family Dental", directory.practice("demo").name());
        assertEquals(List.of("checkup", "consult"), directory.reasons("demo").stream().map(Reason::id).toList());
        assertEquals(1, directory.workingHours("demo").size());
        assertEquals(new StaffMember("demo-staff", "demo", "Front desk"),
                staff.authenticate("demo-staff", "demo-staff-2026".toCharArray()).orElseThrow());
    }

    @Test
    void aFileWithAMistakeIsRefusedWholeAndWhatWasStoredStays() throws IOException {
        Path file = write("demo.json", demo);
        PracticeFiles files = new PracticeFiles(store, setup, folder, false);

        write("demo.json", demo.replace("Riverside Family Dental", "Renamed Dental")
                .replace("\"minutes\":30", "\"minutes\":0"));
        assertFalse(files.load(file));
        assertEquals("Riverside Family Dental", directory.practice("demo").name());

        write("demo.json", demo.replace("Riverside Family Dental", "Renamed Dental").replace("}]}", "}]"));
        assertFalse(files.load(file), "broken JSON");
        assertEquals("Riverside Family Dental", directory.practice("demo").name());

        write("demo.json", demo.replace("Riverside Family Dental", "Renamed Dental"));
        assertTrue(files.load(file));
        assertEquals("Renamed Dental", directory.practice("demo").name());
    }

    @Test
    void rulesAndCategoriesOfAFileAreAppliedAndABadOneLeavesThemInForce() throws IOException {
        String withRules = demo.replace("\"reasons\":[", "\"rules\":{\"unitMinutes\":15,\"shownPerDay\":4,"
                + "\"timing\":{\"gridMinutes\":30},\"closedDates\":[\"2026-12-25\"]},"
                + "\"categories\":[{\"id\":\"Routine care\",\"name\":\"Routine care\",\"helpText\":\"Once a year\"},"
                + "{\"id\":\"kids\",\"name\":\"Children\",\"parent\":\"Routine care\"}],"
                + "\"reasons\":[").replace("\"id\":\"consult\",", "\"id\":\"consult\",\"audience\":\"NEW_CLIENTS\",");
        Path file = write("demo.json", withRules);
        PracticeFiles files = new PracticeFiles(store, setup, folder, false);

        PracticeRules rules = directory.rules("demo");
        assertEquals(15, rules.unitMinutes());
        assertEquals(4, rules.shownPerDay());
        assertEquals(Duration.ofMinutes(30), rules.timing().grid());
        assertEquals(Set.of(LocalDate.of(2026, 12, 25)), rules.closedDates());
        assertEquals(List.of("Routine care", "kids"), directory.categories("demo").stream().map(Category::id)
                .sorted().toList());
        assertEquals(Audience.NEW_CLIENTS, directory.reason("demo", "consult").rules().audience());

        write("demo.json", withRules.replace("\"gridMinutes\":30", "\"gridMinutes\":20"));
        assertFalse(files.load(file), "20 minutes is not a whole number of 15-minute units");
        write("demo.json", withRules.replace("\"shownPerDay\":4", "\"shownPerDay\":5,\"showPerDay\":4"));
        assertFalse(files.load(file), "a misspelt field");
        assertEquals(rules, directory.rules("demo"), "the rules before stay in force");
    }

    @Test
    void aStaffUsernameOfAnotherPracticeRefusesTheWholeFile() throws IOException {
        store.run(s -> {
            s.practices().save(Fixtures.practice("other", NewClientPolicy.WELCOME));
            s.staff().save(new StaffMember("demo-staff", "other", "Someone else"), "pbkdf2-sha256:1:AAAAAAAAAAA=:x");
        });
        Path file = write("demo.json", demo);
        assertFalse(new PracticeFiles(store, setup, folder, false).load(file));
        assertTrue(directory.practices().stream().noneMatch(p -> p.slug().equals("demo")),
                "nothing of the file was stored");
    }

    @Test
    void reasonsTheFileNoLongerListsAreRemovedAndHoursItLeavesOutStay() throws IOException {
        Path file = write("demo.json", demo);
        PracticeFiles files = new PracticeFiles(store, setup, folder, false);
        int reasons = demo.indexOf(",\n            {\"id\":\"consult\"");
        String fewer = demo.substring(0, reasons) + "]," + demo.substring(demo.indexOf("\n \"workingHours\""))
                .replaceFirst("(?s)\"workingHours\":\\[.*?}}],", "\"workingHours\":[],");
        write("demo.json", fewer);
        assertTrue(files.load(file), fewer);
        assertEquals(List.of("checkup"), directory.reasons("demo").stream().map(Reason::id).toList());
        assertEquals(List.of("SMITH"), directory.workingHours("demo").stream().map(WorkingHours::providerId).toList(),
                "hours a file leaves out stay, as staff may have set them over the API");
        assertEquals(2, directory.providers("demo").size(), "providers stay: the PMS may name them too");
    }

    @Test
    void aWrittenFileIsPickedUpWhileWatching() throws Exception {
        PracticeFiles files = new PracticeFiles(store, setup, folder, true);
        try {
            write("demo.json", demo);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            // poll: the file system tells the watcher in its own time
            while (directory.practices().isEmpty() && Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertEquals("demo", directory.practices().get(0).slug());
        } finally {
            files.deactivate();
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }
}

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
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Reason;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.store.Store;
import org.slotbridge.store.internal.Fixtures;
import org.slotbridge.store.internal.TestDatabase;

class PracticeFilesTest {

    @TempDir
    Path folder;

    private Store store;
    private PracticeDirectory directory;
    private StaffAccounts staff;
    private String demo;

    @BeforeEach
    void setUp() throws IOException {
        TestDatabase db = TestDatabase.clean();
        store = db.store();
        directory = db.directory();
        staff = db.staff();
        try (InputStream in = getClass().getResourceAsStream("/practices/demo.json")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void loadsTheFilesAtStartAndTheirStaffCanSignIn() throws IOException {
        write("demo.json", demo);
        new PracticeFiles(store, folder, false);

        assertEquals("Riverside Family Dental", directory.practice("demo").name());
        assertEquals(List.of("checkup", "consult"), directory.reasons("demo").stream().map(Reason::id).toList());
        assertEquals(1, directory.workingHours("demo").size());
        assertEquals(new StaffMember("demo-staff", "demo", "Front desk"),
                staff.authenticate("demo-staff", "demo-staff-2026".toCharArray()).orElseThrow());
    }

    @Test
    void aFileWithAMistakeIsRefusedWholeAndWhatWasStoredStays() throws IOException {
        Path file = write("demo.json", demo);
        PracticeFiles files = new PracticeFiles(store, folder, false);

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
    void aStaffUsernameOfAnotherPracticeRefusesTheWholeFile() throws IOException {
        store.run(s -> {
            s.practices().save(Fixtures.practice("other", NewClientPolicy.WELCOME));
            s.staff().save(new StaffMember("demo-staff", "other", "Someone else"), "pbkdf2-sha256:1:AAAAAAAAAAA=:x");
        });
        Path file = write("demo.json", demo);
        assertFalse(new PracticeFiles(store, folder, false).load(file));
        assertTrue(directory.practices().stream().noneMatch(p -> p.slug().equals("demo")),
                "nothing of the file was stored");
    }

    @Test
    void reasonsAndHoursTheFileNoLongerListsAreRemoved() throws IOException {
        Path file = write("demo.json", demo);
        PracticeFiles files = new PracticeFiles(store, folder, false);
        int reasons = demo.indexOf(",\n            {\"id\":\"consult\"");
        String fewer = demo.substring(0, reasons) + "]," + demo.substring(demo.indexOf("\n \"workingHours\""))
                .replaceFirst("(?s)\"workingHours\":\\[.*?}}],", "\"workingHours\":[],");
        write("demo.json", fewer);
        assertTrue(files.load(file), fewer);
        assertEquals(List.of("checkup"), directory.reasons("demo").stream().map(Reason::id).toList());
        assertEquals(List.of(), directory.workingHours("demo"));
        assertEquals(2, directory.providers("demo").size(), "providers stay: the PMS may name them too");
    }

    @Test
    void aWrittenFileIsPickedUpWhileWatching() throws Exception {
        PracticeFiles files = new PracticeFiles(store, folder, true);
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

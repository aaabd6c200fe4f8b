package org.slotbridge.connector.hl7v2.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The public HL7 v2 sample files under {@code ${slotbridge.shared.data}/hl7v2}, read in place. */
final class Samples {

    private Samples() {
    }

    /** The sample folder; skips the calling test with a clear message when it is absent. */
    static Path folder() {
        String root = System.getProperty("slotbridge.shared.data", "../shared/data");
        Path folder = Paths.get(root, "hl7v2");
        assumeTrue(Files.isDirectory(folder), "HL7 v2 sample files not found at " + folder.toAbsolutePath()
                + " (set -Dslotbridge.shared.data); skipping the tests on real files");
        return folder;
    }

    static String read(String name) throws IOException {
        return Files.readString(folder().resolve(name), StandardCharsets.UTF_8);
    }
}

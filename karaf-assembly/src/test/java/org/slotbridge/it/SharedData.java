package org.slotbridge.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Assume;

/**
 * The public sample files the project is tested against (never copied into it), from the system property
 * {@code slotbridge.shared.data}. When the folder is absent, the tests that need it are skipped with a
 * message saying so, and {@code target/shared-data-skipped} is left behind so that a CI run can tell.
 */
final class SharedData {

    static final String PROPERTY = "slotbridge.shared.data";

    private final String subfolder;

    SharedData(String subfolder) {
        this.subfolder = subfolder;
    }

    /** The sample folder, such as {@code hl7v2}. */
    Path folder() {
        return Path.of(System.getProperty(PROPERTY, "../shared/data")).toAbsolutePath().normalize().resolve(subfolder);
    }

    /** Skips the calling test, and leaves the marker, when the folder is absent. */
    void assume() {
        boolean present = Files.isDirectory(folder());
        if (!present) {
            mark();
        }
        Assume.assumeTrue(message(), present);
    }

    private String message() {
        return "shared sample data not found at " + folder() + " (set -D" + PROPERTY + "=<folder>); skipped";
    }

    private void mark() {
        Path work = Path.of(System.getProperty("slotbridge.it.work", "target/it")).toAbsolutePath();
        try {
            Files.createDirectories(work.getParent());
            Files.writeString(work.resolveSibling("shared-data-skipped"), message() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.slotbridge.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The HL7 folders of one practice, as the PMS sees them. */
record Folders(Path inbox, Path done, Path error, Path outbox) {

    static Folders under(Path root) {
        return new Folders(root.resolve("inbox"), root.resolve("done"), root.resolve("error"), root.resolve("outbox"));
    }

    /** The messages in a folder: visible files, without the reports the connector writes beside them. */
    static List<Path> messages(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return !name.startsWith(".") && !name.endsWith(".error.txt") && !name.endsWith(".skipped.txt");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file names of the messages in a folder, sorted. */
    static List<String> names(Path folder) {
        return messages(folder).stream().map(file -> file.getFileName().toString()).toList();
    }

    /** A message file's text. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a message into the inbox whole: written beside it, then renamed. */
    void drop(String name, byte[] content) {
        try {
            Files.createDirectories(inbox);
            Path staged = inbox.resolveSibling("." + name + ".part");
            Files.write(staged, content);
            Files.move(staged, inbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

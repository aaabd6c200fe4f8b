package org.slotbridge.connector.hl7v2.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import ca.uhn.hl7v2.HL7Exception;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Request;
import org.slotbridge.api.Room;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.RequestEvents.Event;
import org.slotbridge.connector.hl7v2.internal.SiuWriter.Names;

/**
 * The folder the PMS reads requests from. Each change of a request (a request event) becomes one file
 * {@code <request-id>-<time>-<event>-<trigger>.hl7}, written under a hidden temporary name and then renamed,
 * so a PMS polling the folder never reads half a file. The time is the UTC time of the change to the
 * millisecond ({@code yyyyMMddHHmmssSSS}) and the event its number in 12 digits, which grows with each change of a
 * request, so the files of one request sort in the order of its changes. Name and content follow from the
 * event alone: an event written again after a crash is the same file, with the same control id (MSH-10).
 */
final class Outbox {

    private static final DateTimeFormatter SEQUENCE =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Charset charset;
    private final SiuWriter writer;
    private final PracticeDirectory directory;

    Outbox(Path folder, Charset charset, SiuWriter writer, PracticeDirectory directory) {
        this.folder = folder;
        this.charset = charset;
        this.writer = writer;
        this.directory = directory;
    }

    Path folder() {
        return folder;
    }

    /** Writes the message for the request as the event left it, replacing that event's file if there is one. */
    Path write(Practice practice, Event event) throws IOException, HL7Exception {
        Request request = event.request();
        String name = safe(request.id()) + "-" + SEQUENCE.format(event.recordedAt()) + "-"
                + String.format(Locale.ROOT, "%012d", event.id()) + "-" + SiuWriter.triggerFor(request.status());
        Names names = names(practice.slug(), request.opening());
        // MSH-10 holds at most 20 characters in v2.5: "SB" and at most 19 digits
        String text = Hapi.call(() -> writer.write(request, practice.zone(), names, "SB" + event.id(),
                event.recordedAt()));

        Files.createDirectories(folder);
        Path temp = folder.resolve("." + name + ".part");
        Path target = folder.resolve(name + ".hl7");
        Files.write(temp, text.getBytes(charset));
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private Names names(String slug, Opening opening) {
        String reason;
        try {
            reason = directory.reason(slug, opening.reasonId()).name();
        } catch (NotFoundException e) {
            reason = opening.reasonId();
        }
        String provider = directory.providers(slug).stream().filter(p -> p.id().equals(opening.providerId()))
                .map(Provider::name).findFirst().orElse(null);
        String room = opening.roomId() == null ? null
                : directory.rooms(slug).stream().filter(r -> r.id().equals(opening.roomId()))
                        .map(Room::name).findFirst().orElse(null);
        return new Names(reason, provider, room);
    }

    // request ids go into file names: keep them to characters every file system takes
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

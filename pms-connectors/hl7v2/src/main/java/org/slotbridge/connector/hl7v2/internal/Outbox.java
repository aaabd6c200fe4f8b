package org.slotbridge.connector.hl7v2.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import ca.uhn.hl7v2.HL7Exception;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Request;
import org.slotbridge.api.Room;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.connector.hl7v2.internal.SiuWriter.Names;

/**
 * The folder the PMS reads requests from. Each change of a request becomes one file
 * {@code <request-id>-<seq>-<trigger>.hl7}, written under a hidden temporary name and then renamed, so a
 * PMS polling the folder never reads half a file. The sequence is the UTC time of writing to the
 * millisecond ({@code yyyyMMddHHmmssSSS}), kept increasing within a run, so the files of one request sort
 * in the order they were written.
 */
final class Outbox {

    private static final DateTimeFormatter SEQUENCE =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Charset charset;
    private final SiuWriter writer;
    private final PracticeDirectory directory;
    private final Clock clock;
    private final AtomicLong lastMillis = new AtomicLong();

    Outbox(Path folder, Charset charset, SiuWriter writer, PracticeDirectory directory, Clock clock) {
        this.folder = folder;
        this.charset = charset;
        this.writer = writer;
        this.directory = directory;
        this.clock = clock;
    }

    Path folder() {
        return folder;
    }

    /** Writes the message for the request's current status and returns the file written. */
    Path write(Practice practice, Request request) throws IOException, HL7Exception {
        Instant now = clock.instant();
        long millis = lastMillis.updateAndGet(last -> Math.max(last + 1, now.toEpochMilli()));
        String sequence = SEQUENCE.format(Instant.ofEpochMilli(millis));
        String name = safe(request.id()) + "-" + sequence + "-" + SiuWriter.triggerFor(request.status());
        Names names = names(practice.slug(), request.opening());
        // MSH-10 holds at most 20 characters in v2.5
        String text = Hapi.call(() -> writer.write(request, practice.zone(), names, "SB" + sequence, now));

        Files.createDirectories(folder);
        Path temp = folder.resolve("." + name + ".part");
        Path target = folder.resolve(name + ".hl7");
        Files.write(temp, text.getBytes(charset));
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
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

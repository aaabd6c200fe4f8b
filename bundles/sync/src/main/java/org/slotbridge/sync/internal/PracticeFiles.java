package org.slotbridge.sync.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.SlotbridgeException;
import org.slotbridge.api.service.PracticeSetup;
import org.slotbridge.store.StaffRecord;
import org.slotbridge.store.Store;

/**
 * Loads the practice files, {@code <slug>.json} in {@code etc/slotbridge/practices}, at start and
 * whenever one is written. A file's configuration is applied whole through
 * {@link PracticeSetup#apply}, or not at all: a file with a mistake is refused with an error naming the
 * file, the JSON field and the reason, and the configuration stored before stays in force.
 * <p>
 * A file describes its practice's configuration fully (see {@link PracticeSetup#apply}). Providers and
 * rooms are only added or renamed, since the PMS may name more; staff are only added or updated.
 * Deleting a file leaves its practice as it was.
 */
@Component(configurationPid = PracticeFiles.PID, immediate = true)
@Designate(ocd = PracticeFiles.Config.class)
public final class PracticeFiles {

    static final String PID = "org.slotbridge.sync.practices";
    private static final Logger LOG = LoggerFactory.getLogger(PracticeFiles.class);
    private static final String SUFFIX = ".json";
    private static final long STOP_WAIT_MILLIS = 5000;

    @ObjectClassDefinition(name = "Slotbridge practice files",
            description = "Where the practice files are read from, and whether changes are picked up.")
    @interface Config {

        @AttributeDefinition(name = "Folder",
                description = "The folder of <slug>.json files; empty means etc/slotbridge/practices of Karaf.")
        String folder() default "";

        @AttributeDefinition(name = "Watch", description = "Load a file again whenever it is written.")
        boolean watch() default true;
    }

    private final Store store;
    private final PracticeSetup setup;
    private final Path folder;
    /** Plain trees, refusing a field given twice rather than keeping the last. */
    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** The content last applied per file, so that repeated change events apply it once. */
    private final Map<Path, byte[]> applied = new ConcurrentHashMap<>();
    private final WatchService watcher;
    private final Thread watching;

    @Activate
    public PracticeFiles(@Reference(name = "store") Store store, @Reference(name = "setup") PracticeSetup setup,
                         Config config) {
        this(store, setup, folder(config.folder()), config.watch());
    }

    PracticeFiles(Store store, PracticeSetup setup, Path folder, boolean watch) {
        this.store = store;
        this.setup = setup;
        this.folder = folder;
        if (folder == null) {
            LOG.warn("No folder for practice files: karaf.etc is not set and {} names none", PID);
        } else if (!Files.isDirectory(folder)) {
            LOG.info("No practice files: {} does not exist", folder);
        } else {
            loadAll();
        }
        watcher = watch && folder != null && Files.isDirectory(folder) ? watch(folder) : null;
        watching = watcher == null ? null : new Thread(this::watchLoop, "slotbridge-practice-files");
        if (watching != null) {
            watching.setDaemon(true);
            watching.start();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch on {} failed", folder, e);
            }
            watching.join(STOP_WAIT_MILLIS);
        }
    }

    /** Loads every practice file of the folder, in name order. */
    void loadAll() {
        Set<Path> files = new TreeSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            LOG.error("The practice files in {} could not be listed: {}", folder, e.getMessage());
            return;
        }
        files.forEach(this::load);
    }

    /**
     * Applies one practice file whole, or refuses it and logs why.
     *
     * @return true when the file is applied, or unchanged since it last was
     */
    boolean load(Path file) {
        String name = file.getFileName().toString();
        String slug = name.substring(0, name.length() - SUFFIX.length());
        try {
            byte[] content = Files.readAllBytes(file);
            if (Arrays.equals(content, applied.get(file))) {
                return true;
            }
            PracticeFile practice = PracticeFileReader.read(json.readValue(content, Object.class), slug);
            apply(practice);
            applied.put(file, content);
            report(file, practice);
            return true;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            LOG.error("Practice file {} is not valid JSON (line {}, column {}): {}. Nothing in it was applied.",
                    file, at == null ? "?" : at.getLineNr(), at == null ? "?" : at.getColumnNr(),
                    e.getOriginalMessage());
        } catch (IOException e) {
            LOG.error("Practice file {} could not be read: {}. Nothing in it was applied.", file, e.getMessage());
        } catch (InvalidInputException e) {
            LOG.error("Practice file {} was refused at {}: {}. Nothing in it was applied; the configuration "
                    + "before it stays in force.", file, e.field(), e.reason());
        } catch (SlotbridgeException e) {
            LOG.error("Practice file {} was refused: {}. Nothing in it was applied.", file, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Practice file {} could not be stored. Nothing in it was applied.", file, e);
        }
        return false;
    }

    private void apply(PracticeFile file) {
        String slug = file.slug();
        // checked before anything is applied, so that a file whose staff cannot be saved changes nothing
        store.run(session -> {
            for (int i = 0; i < file.staff().size(); i++) {
                String username = file.staff().get(i).member().username();
                boolean elsewhere = session.staff().find(username)
                        .filter(other -> !other.member().practiceSlug().equals(slug)).isPresent();
                if (elsewhere) {
                    throw new InvalidInputException("staff[" + i + "].username",
                            "'" + username + "' belongs to another practice");
                }
            }
        });
        setup.apply(file.config());
        store.run(session -> {
            for (StaffRecord staff : file.staff()) {
                session.staff().save(staff.member(), staff.passwordHash());
            }
        });
    }

    private static void report(Path file, PracticeFile practice) {
        String slug = practice.slug();
        LOG.info("Practice {} loaded from {}: {} providers, {} rooms, {} categories, {} reasons, {} staff", slug,
                file, practice.config().providers().size(), practice.config().rooms().size(),
                practice.config().categories().size(), practice.config().reasons().size(), practice.staff().size());
        if (practice.config().hours().isEmpty()) {
            LOG.warn("Practice {} has no working hours in {}, so it offers no openings", slug, file);
        }
    }

    private static WatchService watch(Path folder) {
        try {
            WatchService service = folder.getFileSystem().newWatchService();
            folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            return service;
        } catch (IOException e) {
            LOG.warn("Changes to the practice files in {} will not be picked up: {}", folder, e.getMessage());
            return null;
        }
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        loadAll();
                    } else if (event.context() instanceof Path changed && changed.toString().endsWith(SUFFIX)) {
                        Path file = folder.resolve(changed);
                        if (Files.isRegularFile(file)) {
                            load(file);
                        }
                    }
                }
                if (!key.reset()) {
                    LOG.warn("{} can no longer be watched; changes to practice files need a restart", folder);
                    return;
                }
            }
        } catch (ClosedWatchServiceException e) {
            LOG.debug("Stopped watching {}", folder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path folder(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.strip());
        }
        String etc = System.getProperty("karaf.etc");
        return etc == null ? null : Paths.get(etc, "slotbridge", "practices");
    }
}

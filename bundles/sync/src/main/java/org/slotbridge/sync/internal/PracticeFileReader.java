package org.slotbridge.sync.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.store.Passwords;
import org.slotbridge.store.StaffRecord;
import org.slotbridge.sync.config.ConfigReader;

/**
 * Reads a practice file ({@code etc/slotbridge/practices/<slug>.json}): the practice's configuration in
 * the form {@link ConfigReader} reads, and its {@code staff}. Every refusal is an
 * {@link InvalidInputException} whose field is the JSON path of the offending value, such as
 * {@code reasons[1].minutes}; a field the format does not have is refused too, so that a misspelt
 * setting is not silently left out.
 */
final class PracticeFileReader {

    private static final String STAFF = "staff";
    private static final Set<String> STAFF_FIELDS = Set.of("username", "displayName", "passwordHash");

    private PracticeFileReader() {
    }

    /**
     * Reads one file's content, a plain JSON tree.
     *
     * @param slug the slug the file's name gives, which the file must repeat
     * @throws InvalidInputException naming the path of the first value that breaks a rule
     */
    static PracticeFile read(Object root, String slug) {
        if (!(root instanceof Map<?, ?> file)) {
            throw new InvalidInputException("(file)", "must hold one JSON object");
        }
        PracticeConfig config = ConfigReader.config(file, Set.of(STAFF));
        if (!config.practice().slug().equals(slug)) {
            throw new InvalidInputException("slug",
                    "is '" + config.practice().slug() + "' but the file is named " + slug + ".json");
        }
        return new PracticeFile(config, staff(file.get(STAFF), slug));
    }

    private static List<StaffRecord> staff(Object list, String slug) {
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> items)) {
            throw new InvalidInputException(STAFF, "must be a list");
        }
        List<StaffRecord> staff = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String path = STAFF + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> member)) {
                throw new InvalidInputException(path, "must be an object (a staff member)");
            }
            for (Object name : member.keySet()) {
                if (!STAFF_FIELDS.contains(String.valueOf(name))) {
                    throw new InvalidInputException(path + "." + name,
                            "is not a field of a staff member; the fields are displayName, passwordHash, username");
                }
            }
            String username = text(member, "username", path, true);
            if (!usernames.add(username)) {
                throw new InvalidInputException(path + ".username", "'" + username + "' appears twice");
            }
            String hash = text(member, "passwordHash", path, true);
            if (!Passwords.isWellFormed(hash)) {
                throw new InvalidInputException(path + ".passwordHash",
                        "must be pbkdf2-sha256:<iterations>:<base64 salt>:<base64 hash>");
            }
            String displayName = text(member, "displayName", path, false);
            staff.add(new StaffRecord(new StaffMember(username, slug, displayName != null ? displayName : username),
                    hash));
        }
        return staff;
    }

    private static String text(Map<?, ?> member, String key, String path, boolean required) {
        Object value = member.get(key);
        if (value == null || value instanceof String text && text.isBlank()) {
            if (required) {
                throw new InvalidInputException(path + "." + key, "is required");
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(path + "." + key, "must be text");
        }
        return text.strip();
    }
}

package org.slotbridge.store.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.store.Passwords;
import org.slotbridge.store.StaffRecord;
import org.slotbridge.store.Store;

/**
 * Staff accounts with PBKDF2 password hashes. A failed sign-in costs one full hash check whether or
 * not the username exists, so timing does not tell which usernames do.
 */
@Component(service = StaffAccounts.class)
public final class StaffAccountsService implements StaffAccounts {

    private static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 200;
    /** Printable, no spaces, and no colon, which HTTP Basic uses as its separator. */
    private static final Pattern USERNAME = Pattern.compile("[\\p{Graph}&&[^:]]{1,100}");

    private final Store store;

    @Activate
    public StaffAccountsService(@Reference(name = "store") Store store) {
        this.store = store;
    }

    @Override
    public Optional<StaffMember> authenticate(String username, char[] password) {
        Optional<StaffRecord> found = username == null || username.isEmpty()
                ? Optional.empty()
                : store.call(session -> session.staff().find(username));
        boolean matches = Passwords.matches(password, found.map(StaffRecord::passwordHash).orElse(null));
        return matches ? found.map(StaffRecord::member) : Optional.empty();
    }

    @Override
    public void save(StaffMember member, char[] password) {
        if (member == null || member.username() == null || !USERNAME.matcher(member.username()).matches()) {
            throw new InvalidInputException("username",
                    "must be 1 to 100 printable characters without spaces or colons");
        }
        if (member.displayName() == null || member.displayName().isBlank() || member.displayName().length() > 200) {
            throw new InvalidInputException("displayName", "must be 1 to 200 characters");
        }
        if (password == null || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
            throw new InvalidInputException("password",
                    "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
        }
        String hash = Passwords.hash(password);
        store.run(session -> session.staff().save(member, hash));
    }
}

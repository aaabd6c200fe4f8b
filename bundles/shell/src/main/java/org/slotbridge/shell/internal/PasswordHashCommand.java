package org.slotbridge.shell.internal;

import java.io.IOException;
import java.util.Arrays;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.slotbridge.store.Passwords;

/**
 * {@code slotbridge:password-hash}: asks for a password twice without echoing it and prints the hash
 * to put in a practice file's {@code staff[].passwordHash}, so no password is ever written in clear.
 */
@Service
@Command(scope = "slotbridge", name = "password-hash",
        description = "Asks for a staff password and prints its hash for a practice file.")
public class PasswordHashCommand implements Action {

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        char[] first = ask("Password: ");
        char[] second = ask("Again: ");
        try {
            if (first.length < 8) {
                throw new IllegalArgumentException("a staff password needs at least 8 characters");
            }
            if (!Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            session.getConsole().println(Passwords.hash(first));
            return null;
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
    }

    /** Reads a line without echo; a session with no terminal (a command given to ssh) has none to read. */
    private char[] ask(String prompt) throws IOException {
        try {
            return session.readLine(prompt, '*').toCharArray();
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("this command asks for the password on a terminal: open the shell"
                    + " (./demo.sh shell, or ssh -t) and type slotbridge:password-hash there");
        }
    }
}

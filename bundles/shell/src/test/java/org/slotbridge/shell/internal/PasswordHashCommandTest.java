package org.slotbridge.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.apache.karaf.shell.api.console.Session;
import org.junit.jupiter.api.Test;
import org.slotbridge.store.Passwords;

/** The hash command on a console that answers its prompts, and on one with no terminal. */
class PasswordHashCommandTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void printsAHashOfThePasswordTypedTwice() throws Exception {
        PasswordHashCommand command = new PasswordHashCommand();
        command.session = session(new ArrayDeque<>(List.of("correct horse", "correct horse")));

        command.execute();

        String hash = printed.toString(StandardCharsets.UTF_8).strip();
        assertTrue(Passwords.matches("correct horse".toCharArray(), hash), hash);
    }

    @Test
    void twoDifferentPasswordsAreRefused() {
        PasswordHashCommand command = new PasswordHashCommand();
        command.session = session(new ArrayDeque<>(List.of("correct horse", "correct house")));

        assertEquals("the two passwords differ",
                assertThrows(IllegalArgumentException.class, command::execute).getMessage());
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutATerminalItSaysWhereToTypeIt() {
        PasswordHashCommand command = new PasswordHashCommand();
        command.session = session(null);

        IllegalStateException e = assertThrows(IllegalStateException.class, command::execute);
        assertTrue(e.getMessage().contains("./demo.sh shell"), e.getMessage());
    }

    /** A session that answers readLine from {@code lines}, or, when null, has no terminal as over plain ssh. */
    private Session session(Deque<String> lines) {
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "readLine" -> {
                        if (lines == null) {
                            throw new UnsupportedOperationException();
                        }
                        yield lines.removeFirst();
                    }
                    case "getConsole" -> console;
                    default -> throw new AssertionError("unexpected call " + method.getName());
                });
    }
}

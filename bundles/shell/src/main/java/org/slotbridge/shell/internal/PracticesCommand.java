package org.slotbridge.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.slotbridge.api.Practice;
import org.slotbridge.api.service.ConnectorStatus;
import org.slotbridge.api.service.PracticeDirectory;

/** {@code slotbridge:practices}: every practice, and how each connector's syncing of it goes. */
@Service
@Command(scope = "slotbridge", name = "practices",
        description = "Lists the practices and the sync state each connector reports for them.")
public class PracticesCommand implements Action {

    @Reference
    PracticeDirectory directory;

    @Reference
    List<ConnectorStatus> connectors;

    @Reference
    Session session;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        List<Practice> practices = directory.practices();
        Listings.practices(practices).print(out, "No practices are configured.");
        out.println();
        Listings.syncStates(practices, connectors == null ? List.of() : connectors)
                .print(out, "No connector reports any sync state.");
        return null;
    }
}

package org.slotbridge.booking.internal;

import java.util.List;

import org.slotbridge.api.Client;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.Practice;
import org.slotbridge.api.RequestForm;
import org.slotbridge.store.ClientRecord;
import org.slotbridge.store.Passwords;
import org.slotbridge.store.StoreSession;

/**
 * Finds who is asking by email or phone, and proves it with the privacy code: a client with a code
 * must give it; a client the PMS knows who has none yet makes the given code theirs; someone unknown
 * becomes a new client where the practice welcomes them.
 */
final class ClientMatcher {

    private ClientMatcher() {
    }

    /**
     * The client who sends {@code form}, stored if new.
     *
     * @param form a form {@link Forms#check checked} already
     */
    static Match match(StoreSession session, Practice practice, RequestForm form) {
        String slug = practice.slug();
        char[] code = form.privacyCode().toCharArray();
        List<ClientRecord> known = session.clients().findByContact(slug, form.email(), form.phone());
        if (known.isEmpty()) {
            if (practice.newClients() != NewClientPolicy.WELCOME) {
                throw new ConflictException("new_clients_closed",
                        "this practice takes online requests from its existing clients only");
            }
            if (form.clientName() == null) {
                throw new InvalidInputException("clientName", "is required for a new client");
            }
            Client created = session.clients().create(slug, form.clientName(), form.email(), form.phone(),
                    Passwords.hash(code));
            return new Match(created, true);
        }
        boolean anyCode = false;
        for (ClientRecord record : known) {
            if (record.privacyHash() != null) {
                anyCode = true;
                if (Passwords.matches(code, record.privacyHash())) {
                    return new Match(record.client(), false);
                }
            }
        }
        if (anyCode) {
            throw new InvalidInputException("privacyCode", "does not match the code chosen for this email or phone");
        }
        Client first = known.get(0).client();
        if (!session.clients().claimPrivacyCode(slug, first.id(), Passwords.hash(code))) {
            throw new ConflictException("busy", "this client's privacy code was set just now; try again");
        }
        return new Match(new Client(first.id(), first.pmsId(), first.name(), first.email(), first.phone(), true),
                false);
    }

    /**
     * @param client    the client, stored
     * @param newClient true when the practice did not know them before this request
     */
    record Match(Client client, boolean newClient) {
    }
}

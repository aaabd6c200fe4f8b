package org.slotbridge.connector.hl7v2.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import ca.uhn.hl7v2.model.Segment;
import org.slotbridge.api.Client;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.connector.hl7v2.internal.Hl7People.Contact;

/**
 * Reads an ADT registration or update into a patient and the client who books for them.
 *
 * <p>The patient is PID-3 (first id), PID-5, PID-7; a PID-35 species makes it a pet. The client is, in this
 * order: the first guarantor (GT1) unless GT1-11 says the patient is their own guarantor; the patient, when
 * PID-13/PID-14 give a phone or email and the patient is no pet; the first next of kin (NK1) with a phone or
 * email; else the patient. A guarantor or next of kin without an id of their own (GT1-2, NK1-33) is filed
 * under the patient's id with {@code -GT1} or {@code -NK1} appended, so that the same message always
 * updates the same client.
 */
final class AdtReader {

    /** The person update one message carries: the client first, then the patient who refers to them. */
    record PersonChange(Client client, Patient patient) {
    }

    private static final Set<String> APPLIED = Set.of("A01", "A04", "A08", "A28", "A31");
    private static final Set<String> SELF = Set.of("SEL", "SELF");

    private AdtReader() {
    }

    /** True for the events that register or update a person. */
    static boolean applies(String trigger) {
        return APPLIED.contains(trigger);
    }

    /** True for the ADT trigger events of the standard, applied or not. */
    static boolean isKnownTrigger(String trigger) {
        return trigger.matches("A(0[1-9]|[1-5][0-9]|6[0-2])");
    }

    static PersonChange read(Hl7Message message) {
        Segment pid = message.first("PID");
        if (pid == null) {
            throw new InvalidInputException("PID", "segment missing");
        }
        String patientId = Hl7Message.get(pid, 3, 1);
        if (patientId == null) {
            throw new InvalidInputException("PID-3", "no patient id");
        }
        String patientName = Hl7People.personName(pid, 5);
        if (patientName == null) {
            throw new InvalidInputException("PID-5", "no patient name");
        }
        String birth = Hl7Message.get(pid, 7, 1);
        LocalDate birthDate = birth == null ? null : Hl7Time.date("PID-7", birth);
        String species = Hl7Message.get(pid, 35, 2) != null ? Hl7Message.get(pid, 35, 2)
                : Hl7Message.get(pid, 35, 1);
        boolean pet = species != null;
        Contact own = Hl7People.contact(pid, 13, 14);

        Client client = guarantor(message.first("GT1"), patientId);
        if (client == null && (pet || own.isEmpty())) {
            client = nextOfKin(message.all("NK1"), patientId);
        }
        if (client == null) {
            client = new Client(null, patientId, patientName, own.email(), own.phone(), false);
        }
        boolean self = client.pmsId().equals(patientId);
        PatientKind kind = pet ? PatientKind.PET : self ? PatientKind.SELF : PatientKind.FAMILY;
        Patient patient = new Patient(null, patientId, client.pmsId(), patientName, kind, birthDate, species);
        return new PersonChange(client, patient);
    }

    private static Client guarantor(Segment gt1, String patientId) {
        String name = Hl7People.personName(gt1, 3);
        if (gt1 == null || name == null) {
            return null;
        }
        String id = Hl7Message.get(gt1, 2, 1);
        String relationship = Hl7Message.get(gt1, 11, 1);
        if (patientId.equals(id) || relationship != null && SELF.contains(relationship.toUpperCase(Locale.ROOT))) {
            return null;
        }
        Contact contact = Hl7People.contact(gt1, 6, 7);
        return new Client(null, id != null ? id : patientId + "-GT1", name, contact.email(), contact.phone(),
                false);
    }

    private static Client nextOfKin(Iterable<Segment> nk1s, String patientId) {
        for (Segment nk1 : nk1s) {
            String name = Hl7People.personName(nk1, 2);
            Contact contact = Hl7People.contact(nk1, 5, 6);
            if (name != null && !contact.isEmpty()) {
                String id = Hl7Message.get(nk1, 33, 1);
                return new Client(null, id != null ? id : patientId + "-NK1", name, contact.email(),
                        contact.phone(), false);
            }
        }
        return null;
    }
}

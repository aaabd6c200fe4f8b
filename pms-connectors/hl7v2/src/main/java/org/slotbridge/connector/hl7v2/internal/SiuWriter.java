package org.slotbridge.connector.hl7v2.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.DataTypeException;
import ca.uhn.hl7v2.model.v25.datatype.XCN;
import ca.uhn.hl7v2.model.v25.datatype.XPN;
import ca.uhn.hl7v2.model.v25.datatype.XTN;
import ca.uhn.hl7v2.model.v25.message.SIU_S12;
import ca.uhn.hl7v2.model.v25.segment.AIL;
import ca.uhn.hl7v2.model.v25.segment.AIP;
import ca.uhn.hl7v2.model.v25.segment.AIS;
import ca.uhn.hl7v2.model.v25.segment.MSH;
import ca.uhn.hl7v2.model.v25.segment.NTE;
import ca.uhn.hl7v2.model.v25.segment.PID;
import ca.uhn.hl7v2.model.v25.segment.SCH;
import org.slotbridge.api.Client;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;

/**
 * Writes a request as an HL7 v2.5 SIU message, in HAPI's SIU_S12 structure (the one every SIU event uses).
 *
 * <ul>
 *   <li>PENDING: S12, a new appointment request, SCH-25 {@code Pending}.</li>
 *   <li>PROPOSED: S14 with the proposed time, SCH-25 {@code Pending}: staff offered it, the client has not
 *       answered.</li>
 *   <li>CONFIRMED: S14 with the confirmed time, SCH-25 {@code Booked}.</li>
 *   <li>DECLINED, WITHDRAWN, EXPIRED and CONFLICTED: S15, SCH-25 {@code Cancelled}. A conflicted request has
 *       lost its time to another visit and holds nothing, so the PMS must not keep it as booked; if the client
 *       then takes an opening offered instead, the request is pending again and an S12 asks for it anew under
 *       the same placer id.</li>
 *   <li>CANCELLED: S15, SCH-25 {@code Cancelled}, answering the PMS's own cancellation of the booked visit, so
 *       that the request's last message always says where it stands.</li>
 * </ul>
 *
 * <p>SCH-1 (placer appointment id) is the request id in namespace {@value SiuReader#NAMESPACE}, the same in
 * every message about one request. The time is in SCH-9/10 (minutes), SCH-11 (TQ: duration {@code M<n>},
 * start, end) and on every resource segment, written in the practice's zone with its offset. AIS-3 names the
 * reason, AIP-3 the provider, AIL-3 the room (as point of care). PID carries the patient's PMS id and name
 * and the client's phone and email; NTE the client's memo, the staff note, and who asked when the visit is
 * for someone else.
 */
final class SiuWriter {

    /** Sending application (MSH-3) of every message written. */
    static final String APPLICATION = "SLOTBRIDGE";

    private final HapiContext hapi;

    SiuWriter(HapiContext hapi) {
        this.hapi = hapi;
    }

    /** The trigger event written for a request in this status. */
    static String triggerFor(RequestStatus status) {
        return switch (status) {
            case PENDING -> "S12";
            case PROPOSED, CONFIRMED -> "S14";
            case DECLINED, WITHDRAWN, EXPIRED, CONFLICTED, CANCELLED -> "S15";
        };
    }

    /**
     * The message for one change of a request.
     *
     * @param names     provider, room and reason names as the practice shows them
     * @param controlId MSH-10, unique per message
     * @param now       MSH-7
     */
    String write(Request request, ZoneId zone, Names names, String controlId, Instant now) throws HL7Exception {
        String trigger = triggerFor(request.status());
        SIU_S12 message = hapi.newMessage(SIU_S12.class);

        // set by hand: HAPI's quick start would draw control ids from a counter file in the working folder
        MSH msh = message.getMSH();
        msh.getFieldSeparator().setValue("|");
        msh.getEncodingCharacters().setValue("^~\\&");
        msh.getSendingApplication().getNamespaceID().setValue(APPLICATION);
        msh.getSendingFacility().getNamespaceID().setValue(request.practiceSlug());
        msh.getDateTimeOfMessage().getTime().setValue(Hl7Time.format(now, zone));
        msh.getMessageType().getMessageCode().setValue("SIU");
        msh.getMessageType().getTriggerEvent().setValue(trigger);
        msh.getMessageType().getMessageStructure().setValue("SIU_S12");
        msh.getMessageControlID().setValue(controlId);
        msh.getProcessingID().getProcessingID().setValue("P");
        msh.getVersionID().getVersionID().setValue("2.5");

        Opening opening = request.opening();
        String start = Hl7Time.format(opening.start(), zone);
        String end = Hl7Time.format(opening.end(), zone);
        String minutes = Long.toString(Duration.between(opening.start(), opening.end()).toMinutes());

        SCH sch = message.getSCH();
        sch.getPlacerAppointmentID().getEntityIdentifier().setValue(request.id());
        sch.getPlacerAppointmentID().getNamespaceID().setValue(SiuReader.NAMESPACE);
        sch.getEventReason().getIdentifier().setValue(request.status().name());
        sch.getEventReason().getText().setValue(eventText(request.status()));
        sch.getAppointmentReason().getIdentifier().setValue(opening.reasonId());
        sch.getAppointmentReason().getText().setValue(names.reason());
        sch.getAppointmentDuration().setValue(minutes);
        sch.getAppointmentDurationUnits().getIdentifier().setValue("MIN");
        sch.getAppointmentTimingQuantity(0).getDuration().setValue("M" + minutes);
        sch.getAppointmentTimingQuantity(0).getStartDateTime().getTime().setValue(start);
        sch.getAppointmentTimingQuantity(0).getEndDateTime().getTime().setValue(end);
        sch.getFillerStatusCode().getIdentifier().setValue(fillerStatus(request.status()));

        int note = 0;
        note = note(message, note, request.memo());
        note = note(message, note, request.staffNote());
        note(message, note, requestedBy(request));

        patient(message.getPATIENT().getPID(), request);

        message.getRESOURCES().getRGS().getSetIDRGS().setValue("1");
        AIS ais = message.getRESOURCES().getSERVICE().getAIS();
        ais.getSetIDAIS().setValue("1");
        ais.getUniversalServiceIdentifier().getIdentifier().setValue(opening.reasonId());
        ais.getUniversalServiceIdentifier().getText().setValue(names.reason());
        ais.getStartDateTime().getTime().setValue(start);
        ais.getDuration().setValue(minutes);
        ais.getDurationUnits().getIdentifier().setValue("MIN");

        AIP aip = message.getRESOURCES().getPERSONNEL_RESOURCE().getAIP();
        aip.getSetIDAIP().setValue("1");
        staff(aip.getPersonnelResourceID(0), opening.providerId(), names.provider());
        aip.getStartDateTime().getTime().setValue(start);
        aip.getDuration().setValue(minutes);
        aip.getDurationUnits().getIdentifier().setValue("MIN");

        if (opening.roomId() != null) {
            AIL ail = message.getRESOURCES().getLOCATION_RESOURCE().getAIL();
            ail.getSetIDAIL().setValue("1");
            ail.getLocationResourceID(0).getPointOfCare().setValue(opening.roomId());
            ail.getLocationResourceID(0).getLocationDescription().setValue(names.room());
            ail.getStartDateTime().getTime().setValue(start);
            ail.getDuration().setValue(minutes);
            ail.getDurationUnits().getIdentifier().setValue("MIN");
        }
        return hapi.getPipeParser().encode(message);
    }

    /**
     * The names printed beside ids, for people reading the message in the PMS.
     *
     * @param reason   the reason's name
     * @param provider the provider's name
     * @param room     the room's name; may be null
     */
    record Names(String reason, String provider, String room) {
    }

    private static void patient(PID pid, Request request) throws DataTypeException {
        Client client = request.client();
        Patient patient = request.patient();
        String name = patient != null && patient.name() != null ? patient.name()
                : client != null ? client.name() : null;
        String id = patient != null && patient.pmsId() != null ? patient.pmsId()
                : selfOrNone(patient) && client != null ? client.pmsId() : null;
        pid.getSetIDPID().setValue("1");
        if (id != null) {
            pid.getPatientIdentifierList(0).getIDNumber().setValue(id);
        }
        if (name != null) {
            XPN xpn = pid.getPatientName(0);
            String[] parts = splitName(name);
            xpn.getFamilyName().getSurname().setValue(parts[1]);
            xpn.getGivenName().setValue(parts[0]);
        }
        if (patient != null && patient.birthDate() != null) {
            pid.getDateTimeOfBirth().getTime().setValue(patient.birthDate().toString().replace("-", ""));
        }
        if (patient != null && patient.kind() == PatientKind.PET && patient.species() != null) {
            pid.getSpeciesCode().getText().setValue(patient.species());
        }
        if (client != null) {
            int rep = 0;
            if (client.phone() != null) {
                XTN phone = pid.getPhoneNumberHome(rep++);
                phone.getTelephoneNumber().setValue(client.phone());
                phone.getTelecommunicationUseCode().setValue("PRN");
                phone.getTelecommunicationEquipmentType().setValue("PH");
            }
            if (client.email() != null) {
                XTN email = pid.getPhoneNumberHome(rep);
                email.getTelecommunicationUseCode().setValue("NET");
                email.getTelecommunicationEquipmentType().setValue("Internet");
                email.getEmailAddress().setValue(client.email());
            }
        }
    }

    private static boolean selfOrNone(Patient patient) {
        return patient == null || patient.kind() == null || patient.kind() == PatientKind.SELF;
    }

    private static void staff(XCN xcn, String id, String name) throws DataTypeException {
        xcn.getIDNumber().setValue(id);
        if (name != null) {
            String[] parts = splitName(name);
            xcn.getFamilyName().getSurname().setValue(parts[1]);
            xcn.getGivenName().setValue(parts[0]);
        }
    }

    // "Ann Marie Smith" -> given "Ann Marie", family "Smith"; read back, given + family gives the name again
    private static String[] splitName(String name) {
        String trimmed = name.strip();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? new String[] {null, trimmed}
                : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1)};
    }

    private static int note(SIU_S12 message, int index, String text) throws HL7Exception {
        if (text == null || text.isBlank()) {
            return index;
        }
        NTE nte = message.getNTE(index);
        nte.getSetIDNTE().setValue(Integer.toString(index + 1));
        // one repetition of NTE-3 per line: a raw line feed would end the segment for a reader that splits on it
        String[] lines = text.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            nte.getComment(i).setValue(lines[i]);
        }
        return index + 1;
    }

    private static String requestedBy(Request request) {
        Patient patient = request.patient();
        Client client = request.client();
        if (client == null || selfOrNone(patient)) {
            return request.newClient() ? "Requested online by a new client" : null;
        }
        return "Requested online by " + client.name() + (request.newClient() ? " (new client)" : "")
                + " for " + patient.name() + " (" + patient.kind().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static String eventText(RequestStatus status) {
        return switch (status) {
            case PENDING -> "Requested online";
            case PROPOSED -> "Other time proposed by staff";
            case CONFIRMED -> "Confirmed by staff";
            case DECLINED -> "Declined by staff";
            case WITHDRAWN -> "Withdrawn by the client";
            case EXPIRED -> "Expired: not decided in time";
            case CONFLICTED -> "Time booked in the PMS for another visit";
            case CANCELLED -> "Cancelled in the PMS";
        };
    }

    private static String fillerStatus(RequestStatus status) {
        return switch (status) {
            case PENDING, PROPOSED -> "Pending";
            case CONFIRMED -> "Booked";
            case DECLINED, WITHDRAWN, EXPIRED, CONFLICTED, CANCELLED -> "Cancelled";
        };
    }
}

package org.slotbridge.connector.hl7v2.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.SlotbridgeException;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.ScheduleSync;
import org.slotbridge.connector.hl7v2.internal.AdtReader.PersonChange;
import org.slotbridge.connector.hl7v2.internal.ScheduleChange.Action;

/**
 * Applies the messages of one inbox file to the schedule copy of one practice, each on its own: a message
 * that fails is reported and the others still go through.
 *
 * <p>SIU S12, S13 and S14 store the appointment; S15, S16 and S17 cancel it; S26 marks a no-show. ADT A01,
 * A04, A08, A28 and A31 store the client and the patient. Other standard SIU and ADT events, and other
 * message types, are skipped with a reason; a trigger the standard does not know fails.
 */
final class MessageApplier {

    private static final Logger LOG = LoggerFactory.getLogger(MessageApplier.class);

    private final HapiContext hapi;
    private final ScheduleSync sync;
    private final PracticeDirectory directory;

    MessageApplier(HapiContext hapi, ScheduleSync sync, PracticeDirectory directory) {
        this.hapi = hapi;
        this.sync = sync;
        this.directory = directory;
    }

    FileOutcome apply(String slug, String text) {
        Hl7Text.Split split = Hl7Text.split(text);
        ZoneId zone;
        try {
            zone = directory.practice(slug).zone();
        } catch (NotFoundException e) {
            return FileOutcome.refused("practice '" + slug + "' is not set up (etc/slotbridge/practices/"
                    + slug + ".json)", split.messages().size());
        }
        if (split.messages().isEmpty()) {
            return FileOutcome.refused("the file holds no HL7 message (no MSH segment)", 0);
        }
        List<MessageOutcome> outcomes = new ArrayList<>();
        if (split.strayLines() > 0) {
            outcomes.add(MessageOutcome.failed(0, null, null,
                    split.strayLines() + " line(s) before the first MSH segment belong to no message"));
        }
        for (int i = 0; i < split.messages().size(); i++) {
            outcomes.add(applyOne(slug, zone, i + 1, split.messages().get(i)));
        }
        return new FileOutcome(outcomes);
    }

    private MessageOutcome applyOne(String slug, ZoneId zone, int number, String text) {
        Hl7Message message;
        try {
            message = parse(text);
        } catch (HL7Exception e) {
            return MessageOutcome.failed(number, Hl7Text.controlId(text), where(e.getLocation()),
                    "cannot be parsed as HL7 v2").withDetail(e.getMessage());
        } catch (RuntimeException e) {
            return MessageOutcome.failed(number, Hl7Text.controlId(text), "MSH",
                    "cannot be parsed as HL7 v2").withDetail(e.toString());
        }
        String controlId = message.controlId();
        try {
            return dispatch(slug, zone, number, message);
        } catch (InvalidInputException e) {
            return MessageOutcome.failed(number, controlId, e.field(), e.reason());
        } catch (SlotbridgeException e) {
            return MessageOutcome.failed(number, controlId, null, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Practice {}: the schedule copy refused message {} (MSH-10 {})", slug, number, controlId, e);
            return MessageOutcome.failed(number, controlId, null,
                    "the schedule copy refused it (" + e.getClass().getSimpleName() + ")");
        }
    }

    private MessageOutcome dispatch(String slug, ZoneId zone, int number, Hl7Message message) {
        String controlId = message.controlId();
        String type = message.type();
        if (type == null) {
            return MessageOutcome.failed(number, controlId, "MSH-9", "no message type");
        }
        String trigger = message.trigger();
        if (trigger == null && "ADT".equals(type)) {
            // the oldest versions put the event in EVN-1 only
            trigger = Hl7Message.get(message.first("EVN"), 1, 1);
        }
        if (!"SIU".equals(type) && !"ADT".equals(type)) {
            return MessageOutcome.skipped(number, controlId, "MSH-9",
                    type + " messages carry no appointment or registration");
        }
        if (trigger == null) {
            return MessageOutcome.failed(number, controlId, "MSH-9", "no trigger event");
        }
        String event = type + "^" + trigger;
        if ("SIU".equals(type)) {
            Action action = SiuReader.actionFor(trigger);
            if (action == null) {
                return SiuReader.isKnownTrigger(trigger)
                        ? MessageOutcome.skipped(number, controlId, "MSH-9",
                                event + " is not applied: it changes no appointment as a whole")
                        : MessageOutcome.failed(number, controlId, "MSH-9", "unknown trigger event " + event);
            }
            return MessageOutcome.applied(number, controlId, applySiu(slug, message, action, zone));
        }
        if (!AdtReader.applies(trigger)) {
            return AdtReader.isKnownTrigger(trigger)
                    ? MessageOutcome.skipped(number, controlId, "MSH-9",
                            event + " is not applied: it registers or updates no person")
                    : MessageOutcome.failed(number, controlId, "MSH-9", "unknown trigger event " + event);
        }
        PersonChange change = AdtReader.read(message);
        sync.client(slug, change.client());
        sync.patient(slug, change.patient());
        return MessageOutcome.applied(number, controlId, "patient " + change.patient().pmsId()
                + " and client " + change.client().pmsId() + " stored");
    }

    private String applySiu(String slug, Hl7Message message, Action action, ZoneId zone) {
        ScheduleChange change = SiuReader.read(message, action, zone);
        change.providers().forEach(provider -> sync.provider(slug, provider));
        change.rooms().forEach(room -> sync.room(slug, room));
        String appointment = "appointment " + change.pmsId();
        return switch (change.action()) {
            case STORE -> {
                sync.appointment(slug, change.appointment());
                yield appointment + " stored";
            }
            case CANCEL -> appointment + (sync.cancelAppointment(slug, change.pmsId())
                    ? " cancelled" : " cancelled; it was not in the schedule copy");
            case NO_SHOW -> appointment + (sync.noShow(slug, change.pmsId())
                    ? " marked no-show" : " marked no-show; it was not in the schedule copy");
        };
    }

    private Hl7Message parse(String text) throws HL7Exception {
        return Hapi.call(() -> new Hl7Message(hapi.getPipeParser().parse(text)));
    }

    private static String where(Location location) {
        if (location == null || location.getSegmentName() == null) {
            return "MSH";
        }
        return location.getField() > 0 ? location.getSegmentName() + "-" + location.getField()
                : location.getSegmentName();
    }
}

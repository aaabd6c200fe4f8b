package org.slotbridge.connector.hl7v2.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.SlotbridgeException;
import org.slotbridge.api.service.InboxJournal;
import org.slotbridge.api.service.InboxJournal.InboxFile;
import org.slotbridge.api.service.InboxJournal.Mark;
import org.slotbridge.api.service.InboxJournal.Progress;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.ScheduleSync;
import org.slotbridge.connector.hl7v2.internal.AdtReader.PersonChange;
import org.slotbridge.connector.hl7v2.internal.MessageOutcome.Result;
import org.slotbridge.connector.hl7v2.internal.ScheduleChange.Action;

/**
 * Applies the messages of one inbox file to the schedule copy of one practice, each on its own: a message
 * that fails is reported and the others still go through.
 *
 * <p>SIU S12, S13 and S14 store the appointment; S15, S16 and S17 cancel it; S26 marks a no-show. ADT A01,
 * A04, A08, A28 and A31 store the client and the patient. Other standard SIU and ADT events, and other
 * message types, are skipped with a reason; a trigger the standard does not know fails.
 *
 * <p>Every message handled is recorded in the {@link InboxJournal}: the writes of an applied one in the same
 * transaction ({@link ScheduleSync#applyMessage}), a skipped or failed one right after it. A file read again
 * (the node died before filing it) resumes after the last message recorded, so none is applied twice.
 */
final class MessageApplier {

    private static final Logger LOG = LoggerFactory.getLogger(MessageApplier.class);

    private final HapiContext hapi;
    private final ScheduleSync sync;
    private final PracticeDirectory directory;
    private final InboxJournal journal;

    MessageApplier(HapiContext hapi, ScheduleSync sync, PracticeDirectory directory, InboxJournal journal) {
        this.hapi = hapi;
        this.sync = sync;
        this.directory = directory;
        this.journal = journal;
    }

    /**
     * Applies the messages of a file that the journal does not have yet.
     *
     * @param before what the journal had of the file before: its messages up to {@code before.through()}, or
     *               all of them once it is finished, are not applied again
     */
    FileOutcome apply(InboxFile file, Progress before, String text) {
        String slug = file.practiceSlug();
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
        int from = before.finished() ? split.messages().size() + 1 : before.through() + 1;
        for (int number = from; number <= split.messages().size(); number++) {
            MessageOutcome outcome = applyOne(new Mark(file, number), zone, split.messages().get(number - 1));
            if (outcome.result() != Result.APPLIED) {
                // an applied message was recorded with its writes; the others wrote nothing
                journal.advance(file, number, outcome.result().journal());
            }
            outcomes.add(outcome);
        }
        return new FileOutcome(outcomes, before);
    }

    private MessageOutcome applyOne(Mark mark, ZoneId zone, String text) {
        String slug = mark.file().practiceSlug();
        int number = mark.message();
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
            return dispatch(mark, zone, message);
        } catch (ConflictException e) {
            if (!InboxJournal.ALREADY_RECORDED.equals(e.code())) {
                return MessageOutcome.failed(number, controlId, null, e.getMessage());
            }
            // only when two readers take the same file at once, which one connector per inbox never does
            return MessageOutcome.skipped(number, controlId, null, "was applied by another reading of this file");
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

    private MessageOutcome dispatch(Mark mark, ZoneId zone, Hl7Message message) {
        String slug = mark.file().practiceSlug();
        int number = mark.message();
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
            ScheduleChange change = SiuReader.read(message, action, zone);
            return MessageOutcome.applied(number, controlId, sync.applyMessage(mark, s -> applySiu(s, slug, change)));
        }
        if (!AdtReader.applies(trigger)) {
            return AdtReader.isKnownTrigger(trigger)
                    ? MessageOutcome.skipped(number, controlId, "MSH-9",
                            event + " is not applied: it registers or updates no person")
                    : MessageOutcome.failed(number, controlId, "MSH-9", "unknown trigger event " + event);
        }
        PersonChange change = AdtReader.read(message);
        return MessageOutcome.applied(number, controlId, sync.applyMessage(mark, s -> {
            s.client(slug, change.client());
            s.patient(slug, change.patient());
            return "patient " + change.patient().pmsId() + " and client " + change.client().pmsId() + " stored";
        }));
    }

    private static String applySiu(ScheduleSync sync, String slug, ScheduleChange change) {
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

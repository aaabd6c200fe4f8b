package org.slotbridge.connector.hl7v2.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ca.uhn.hl7v2.model.Segment;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Room;
import org.slotbridge.connector.hl7v2.internal.ScheduleChange.Action;

/**
 * Reads an SIU (scheduling) message into a {@link ScheduleChange}.
 *
 * <p>The appointment's PMS id is SCH-2 (filler appointment id), else SCH-1. SCH-1 (placer appointment id) is
 * taken as the Slotbridge request id the visit was booked from when its namespace is empty or
 * {@value #NAMESPACE}, which is what the outbox writes. Its start is the first value precise to the minute
 * among TQ1-7, SCH-11 start, AIS-4, AIG-8, AIL-6 and AIP-6; its end is the end given beside that start
 * (TQ1-8, SCH-11 end), else the start plus the first duration found: the one beside the start (TQ1-6,
 * SCH-11 duration, AIS-7/8, ...), SCH-9/10, then any AIS, AIG, AIL or AIP duration. Start offsets (AIS-5
 * and the like) are not applied. The provider is the first AIP-3 with an id (else the first AIG-3), the
 * room the first AIL-3 with an id: its room component, else its point of care. The patient is the first
 * PID-3 id. The trigger alone decides the change; filler status codes are not read.
 */
final class SiuReader {

    /** The SCH-1 namespace the outbox writes beside a request id. */
    static final String NAMESPACE = "SLOTBRIDGE";

    private SiuReader() {
    }

    /** What a trigger event does, or null when it is one this connector does not apply. */
    static Action actionFor(String trigger) {
        return switch (trigger) {
            case "S12", "S13", "S14" -> Action.STORE;
            case "S15", "S16", "S17" -> Action.CANCEL;
            case "S26" -> Action.NO_SHOW;
            default -> null;
        };
    }

    /** True for the SIU trigger events of the standard, applied or not. */
    static boolean isKnownTrigger(String trigger) {
        return trigger.matches("S(1[0-9]|2[0-6])");
    }

    static ScheduleChange read(Hl7Message message, Action action, ZoneId zone) {
        Segment sch = message.first("SCH");
        if (sch == null) {
            throw new InvalidInputException("SCH", "segment missing");
        }
        String placer = Hl7Message.get(sch, 1, 1);
        String filler = Hl7Message.get(sch, 2, 1);
        String pmsId = filler != null ? filler : placer;
        if (pmsId == null) {
            throw new InvalidInputException("SCH-2", "no filler appointment id, and no placer id in SCH-1");
        }
        List<Provider> providers = providers(message);
        List<Room> rooms = rooms(message);
        if (action != Action.STORE) {
            return new ScheduleChange(action, pmsId, null, providers, rooms);
        }
        Span span = span(message, zone);
        String patient = Hl7Message.get(message.first("PID"), 3, 1);
        Appointment appointment = new Appointment(pmsId,
                providers.isEmpty() ? null : providers.get(0).id(),
                rooms.isEmpty() ? null : rooms.get(0).id(),
                span.start(), span.end(), patient, AppointmentStatus.BOOKED, placerId(sch, placer));
        return new ScheduleChange(action, pmsId, appointment, providers, rooms);
    }

    private static String placerId(Segment sch, String placer) {
        String namespace = Hl7Message.get(sch, 1, 2);
        return placer != null && (namespace == null || NAMESPACE.equalsIgnoreCase(namespace)) ? placer : null;
    }

    private static List<Provider> providers(Hl7Message message) {
        Map<String, Provider> found = new LinkedHashMap<>();
        for (Segment aip : message.all("AIP")) {
            String id = Hl7Message.get(aip, 3, 1);
            if (id != null) {
                String name = Hl7People.staffName(aip, 3);
                found.putIfAbsent(id, new Provider(id, name != null ? name : id));
            }
        }
        if (found.isEmpty()) {
            for (Segment aig : message.all("AIG")) {
                String id = Hl7Message.get(aig, 3, 1);
                if (id != null) {
                    String name = Hl7Message.get(aig, 3, 2);
                    found.putIfAbsent(id, new Provider(id, name != null ? name : id));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    // AIL-3 is a PL: point of care ^ room ^ bed ^ facility; some senders use subcomponents of PL-1 instead
    private static List<Room> rooms(Hl7Message message) {
        Map<String, Room> found = new LinkedHashMap<>();
        for (Segment ail : message.all("AIL")) {
            String room = Hl7Message.get(ail, 3, 2);
            String pointOfCare = Hl7Message.get(ail, 3, 0, 1, 1);
            String id = room != null ? room : pointOfCare;
            if (id != null) {
                String text = room == null ? Hl7Message.get(ail, 3, 0, 1, 2) : null;
                found.putIfAbsent(id, new Room(id, text != null ? text : id));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Where a start may be found, with the end and duration given beside it. */
    private record Source(Segment segment, String name, int start, int end, int amount, int unit) {

        String field(int number) {
            return name + "-" + number;
        }
    }

    private record Span(Instant start, Instant end) {
    }

    private static Span span(Hl7Message message, ZoneId zone) {
        List<Source> sources = new ArrayList<>();
        Segment tq1 = message.first("TQ1");
        if (tq1 != null) {
            sources.add(new Source(tq1, "TQ1", 7, 8, 6, 0));
        }
        Segment sch = message.first("SCH");
        sources.add(new Source(sch, "SCH", 11, 11, 11, 0));
        List<Source> resources = new ArrayList<>();
        message.all("AIS").forEach(s -> resources.add(new Source(s, "AIS", 4, 0, 7, 8)));
        message.all("AIG").forEach(s -> resources.add(new Source(s, "AIG", 8, 0, 11, 12)));
        message.all("AIL").forEach(s -> resources.add(new Source(s, "AIL", 6, 0, 9, 10)));
        message.all("AIP").forEach(s -> resources.add(new Source(s, "AIP", 6, 0, 9, 10)));
        sources.addAll(resources);

        Source from = null;
        Source unusable = null;
        for (Source source : sources) {
            String value = startValue(source);
            if (value != null && Hl7Time.hasTimeOfDay(value)) {
                from = source;
                break;
            }
            if (value != null && unusable == null) {
                unusable = source;
            }
        }
        if (from == null) {
            if (unusable != null) {
                // throws, telling what is wrong with the first start given
                Hl7Time.instant(unusable.field(unusable.start()), startValue(unusable), zone);
            }
            throw new InvalidInputException("SCH-11",
                    "no start date/time in TQ1-7, SCH-11, AIS-4, AIG-8, AIL-6 or AIP-6");
        }
        Instant start = Hl7Time.instant(from.field(from.start()), startValue(from), zone);

        String endValue = endValue(from);
        if (endValue != null) {
            String field = from.field(from.end());
            Instant end = Hl7Time.instant(field, endValue, zone);
            if (!end.isAfter(start)) {
                throw new InvalidInputException(field, "end " + endValue + " is not after the start");
            }
            return new Span(start, end);
        }
        Duration duration = duration(from);
        if (duration == null) {
            duration = amountAndUnit(sch, "SCH", 9, 10);
        }
        for (int i = 0; duration == null && i < resources.size(); i++) {
            duration = duration(resources.get(i));
        }
        if (duration == null) {
            throw new InvalidInputException("SCH-9",
                    "no duration and no end: TQ1-8, TQ1-6, SCH-11, SCH-9 and the AIx durations are all empty");
        }
        return new Span(start, start.plus(duration));
    }

    // SCH-11 is a TQ: quantity ^ interval ^ duration ^ start ^ end; its start and end are TS (time ^ precision)
    private static String startValue(Source source) {
        if (source.name().equals("SCH")) {
            return Hl7Message.get(source.segment(), 11, 0, 4, 1);
        }
        return Hl7Message.get(source.segment(), source.start(), 1);
    }

    private static String endValue(Source source) {
        if (source.end() == 0) {
            return null;
        }
        if (source.name().equals("SCH")) {
            return Hl7Message.get(source.segment(), 11, 0, 5, 1);
        }
        return Hl7Message.get(source.segment(), source.end(), 1);
    }

    private static Duration duration(Source source) {
        return switch (source.name()) {
            case "SCH" -> {
                String code = Hl7Message.get(source.segment(), 11, 3);
                yield code == null ? null : Hl7Time.tqDuration(code);
            }
            // TQ1-6 service duration is a CQ: quantity ^ units (a CE)
            case "TQ1" -> {
                String amount = Hl7Message.get(source.segment(), 6, 1);
                yield amount == null ? null : Hl7Time.duration("TQ1-6", amount,
                        unit(Hl7Message.get(source.segment(), 6, 0, 2, 1),
                                Hl7Message.get(source.segment(), 6, 0, 2, 2)));
            }
            default -> amountAndUnit(source.segment(), source.name(), source.amount(), source.unit());
        };
    }

    private static Duration amountAndUnit(Segment segment, String name, int amountField, int unitField) {
        String amount = Hl7Message.get(segment, amountField, 1);
        if (amount == null) {
            return null;
        }
        return Hl7Time.duration(name + "-" + amountField, amount,
                unit(Hl7Message.get(segment, unitField, 1), Hl7Message.get(segment, unitField, 2)));
    }

    // a unit CE: its code, else its text ("min^Minutes^ISO", "^Minutes")
    private static String unit(String code, String text) {
        String unit = code != null ? code : text;
        return unit == null ? null : unit.toUpperCase(Locale.ROOT);
    }
}

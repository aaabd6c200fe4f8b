package org.slotbridge.connector.hl7v2.internal;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;

/**
 * One parsed message, read by position (segment, field, component, subcomponent), so that typed HAPI
 * structures and generic ones (for versions or events HAPI has no structure for) read the same way.
 * Empty values and the HL7 explicit null {@code ""} read as null; values come back stripped.
 */
final class Hl7Message {

    private final Message message;
    private final List<Segment> segments;

    Hl7Message(Message message) throws HL7Exception {
        this.message = message;
        this.segments = new ArrayList<>();
        collect(message, segments);
    }

    Message hapi() {
        return message;
    }

    String type() {
        return header(9, 1);
    }

    String trigger() {
        return header(9, 2);
    }

    String controlId() {
        return header(10, 1);
    }

    /** The first segment with this name, or null. */
    Segment first(String name) {
        for (Segment segment : segments) {
            if (segment.getName().equals(name)) {
                return segment;
            }
        }
        return null;
    }

    /** Every segment with this name, in message order. */
    List<Segment> all(String name) {
        List<Segment> found = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.getName().equals(name)) {
                found.add(segment);
            }
        }
        return found;
    }

    /** Component {@code component} of the first repetition of {@code field}. */
    static String get(Segment segment, int field, int component) {
        return get(segment, field, 0, component, 1);
    }

    /** One value by position; repetitions count from 0, everything else from 1. */
    static String get(Segment segment, int field, int repetition, int component, int subcomponent) {
        if (segment == null) {
            return null;
        }
        try {
            if (field > segment.numFields() || segment.getField(field).length <= repetition) {
                return null;
            }
            String value = Terser.get(segment, field, repetition, component, subcomponent);
            if (value == null) {
                return null;
            }
            String stripped = value.strip();
            return stripped.isEmpty() || "\"\"".equals(stripped) ? null : stripped;
        } catch (HL7Exception e) {
            return null;
        }
    }

    /** How many repetitions {@code field} has. */
    static int repetitions(Segment segment, int field) {
        try {
            return segment == null || field > segment.numFields() ? 0 : segment.getField(field).length;
        } catch (HL7Exception e) {
            return 0;
        }
    }

    private String header(int field, int component) {
        return get(first("MSH"), field, component);
    }

    private static void collect(Group group, List<Segment> into) throws HL7Exception {
        for (String name : group.getNames()) {
            for (Structure structure : group.getAll(name)) {
                if (structure instanceof Group child) {
                    collect(child, into);
                } else if (structure instanceof Segment segment && !segment.isEmpty()) {
                    into.add(segment);
                }
            }
        }
    }
}

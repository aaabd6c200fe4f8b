package org.slotbridge.connector.hl7v2.internal;

import java.util.StringJoiner;

import ca.uhn.hl7v2.model.Segment;

/** Names and contact details read from the HL7 person data types (XPN, XCN, XTN). */
final class Hl7People {

    /** A phone number and an email address; either may be null. */
    record Contact(String phone, String email) {

        static final Contact NONE = new Contact(null, null);

        boolean isEmpty() {
            return phone == null && email == null;
        }

        /** This contact, completed by {@code other} where this one has nothing. */
        Contact or(Contact other) {
            return new Contact(phone != null ? phone : other.phone, email != null ? email : other.email);
        }
    }

    private Hl7People() {
    }

    /** A person name (XPN): "given middle family"; null when the field is empty. */
    static String personName(Segment segment, int field) {
        return join(Hl7Message.get(segment, field, 0, 2, 1), Hl7Message.get(segment, field, 0, 3, 1),
                Hl7Message.get(segment, field, 0, 1, 1));
    }

    /** The name part of a person id (XCN): "given middle family"; null when it names nobody. */
    static String staffName(Segment segment, int field) {
        return join(Hl7Message.get(segment, field, 0, 3, 1), Hl7Message.get(segment, field, 0, 4, 1),
                Hl7Message.get(segment, field, 0, 2, 1));
    }

    /**
     * The first phone number and the first email address found in the repetitions of the telecom (XTN)
     * fields given, in the order given.
     */
    static Contact contact(Segment segment, int... fields) {
        String phone = null;
        String email = null;
        for (int field : fields) {
            for (int rep = 0; rep < Hl7Message.repetitions(segment, field); rep++) {
                String number = Hl7Message.get(segment, field, rep, 1, 1);
                String address = Hl7Message.get(segment, field, rep, 4, 1);
                if (email == null && address != null && address.contains("@")) {
                    email = address;
                }
                if (number != null && number.contains("@")) {
                    email = email == null ? number : email;
                    number = null;
                }
                if (phone == null) {
                    phone = number != null ? number : composedNumber(segment, field, rep);
                }
            }
        }
        return new Contact(phone, email);
    }

    // XTN-5 country code, XTN-6 area code, XTN-7 local number, XTN-8 extension
    private static String composedNumber(Segment segment, int field, int rep) {
        String local = Hl7Message.get(segment, field, rep, 7, 1);
        if (local == null) {
            return null;
        }
        StringJoiner number = new StringJoiner(" ");
        String country = Hl7Message.get(segment, field, rep, 5, 1);
        String area = Hl7Message.get(segment, field, rep, 6, 1);
        String extension = Hl7Message.get(segment, field, rep, 8, 1);
        if (country != null) {
            number.add("+" + country);
        }
        if (area != null) {
            number.add(area);
        }
        number.add(local);
        if (extension != null) {
            number.add("x" + extension);
        }
        return number.toString();
    }

    private static String join(String... parts) {
        StringJoiner joined = new StringJoiner(" ");
        for (String part : parts) {
            if (part != null) {
                joined.add(part);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }
}

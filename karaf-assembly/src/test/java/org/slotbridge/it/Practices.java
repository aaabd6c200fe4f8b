package org.slotbridge.it;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/** The test practice, and the HL7 messages a PMS would exchange with it. */
final class Practices {

    static final String PROVIDER = "DOE";
    /** The second provider of {@link #shared}. */
    static final String SECOND_PROVIDER = "ROE";
    static final String ROOM = "R1";
    static final String REASON = "visit";

    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

    private Practices() {
    }

    /** A practice open every day of the week, so tomorrow always has openings. */
    static Map<String, Object> definition(String slug, ZoneId zone, String email, String staff,
                                          String passwordHash) {
        Map<String, Object> practice = new LinkedHashMap<>();
        practice.put("slug", slug);
        practice.put("name", "Integration Test Clinic");
        practice.put("zone", zone.getId());
        practice.put("phone", "+1 555 0101");
        practice.put("email", email);
        practice.put("newClients", "WELCOME");
        practice.put("onlineBooking", true);
        practice.put("providers", List.of(Map.of("id", PROVIDER, "name", "Dr. Sam Doe")));
        practice.put("rooms", List.of(Map.of("id", ROOM, "name", "Room 1")));
        practice.put("reasons", List.of(Map.of("id", REASON, "name", "Visit", "category", "General",
                "helpText", "A visit.", "minutes", 30, "providers", List.of(PROVIDER), "rooms", List.of(ROOM),
                "weekdays", List.of(), "windows", List.of())));
        practice.put("workingHours", List.of(everyDay(PROVIDER)));
        practice.put("staff", List.of(Map.of("username", staff, "displayName", "Test desk",
                "passwordHash", passwordHash)));
        return practice;
    }

    /**
     * A practice whose two providers share its one room, open every day, that lists every opening of a
     * date (no {@code shownPerDay} thinning): visitors racing for its openings collide on a provider, and
     * on the room when they pick different providers.
     */
    static Map<String, Object> shared(String slug, ZoneId zone, String email, String staff, String passwordHash) {
        Map<String, Object> practice = definition(slug, zone, email, staff, passwordHash);
        practice.put("rules", Map.of("shownPerDay", 100));
        practice.put("providers", List.of(Map.of("id", PROVIDER, "name", "Dr. Sam Doe"),
                Map.of("id", SECOND_PROVIDER, "name", "Dr. Kim Roe")));
        practice.put("reasons", List.of(Map.of("id", REASON, "name", "Visit", "category", "General",
                "helpText", "A visit.", "minutes", 30, "providers", List.of(PROVIDER, SECOND_PROVIDER),
                "rooms", List.of(ROOM), "weekdays", List.of(), "windows", List.of())));
        practice.put("workingHours", List.of(everyDay(PROVIDER), everyDay(SECOND_PROVIDER)));
        return practice;
    }

    private static Map<String, Object> everyDay(String provider) {
        Map<String, Object> weekly = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day.name(), List.of("08:00-12:00", "13:00-17:00"));
        }
        return Map.of("provider", provider, "weekly", weekly, "exceptions", Map.of());
    }

    /** A password hash in the format of practice files: PBKDF2-SHA256, 210000 rounds, 16-byte salt. */
    static String hash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = 210_000;
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return "pbkdf2-sha256:" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PMS booking: SIU^S12 for the test provider and room. */
    static String s12(String appointmentId, ZonedDateTime start, int minutes) {
        String at = HL7_TIME.format(start);
        return String.join("\r",
                "MSH|^~\\&|TEST-PMS|CLINIC|SLOTBRIDGE|SLOTBRIDGE|" + at + "||SIU^S12^SIU_S12|" + appointmentId
                        + "|P|2.5",
                "SCH||" + appointmentId + "^TEST-PMS|||||visit^Visit|ROUTINE|" + minutes + "|MIN|^^" + minutes + "^"
                        + at,
                "TQ1|1||||||" + at + "|" + HL7_TIME.format(start.plusMinutes(minutes)),
                "PID|1||PT-1^^^CLINIC^MR||Roe^Alex||19900101|U",
                "RGS|1|A",
                "AIL|1|A|^" + ROOM + "^^CLINIC|||" + at + "|||" + minutes + "|MIN",
                "AIP|1|A|" + PROVIDER + "^Doe^Sam|||" + at + "|||" + minutes + "|MIN") + "\r";
    }

    /** Whether the text is an SIU^S12 whose placer appointment id (SCH-1) is the request id. */
    static boolean isS12For(String text, String requestId) {
        try (HapiContext context = new DefaultHapiContext()) {
            context.setValidationContext(ValidationContextFactory.noValidation());
            Message message = context.getGenericParser().parse(text.replace("\r\n", "\r").replace('\n', '\r'));
            Terser terser = new Terser(message);
            return "S12".equals(terser.get("/MSH-9-2")) && requestId.equals(terser.get("/.SCH-1-1"));
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("outbox file is no HL7 v2 message HAPI can read", e);
        }
    }
}

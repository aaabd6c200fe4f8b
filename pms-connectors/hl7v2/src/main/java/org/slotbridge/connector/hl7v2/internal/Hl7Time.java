package org.slotbridge.connector.hl7v2.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slotbridge.api.InvalidInputException;

/**
 * HL7 v2 dates, times and durations. A timestamp ({@code YYYY[MM[DD[HH[MM[SS[.S...]]]]]][+/-ZZZZ]}) that
 * carries an offset is read with it; one without is read in the practice's zone. A local time that falls in
 * a daylight-saving gap is moved forward by the gap, and one that happens twice takes the earlier offset.
 */
final class Hl7Time {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?");
    // TQ-3 duration codes: S seconds, M minutes, H hours, D days, W weeks
    private static final Pattern TQ_DURATION = Pattern.compile("([SMHDW])(\\d{1,6})");
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx", Locale.ROOT);

    private Hl7Time() {
    }

    /** True when {@code value} is an HL7 timestamp precise to the minute or better. */
    static boolean hasTimeOfDay(String value) {
        Matcher m = TIMESTAMP.matcher(value);
        return m.matches() && m.group(5) != null;
    }

    /**
     * Reads a timestamp precise to the minute or better.
     *
     * @param field names the field in errors, such as {@code TQ1-7}
     * @throws InvalidInputException when the value is no such timestamp
     */
    static Instant instant(String field, String value, ZoneId zone) {
        Matcher m = TIMESTAMP.matcher(value);
        if (!m.matches()) {
            throw new InvalidInputException(field, "'" + value + "' is not an HL7 date/time");
        }
        if (m.group(5) == null) {
            throw new InvalidInputException(field, "'" + value + "' has a date but no time of day");
        }
        try {
            int nanos = m.group(7) == null ? 0
                    : Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            String offset = m.group(8);
            if (offset == null) {
                return ZonedDateTime.ofLocal(local, zone, null).toInstant();
            }
            int sign = offset.charAt(0) == '-' ? -1 : 1;
            ZoneOffset zoneOffset = ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(offset.substring(1, 3)),
                    sign * Integer.parseInt(offset.substring(3, 5)));
            return local.toInstant(zoneOffset);
        } catch (DateTimeException | NumberFormatException e) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid date/time");
        }
    }

    /**
     * Reads the date part of an HL7 date or timestamp, as written (its offset is not applied).
     *
     * @throws InvalidInputException when the value does not start with a full date
     */
    static LocalDate date(String field, String value) {
        Matcher m = TIMESTAMP.matcher(value);
        if (!m.matches() || m.group(3) == null) {
            throw new InvalidInputException(field, "'" + value + "' is not an HL7 date");
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid date");
        }
    }

    /** Writes an instant as an HL7 timestamp in {@code zone}, with seconds and the offset. */
    static String format(Instant instant, ZoneId zone) {
        return OUT.format(instant.atZone(zone));
    }

    /**
     * Reads an amount with its unit, such as {@code 30} and {@code MIN}. An empty unit means minutes, the
     * default of the HL7 duration fields.
     *
     * @param unit the unit's code, or its text when the code is empty; may be null
     * @throws InvalidInputException when the amount is no positive number or the unit is unknown
     */
    static Duration duration(String field, String amount, String unit) {
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + amount + "' is not a number");
        }
        if (value.signum() <= 0) {
            throw new InvalidInputException(field, "duration " + amount + " is not positive");
        }
        long seconds = value.multiply(BigDecimal.valueOf(unitSeconds(field, unit))).longValue();
        if (seconds <= 0) {
            throw new InvalidInputException(field, "duration " + amount + " " + unit + " is under a second");
        }
        return Duration.ofSeconds(seconds);
    }

    /** Reads a TQ-3 duration such as {@code M30}; null when the value is no such code (free text). */
    static Duration tqDuration(String value) {
        Matcher m = TQ_DURATION.matcher(value.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long amount = Long.parseLong(m.group(2));
        if (amount == 0) {
            return null;
        }
        return switch (m.group(1)) {
            case "S" -> Duration.ofSeconds(amount);
            case "M" -> Duration.ofMinutes(amount);
            case "H" -> Duration.ofHours(amount);
            case "D" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }

    private static long unitSeconds(String field, String unit) {
        if (unit == null || unit.isBlank()) {
            return 60;
        }
        return switch (unit.strip().toUpperCase(Locale.ROOT)) {
            case "S", "SEC", "SECS", "SECOND", "SECONDS" -> 1;
            case "MIN", "MINS", "MINUTE", "MINUTES" -> 60;
            case "H", "HR", "HRS", "HOUR", "HOURS" -> 3600;
            case "D", "DAY", "DAYS" -> 86_400;
            default -> throw new InvalidInputException(unitField(field),
                    "unit '" + unit + "' is not one of S, MIN, H or D");
        };
    }

    // the unit sits in the field after the amount: SCH-9 -> SCH-10, AIS-7 -> AIS-8
    private static String unitField(String field) {
        int dash = field.lastIndexOf('-');
        if (dash < 0) {
            return field;
        }
        try {
            return field.substring(0, dash + 1) + (Integer.parseInt(field.substring(dash + 1)) + 1);
        } catch (NumberFormatException e) {
            return field;
        }
    }
}

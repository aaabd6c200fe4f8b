package org.slotbridge.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Reason;

/** The benchmarks' practice is the size the documentation says, the same on every run, and spans a DST change. */
class ReferencePracticeTest {

    @Test
    void standardPracticeHasTheDocumentedSize() {
        ReferencePractice practice = ReferencePractice.standard();

        assertEquals(20, practice.config().providers().size());
        assertEquals(10, practice.config().rooms().size());
        assertEquals(5, practice.config().rules().unitMinutes());
        assertEquals(90, practice.days());
        assertEquals(15_000, practice.appointments().size());
        assertEquals(2_000, practice.blockouts().size());
        assertEquals(50, practice.config().reasons().size());
        assertEquals(200, practice.claims().held().size());
        assertEquals(practice.claims().held(), practice.claims().booked());
        assertEquals(15_000, practice.appointments().stream().map(Appointment::pmsId).distinct().count());
    }

    @Test
    void everythingLiesWithinTheIndexAndTheHoldsFollowTheirReasons() {
        ReferencePractice practice = ReferencePractice.standard();

        for (Appointment a : practice.appointments()) {
            assertTrue(!a.start().isBefore(practice.indexFrom()) && !a.end().isAfter(practice.indexTo()), a.pmsId());
        }
        for (Opening hold : practice.claims().held()) {
            Reason reason = practice.config().reason(hold.reasonId());
            assertTrue(reason.allowsProvider(hold.providerId(), practice.config().rules()), hold.toString());
            assertEquals(reason.duration(), Duration.between(hold.start(), hold.end()));
            assertTrue(reason.roomIds().isEmpty() ? hold.roomId() == null : reason.roomIds().contains(hold.roomId()));
        }
    }

    @Test
    void theSearchedDatesCrossAChangeOfOffset() {
        LocalDate last = ReferencePractice.TODAY.plusDays(13);
        var rules = ReferencePractice.ZONE.getRules();

        assertNotEquals(rules.getOffset(ReferencePractice.TODAY.atStartOfDay()),
                rules.getOffset(last.atStartOfDay()));
    }

    @Test
    void oneSeedGivesOnePractice() {
        ReferencePractice first = ReferencePractice.generate(5, 14, 7);
        ReferencePractice second = ReferencePractice.generate(5, 14, 7);
        ReferencePractice other = ReferencePractice.generate(5, 14, 8);

        assertEquals(first.appointments(), second.appointments());
        assertEquals(first.blockouts(), second.blockouts());
        assertEquals(first.claims(), second.claims());
        assertEquals(first.config(), second.config());
        assertNotEquals(first.appointments(), other.appointments());
    }

    @Test
    void countsScaleWithProviderDays() {
        ReferencePractice practice = ReferencePractice.generate(80, 365, ReferencePractice.SEED);

        assertEquals(Math.round(15_000 * 80 * 365 / 1_800.0), practice.appointments().size());
        assertEquals(40, practice.config().rooms().size());
        Set<String> providers = new HashSet<>();
        practice.appointments().forEach(a -> providers.add(a.providerId()));
        assertEquals(80, providers.size());
    }
}

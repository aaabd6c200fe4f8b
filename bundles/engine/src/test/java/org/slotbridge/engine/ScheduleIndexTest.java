package org.slotbridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slotbridge.engine.Fixtures.appointment;
import static org.slotbridge.engine.Fixtures.at;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Blockout;
import org.slotbridge.engine.internal.BusyIndex;
import org.slotbridge.engine.internal.LocalBusy;

/** Adding and removing busy time, as sync applies changes one by one. */
class ScheduleIndexTest {

    private final ScheduleIndex index = new ScheduleIndex(5, at("2026-06-15T00:00:00Z"), at("2026-06-16T00:00:00Z"));

    private boolean providerBusy(String provider, Set<String> usableTypes, String from, String to) {
        BusyIndex busy = index.busy();
        long first = busy.floorUnit(at(from).getEpochSecond());
        long last = busy.ceilUnit(at(to).getEpochSecond());
        LocalBusy copy = busy.copy(List.of(provider), List.of(), usableTypes, first, last);
        return !copy.providerFree(0, (int) (first - copy.baseUnit()), (int) (last - copy.baseUnit()));
    }

    private boolean providerBusy(String provider, String from, String to) {
        return providerBusy(provider, Set.of(), from, to);
    }

    private boolean roomBusy(String room, String from, String to) {
        BusyIndex busy = index.busy();
        long first = busy.floorUnit(at(from).getEpochSecond());
        long last = busy.ceilUnit(at(to).getEpochSecond());
        LocalBusy copy = busy.copy(List.of(), List.of(room), Set.of(), first, last);
        return copy.firstFreeRoom((int) (first - copy.baseUnit()), (int) (last - copy.baseUnit())) < 0;
    }

    private static Appointment visit(String id, String start, String end) {
        return appointment(id, "SMITH", null, start, end);
    }

    @Test
    void removingOneOfTwoOverlappingAppointmentsLeavesTheOthersTime() {
        Appointment a = visit("a", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z");
        Appointment b = visit("b", "2026-06-15T09:30:00Z", "2026-06-15T10:30:00Z");
        index.add(a);
        index.add(b);

        index.remove(a);

        assertFalse(providerBusy("SMITH", "2026-06-15T09:00:00Z", "2026-06-15T09:30:00Z"));
        assertTrue(providerBusy("SMITH", "2026-06-15T09:30:00Z", "2026-06-15T09:35:00Z"));
        assertTrue(providerBusy("SMITH", "2026-06-15T10:25:00Z", "2026-06-15T10:30:00Z"));
        index.remove(b);
        assertFalse(providerBusy("SMITH", "2026-06-15T00:00:00Z", "2026-06-16T00:00:00Z"));
    }

    @Test
    void removingAShortAppointmentInsideALongOneLeavesTheLongOne() {
        // The long one starts hours before: a removal must look back far enough to find it.
        index.add(visit("long", "2026-06-15T06:00:00Z", "2026-06-15T12:00:00Z"));
        Appointment inside = visit("inside", "2026-06-15T11:00:00Z", "2026-06-15T11:30:00Z");
        index.add(visit("between", "2026-06-15T08:00:00Z", "2026-06-15T08:15:00Z"));
        index.add(inside);

        index.remove(inside);

        assertTrue(providerBusy("SMITH", "2026-06-15T11:00:00Z", "2026-06-15T11:05:00Z"));
        assertTrue(providerBusy("SMITH", "2026-06-15T11:25:00Z", "2026-06-15T11:30:00Z"));
    }

    @Test
    void twoEqualAppointmentsNeedTwoRemovals() {
        index.add(visit("a", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
        index.add(visit("b", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));

        index.remove(visit("a", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
        assertTrue(providerBusy("SMITH", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
        index.remove(visit("b", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
        assertFalse(providerBusy("SMITH", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
    }

    @Test
    void removingWhatWasNeverAddedChangesNothing() {
        index.add(visit("a", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));

        index.remove(visit("b", "2026-06-15T09:00:00Z", "2026-06-15T09:30:00Z"));
        index.remove(appointment("c", "JONES", "OP1", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
        index.remove(new Blockout("d", "SMITH", at("2026-06-15T09:00:00Z"), at("2026-06-15T10:00:00Z"), "lunch"));

        assertTrue(providerBusy("SMITH", "2026-06-15T09:00:00Z", "2026-06-15T09:05:00Z"));
        assertTrue(providerBusy("SMITH", "2026-06-15T09:55:00Z", "2026-06-15T10:00:00Z"));
    }

    @Test
    void appointmentsThatTakeNoTimeAreNeitherAddedNorRemoved() {
        Appointment booked = visit("a", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z");
        Appointment cancelled = new Appointment("a", "SMITH", null, booked.start(), booked.end(), null,
                AppointmentStatus.CANCELLED, null);

        index.add(cancelled);
        assertFalse(providerBusy("SMITH", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
        index.add(booked);
        index.remove(cancelled);
        assertTrue(providerBusy("SMITH", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
    }

    @Test
    void appointmentTakesItsProviderAndItsRoom() {
        index.add(appointment("a", "SMITH", "OP1", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
        index.add(appointment("b", null, "OP2", "2026-06-15T11:00:00Z", "2026-06-15T12:00:00Z"));

        assertTrue(providerBusy("SMITH", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
        assertTrue(roomBusy("OP1", "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
        assertTrue(roomBusy("OP2", "2026-06-15T11:00:00Z", "2026-06-15T12:00:00Z"));
        assertFalse(providerBusy("SMITH", "2026-06-15T11:00:00Z", "2026-06-15T12:00:00Z"));
        assertFalse(roomBusy("OP1", "2026-06-15T10:00:00Z", "2026-06-15T12:00:00Z"));
    }

    @Test
    void busyTimeIsWidenedToUnitsAndClippedToTheIndex() {
        index.add(visit("before", "2026-06-14T23:00:00Z", "2026-06-15T00:30:00Z"));
        index.add(visit("outside", "2026-06-16T01:00:00Z", "2026-06-16T02:00:00Z"));
        index.add(visit("odd", "2026-06-15T10:31:00Z", "2026-06-15T10:32:00Z"));

        assertTrue(providerBusy("SMITH", "2026-06-15T00:25:00Z", "2026-06-15T00:30:00Z"));
        assertFalse(providerBusy("SMITH", "2026-06-15T00:30:00Z", "2026-06-15T10:30:00Z"));
        assertTrue(providerBusy("SMITH", "2026-06-15T10:30:00Z", "2026-06-15T10:35:00Z"));
        assertFalse(providerBusy("SMITH", "2026-06-15T10:35:00Z", "2026-06-16T00:00:00Z"));

        // The clipped and widened spans are removed as they were added.
        index.remove(visit("before", "2026-06-14T23:00:00Z", "2026-06-15T00:30:00Z"));
        index.remove(visit("odd", "2026-06-15T10:31:00Z", "2026-06-15T10:32:00Z"));
        index.remove(visit("outside", "2026-06-16T01:00:00Z", "2026-06-16T02:00:00Z"));
        assertFalse(providerBusy("SMITH", "2026-06-15T00:00:00Z", "2026-06-16T00:00:00Z"));
    }

    @Test
    void blockoutWithoutProviderBlocksEveryProviderButNoRoom() {
        index.add(new Blockout("b", null, at("2026-06-15T12:00:00Z"), at("2026-06-15T13:00:00Z")));

        assertTrue(providerBusy("SMITH", "2026-06-15T12:00:00Z", "2026-06-15T12:05:00Z"));
        assertTrue(providerBusy("NEVER-SEEN", "2026-06-15T12:55:00Z", "2026-06-15T13:00:00Z"));
        assertFalse(roomBusy("OP1", "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z"));
        index.remove(new Blockout("b", null, at("2026-06-15T12:00:00Z"), at("2026-06-15T13:00:00Z")));
        assertFalse(providerBusy("SMITH", "2026-06-15T12:00:00Z", "2026-06-15T13:00:00Z"));
    }

    @Test
    void typedBlockoutsAreLeftOutForReasonsThatMayUseThem() {
        index.add(new Blockout("s", "SMITH", at("2026-06-15T09:00:00Z"), at("2026-06-15T10:00:00Z"), "surgery"));
        index.add(new Blockout("p", null, at("2026-06-15T10:00:00Z"), at("2026-06-15T11:00:00Z"), "surgery"));
        index.add(new Blockout("l", "SMITH", at("2026-06-15T11:00:00Z"), at("2026-06-15T12:00:00Z"), "lunch"));
        index.add(new Blockout("u", "SMITH", at("2026-06-15T12:00:00Z"), at("2026-06-15T13:00:00Z")));

        Set<String> surgery = Set.of("surgery");
        assertFalse(providerBusy("SMITH", surgery, "2026-06-15T09:00:00Z", "2026-06-15T11:00:00Z"));
        assertTrue(providerBusy("SMITH", surgery, "2026-06-15T11:00:00Z", "2026-06-15T11:05:00Z"));
        assertTrue(providerBusy("SMITH", surgery, "2026-06-15T12:00:00Z", "2026-06-15T12:05:00Z"));
        assertTrue(providerBusy("SMITH", Set.of(), "2026-06-15T09:00:00Z", "2026-06-15T09:05:00Z"));
        assertTrue(providerBusy("SMITH", Set.of(), "2026-06-15T10:55:00Z", "2026-06-15T11:00:00Z"));

        // A removal takes the blockout of its own type only.
        index.add(new Blockout("s2", "SMITH", at("2026-06-15T09:00:00Z"), at("2026-06-15T10:00:00Z"), "lunch"));
        index.remove(new Blockout("s", "SMITH", at("2026-06-15T09:00:00Z"), at("2026-06-15T10:00:00Z"), "surgery"));
        assertTrue(providerBusy("SMITH", surgery, "2026-06-15T09:00:00Z", "2026-06-15T10:00:00Z"));
    }

    @Test
    void refusesABadUnitOrSpan() {
        assertThrows(IllegalArgumentException.class,
                () -> new ScheduleIndex(7, at("2026-06-15T00:00:00Z"), at("2026-06-16T00:00:00Z")));
        assertThrows(IllegalArgumentException.class,
                () -> new ScheduleIndex(5, at("2026-06-15T00:00:00Z"), at("2026-06-15T00:00:00Z")));
        assertEquals(at("2026-06-15T00:00:00Z"), index.from());
        assertEquals(at("2026-06-16T00:00:00Z"), index.to());
        assertEquals(5, index.unitMinutes());
    }

    @Test
    void aCopySeesEachChangeWholeOrNotAtAll() throws InterruptedException {
        // A long appointment spans many words of the bitsets; a copy made while it is added or removed
        // must show all of it or none of it.
        Appointment day = visit("day", "2026-06-15T01:00:00Z", "2026-06-15T23:00:00Z");
        AtomicReference<String> torn = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 20_000 && torn.get() == null; i++) {
                index.add(day);
                index.remove(day);
            }
        });
        writer.start();
        BusyIndex busy = index.busy();
        long first = busy.floorUnit(day.start().getEpochSecond());
        long last = busy.ceilUnit(day.end().getEpochSecond());
        while (writer.isAlive()) {
            LocalBusy copy = busy.copy(List.of("SMITH"), List.of(), Set.of(), first, last);
            int from = (int) (first - copy.baseUnit());
            int to = (int) (last - copy.baseUnit());
            boolean atStart = !copy.providerFree(0, from, from + 1);
            boolean atEnd = !copy.providerFree(0, to - 1, to);
            boolean anywhere = !copy.providerFree(0, from, to);
            if (atStart != atEnd || atStart != anywhere) {
                torn.set("start " + atStart + ", end " + atEnd + ", anywhere " + anywhere);
            }
        }
        writer.join();
        assertEquals(null, torn.get());
    }
}

package org.slotbridge.connector.hl7v2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class Hl7TextTest {

    private static final String FIRST = "MSH|^~\\&|PMS|DEMO|||20260305093000||SIU^S12|C1|P|2.5\rSCH|R1|A1\r";
    private static final String SECOND = "MSH|^~\\&|PMS|DEMO|||20260305093000||SIU^S15|C2|P|2.5\rSCH|R1|A1\r";

    @Test
    void carriageReturnsStayAsTheyAre() {
        assertEquals(List.of(FIRST, SECOND), Hl7Text.split(FIRST + SECOND).messages());
    }

    @Test
    void lineFeedsAndWindowsLineEndsBecomeCarriageReturns() {
        String lf = (FIRST + SECOND).replace('\r', '\n');
        String crlf = (FIRST + SECOND).replace("\r", "\r\n");
        assertEquals(List.of(FIRST, SECOND), Hl7Text.split(lf).messages());
        assertEquals(List.of(FIRST, SECOND), Hl7Text.split(crlf).messages());
    }

    @Test
    void aLastSegmentWithoutTerminatorIsKept() {
        assertEquals(List.of(FIRST), Hl7Text.split(FIRST.strip()).messages());
    }

    @Test
    void byteOrderMarkIsDropped() {
        assertEquals(List.of(FIRST), Hl7Text.split("\uFEFF" + FIRST).messages());
    }

    @Test
    void mllpFramingBytesAreDropped() {
        String framed = "\u000B" + FIRST + "\u001C\r" + "\u000B" + SECOND + "\u001C\r";
        Hl7Text.Split split = Hl7Text.split(framed);
        assertEquals(List.of(FIRST, SECOND), split.messages());
        assertEquals(0, split.strayLines());
    }

    @Test
    void blankLinesAndBatchEnvelopesAreNotMessages() {
        String batch = "FHS|^~\\&\rBHS|^~\\&\r\r" + FIRST + "\n\n" + SECOND + "BTS|2\rFTS|1\r";
        Hl7Text.Split split = Hl7Text.split(batch);
        assertEquals(List.of(FIRST, SECOND), split.messages());
        assertEquals(0, split.strayLines());
    }

    @Test
    void linesBeforeTheFirstHeaderAreCountedAsStray() {
        Hl7Text.Split split = Hl7Text.split("garbage\rPID|1||X\r" + FIRST);
        assertEquals(List.of(FIRST), split.messages());
        assertEquals(2, split.strayLines());
    }

    @Test
    void textWithoutHeaderHoldsNoMessage() {
        assertEquals(List.of(), Hl7Text.split("").messages());
        assertEquals(List.of(), Hl7Text.split("\r\n\r\n").messages());
    }

    @Test
    void controlIdIsReadFromTheRawHeader() {
        assertEquals("C1", Hl7Text.controlId(FIRST));
        assertEquals("X9", Hl7Text.controlId("MSH#^~\\&#A#B#C#D#2026##SIU^S12#X9#P#2.5\r"));
        assertNull(Hl7Text.controlId("MSH|^~\\&|A\r"));
        assertNull(Hl7Text.controlId("PID|1\r"));
    }
}

package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DisplayTest {

    @Test
    void aRequestsRoundReadsAsQnetWritesIt() {
        assertEquals("2026년 제1회", Display.round("2026-1"));
        assertEquals("2026년 제138회", Display.round("2026-138"));
        assertSame(Display.round("2026-2"), Display.round("2026-2"), "made once");
        assertEquals("2026 상시", Display.round("2026 상시"), "another form is shown as sent");
        assertEquals("2026-", Display.round("2026-"));
        assertNull(Display.round(null));
    }

    @Test
    void feesHaveThousandsSeparators() {
        assertEquals("19,400", Display.won(19400));
        assertEquals("900", Display.won(900));
        assertEquals("1,234,567", Display.won(1234567));
        assertNull(Display.won(null));
    }
}

package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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

    @Test
    void everyDayReadsAsTheFormatterWritesItAndTheSameTwice() {
        DateTimeFormatter dotted = DateTimeFormatter.ofPattern("yyyy.MM.dd");
        for (LocalDate d = LocalDate.of(1960, 1, 1); d.getYear() < 2110; d = d.plusDays(1)) {
            assertEquals(dotted.format(d), Display.date(d));
            assertEquals(d.toString(), Display.iso(d));
            assertEquals(Display.date(d), Display.date(LocalDate.of(d.getYear(), d.getMonth(), d.getDayOfMonth())));
        }
        assertEquals("+10000.01.02", Display.date(LocalDate.of(10000, 1, 2)));
        assertEquals("+10000-01-02", Display.iso(LocalDate.of(10000, 1, 2)));
        assertNull(Display.date(null));
        assertNull(Display.iso(null));
    }

    @Test
    void wholeNumbersReadAsLongToStringWritesThem() {
        for (long n = -5; n < 5000; n++) {
            assertEquals(Long.toString(n), Display.whole(n));
            assertEquals(Long.toString(n), Display.number((int) n));
        }
        assertEquals(Long.toString(Long.MIN_VALUE), Display.whole(Long.MIN_VALUE));
        assertEquals("12345678901", Display.number(12345678901L));
    }
}

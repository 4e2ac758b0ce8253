package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DisplayTest {

    private static String reference(Number n) {
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    @Test
    void numbersReadTheSameAsTheirPlainDecimalFormWithoutTrailingZeros() {
        Number[] samples = {0, 7, -3, 100L, 0.0, -0.0, 71.5, 71.0, 100.0, 0.1, 0.05, 33.33, 2.675, 1e-3, 9.99e-4,
                9_999_999.5, 1e7, 12_345_678.9, 1e15, 1e16, -42.25, Double.MIN_VALUE, 1e300};
        for (Number n : samples) {
            assertEquals(reference(n), Display.number(n), "for " + n);
        }
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 4) {
                case 0 -> Math.round(random.nextDouble(0, 100) * 10) / 10.0;     // scores
                case 1 -> Math.round(random.nextDouble(0, 100) * 100) / 100.0;   // averages, pass rates
                case 2 -> random.nextDouble(-1e8, 1e8);
                default -> random.nextDouble() * Math.pow(10, random.nextInt(-6, 18));
            };
            assertEquals(reference(d), Display.number(d), "for " + d);
        }
    }

    @Test
    void datesReadAsQnetPrintsThemWithDots() {
        DateTimeFormatter qnet = DateTimeFormatter.ofPattern("yyyy.MM.dd");
        for (LocalDate d = LocalDate.of(1999, 12, 25); d.isBefore(LocalDate.of(2031, 1, 10)); d = d.plusDays(1)) {
            assertEquals(qnet.format(d), Display.date(d));
        }
        assertEquals("2026.03.11", Display.date(LocalDate.of(2026, 3, 11)));
        assertEquals(qnet.format(LocalDate.of(999, 1, 2)), Display.date(LocalDate.of(999, 1, 2)));
        assertNull(Display.date(null));
        assertNull(Display.number(null));
    }

    @Test
    void dataDatesReadAsLocalDateWritesThem() {
        for (LocalDate d = LocalDate.of(1999, 12, 25); d.isBefore(LocalDate.of(2031, 1, 10)); d = d.plusDays(1)) {
            assertEquals(d.toString(), Display.iso(d));
        }
        for (LocalDate d : List.of(LocalDate.of(999, 1, 2), LocalDate.of(10_000, 1, 1), LocalDate.of(-5, 6, 7), LocalDate.of(1000, 1, 1))) {
            assertEquals(d.toString(), Display.iso(d));
        }
        assertNull(Display.iso(null));
    }
}

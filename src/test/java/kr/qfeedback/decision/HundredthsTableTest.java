package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HundredthsTableTest {
    private final HundredthsTable<String> table = new HundredthsTable<>(Double::toString, String[]::new);

    @Test
    void everyWholeNumberOfHundredthsFromZeroToAHundredIsFoundWithTheTextMadeForIt() {
        for (int k = 0; k <= 10_000; k++) {
            double d = new BigDecimal(k).movePointLeft(2).doubleValue(); // as a request or a rounded average arrives
            assertEquals(Double.toString(d), table.text(d), "k = " + k);
        }
    }

    @Test
    void anyOtherDoubleIsNotFound() {
        assertNull(table.text(-0.0), "negative zero keeps its own text");
        assertNull(table.text(-0.01));
        assertNull(table.text(100.01));
        assertNull(table.text(0.125));
        assertNull(table.text(0.001));
        assertNull(table.text(Math.nextUp(71.5)));
        assertNull(table.text(Double.NaN));
        assertNull(table.text(Double.POSITIVE_INFINITY));
    }

    @Test
    void displayedNumbersFromTheTableReadAsThePlainDecimalForm() {
        for (int k = 0; k <= 10_000; k++) {
            BigDecimal exact = new BigDecimal(k).movePointLeft(2);
            assertEquals(exact.stripTrailingZeros().toPlainString(), Display.number(exact.doubleValue()), "k = " + k);
        }
    }
}

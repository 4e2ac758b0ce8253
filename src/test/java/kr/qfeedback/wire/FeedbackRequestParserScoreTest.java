package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FeedbackRequestParserScoreTest {

    /** What the decimal check gives for an accepted score (its double), or null when it refuses it. */
    private static Double byTheDecimalCheck(Number number) {
        BigDecimal exact = new BigDecimal(number.toString());
        if (exact.compareTo(BigDecimal.ZERO) < 0
                || exact.compareTo(BigDecimal.valueOf(100)) > 0
                || exact.stripTrailingZeros().scale() > 1) {
            return null;
        }
        return exact.doubleValue();
    }

    @Test
    void everyTenthAndWholeScoreIsReadAsTheDecimalCheckReadsIt() {
        for (int k = 0; k <= 1000; k++) {
            Double tenth = k / 10.0;
            Double fast = RequestFields.wholeTenths(tenth);
            if (fast != null) {
                assertEquals(byTheDecimalCheck(tenth), fast, "score " + tenth);
            }
            assertEquals(byTheDecimalCheck(tenth), RequestFields.optionalScore(tenth, "exam.totalScore"));
        }
        for (int v = -5; v <= 105; v++) {
            Double fast = RequestFields.wholeTenths(v);
            assertEquals(v >= 0 && v <= 100 ? byTheDecimalCheck(v) : null, fast, "score " + v);
        }
    }

    @Test
    void anythingElseIsLeftToTheDecimalCheck() {
        for (Object other : new Object[] {
            -0.0,
            0.0,
            0.05,
            58.55,
            100.1,
            -0.1,
            1e-7,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            101,
            -1,
            7L,
            "58.5",
            Float.valueOf(1.5f)
        }) {
            assertNull(RequestFields.wholeTenths(other), String.valueOf(other));
        }
    }
}

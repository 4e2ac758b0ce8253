package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreFactsRoundingTest {

    private static void same(double value) {
        assertEquals(
                Double.doubleToRawLongBits(ScoreFacts.roundExactly(value)),
                Double.doubleToRawLongBits(ScoreFacts.round(value)),
                () -> "round(" + value + ")");
    }

    @Test
    void everyWholeNumberOfHundredthsRoundsAsBigDecimalRoundsIt() {
        for (int k = 0; k <= 10_000; k++) {
            same(k / 100.0);
        }
    }

    @Test
    void averagesShortfallsAndOddValuesRoundAsBigDecimalRoundsThem() {
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            int n = 1 + random.nextInt(6);
            double sum = 0;
            for (int s = 0; s < n; s++) {
                sum += random.nextInt(1001) / 10.0;
            }
            double average = sum / n;
            same(average);
            same(Math.max(0, 60 - average));
        }
        for (double odd : new double[] {-0.0, -1.0, 100.005, 100.01, 1e-9, 0.005, 0.015, 99.995, Double.MIN_VALUE}) {
            same(odd);
        }
    }
}

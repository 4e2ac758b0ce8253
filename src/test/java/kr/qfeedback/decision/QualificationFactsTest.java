package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.YearlyPassRate;
import org.junit.jupiter.api.Test;

class QualificationFactsTest {

    private static Qualification withWrittenStatistics(List<YearlyPassRate> written) {
        return new Qualification(
                "0001",
                "시험기사",
                Grade.ENGINEER,
                "기사",
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                written,
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    @Test
    void aYearNobodySatKeepsANullPassRateInTheTrendAndTheLatestFigureIsTheLastYearSomebodySat() {
        QualificationFacts facts = new QualificationFacts(withWrittenStatistics(
                List.of(new YearlyPassRate(2024, 10, 5, 50.0), new YearlyPassRate(2025, 0, 0, null))));

        List<Map<String, Object>> trend = facts.trendOf(Stage.WRITTEN);
        assertEquals(50.0, trend.get(0).get("passRate"));
        assertTrue(trend.get(1).containsKey("passRate"));
        assertNull(trend.get(1).get("passRate"));
        assertEquals(2024, facts.latestOf(Stage.WRITTEN).year());
        assertEquals(50.0, facts.latestOf(Stage.WRITTEN).passRate());
    }
}

package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    @Test
    void theDecisionHistogramCountsEachDecisionInEveryBucketItFitsAndInTheTotal() {
        ServiceMetrics metrics = new ServiceMetrics();
        metrics.decision("WRITTEN_FAIL", 500_000L); // 0.5 ms
        metrics.decision("WRITTEN_FAIL", 3_000_000L); // 3 ms
        metrics.decision("PRACTICAL_PASS", 2_000_000_000L); // 2 s, beyond the last bucket
        String text = metrics.render("129a1d369cc3", true);

        assertHas(text, "qf_decision_seconds_bucket{le=\"0.001\"} 1");
        assertHas(text, "qf_decision_seconds_bucket{le=\"0.0025\"} 1");
        assertHas(text, "qf_decision_seconds_bucket{le=\"0.005\"} 2");
        assertHas(text, "qf_decision_seconds_bucket{le=\"0.25\"} 2");
        assertHas(text, "qf_decision_seconds_bucket{le=\"1.0\"} 2");
        assertHas(text, "qf_decision_seconds_bucket{le=\"+Inf\"} 3");
        assertHas(text, "qf_decision_seconds_count 3");
        assertHas(text, "qf_decisions_total{outcome=\"WRITTEN_FAIL\"} 2");
    }

    private static void assertHas(String text, String line) {
        assertTrue(text.lines().anyMatch(line::equals), "missing line: " + line + "\n" + text);
    }
}

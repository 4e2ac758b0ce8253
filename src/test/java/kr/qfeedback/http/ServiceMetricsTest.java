package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    @Test
    void theDecisionHistogramCountsEachDecisionInEveryBucketItFitsAndInTheTotal() {
        try (ServiceMetrics metrics = new ServiceMetrics()) {
            metrics.decision("WRITTEN_FAIL", 500_000L); // 0.5 ms
            metrics.decision("WRITTEN_FAIL", 3_000_000L); // 3 ms
            metrics.decision("PRACTICAL_PASS", 2_000_000_000L); // 2 s, beyond the last bucket
            String text = metrics.scrape();

            assertHas(text, "qf_decision_seconds_bucket{le=\"0.001\"} 1");
            assertHas(text, "qf_decision_seconds_bucket{le=\"0.0025\"} 1");
            assertHas(text, "qf_decision_seconds_bucket{le=\"0.005\"} 2");
            assertHas(text, "qf_decision_seconds_bucket{le=\"0.25\"} 2");
            assertHas(text, "qf_decision_seconds_bucket{le=\"1.0\"} 2");
            assertHas(text, "qf_decision_seconds_bucket{le=\"+Inf\"} 3");
            assertHas(text, "qf_decision_seconds_count 3");
            assertHas(text, "qf_decisions_total{outcome=\"WRITTEN_FAIL\"} 2.0");
        }
    }

    @Test
    void eachAnswerIsTimedByRouteAndStatusAndCountedUnderItsOldNameFromTheSameTimer() {
        try (ServiceMetrics metrics = new ServiceMetrics()) {
            metrics.response("/v1/feedback", 200, 2_000_000L);
            metrics.response("/v1/feedback", 200, 40_000_000L);
            metrics.response("/v1/feedback", 400, 100_000L);
            String text = metrics.scrape();

            assertHas(text, "http_server_requests_seconds_count{route=\"/v1/feedback\",status=\"200\"} 2");
            assertHas(
                    text, "http_server_requests_seconds_bucket{route=\"/v1/feedback\",status=\"200\",le=\"0.005\"} 1");
            assertHas(text, "http_server_requests_seconds_count{route=\"/v1/feedback\",status=\"400\"} 1");
            assertHas(text, "qf_http_responses_total{route=\"/v1/feedback\",status=\"200\"} 2.0");
            assertHas(text, "qf_http_responses_total{route=\"/v1/feedback\",status=\"400\"} 1.0");
        }
    }

    @Test
    void readinessAndTheActiveVersionAreReadAtEachScrapeUnderTheirOldNames() {
        try (ServiceMetrics metrics = new ServiceMetrics()) {
            String[] version = {null};
            boolean[] ready = {false};
            metrics.service(() -> version[0], () -> ready[0]);
            String before = metrics.scrape();
            assertHas(before, "qf_ready 0.0");
            assertTrue(!before.contains("qf_rules_version_info{"), before);

            version[0] = "129a1d369cc3";
            ready[0] = true;
            String after = metrics.scrape();
            assertHas(after, "qf_ready 1.0");
            assertHas(after, "qf_rules_version_info{version=\"129a1d369cc3\"} 1");
        }
    }

    private static void assertHas(String text, String line) {
        assertTrue(text.lines().anyMatch(line::equals), "missing line: " + line + "\n" + text);
    }
}

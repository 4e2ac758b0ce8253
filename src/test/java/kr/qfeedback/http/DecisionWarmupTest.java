package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;
import kr.qfeedback.ServiceConfig;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;

/** The warm-up before listening: the generated requests go through the real decision path and are all accepted. */
class DecisionWarmupTest {

    @Test
    void everyGeneratedWarmupRequestIsDecidedByTheRealDecisionPathOfTheShippedRules() {
        ActiveRuleSet rules = LiveServer.activeShippedRules();
        ServiceMetrics metrics = new ServiceMetrics();
        FeedbackApi api = new FeedbackApi(rules, TokenRegistry.parse(LiveServer.TOKENS), metrics, Clock.systemUTC());
        String before = counted(metrics);

        assertEquals(0, DecisionWarmup.run(api, rules.current().orElseThrow(), 3_000, 2), "refused warm-up requests");

        assertEquals(before, counted(metrics), "the warm-up is not counted in the metrics");
    }

    /** The scrape's decision and answer series (the JVM's change by themselves). */
    private static String counted(ServiceMetrics metrics) {
        return metrics.scrape()
                .lines()
                .filter(line -> line.startsWith("qf_decision") || line.startsWith("qf_http_responses"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void noWarmupWhenTheCountIsZero() {
        ActiveRuleSet rules = LiveServer.activeShippedRules();
        FeedbackApi api =
                new FeedbackApi(rules, TokenRegistry.parse(LiveServer.TOKENS), new ServiceMetrics(), Clock.systemUTC());
        assertEquals(0, DecisionWarmup.run(api, rules.current().orElseThrow(), 0, 2));
    }

    @Test
    void theWarmupCountComesFromTheEnvironmentWithAClearErrorForBadValues() {
        assertEquals(30_000, ServiceConfig.fromEnvironment(Map.of()).warmupDecisions(), "README's documented default");
        assertEquals(
                0,
                ServiceConfig.fromEnvironment(Map.of("QF_WARMUP_DECISIONS", "0"))
                        .warmupDecisions());
        assertEquals(
                5000,
                ServiceConfig.fromEnvironment(Map.of("QF_WARMUP_DECISIONS", " 5000 "))
                        .warmupDecisions());
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class,
                () -> ServiceConfig.fromEnvironment(Map.of("QF_WARMUP_DECISIONS", "-1")));
        assertTrue(bad.getMessage().startsWith("QF_WARMUP_DECISIONS must be a whole number"), bad.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceConfig.fromEnvironment(Map.of("QF_WARMUP_DECISIONS", "lots")));
    }
}

package kr.qfeedback.http;

import static kr.qfeedback.testing.ExampleRequests.example;
import static kr.qfeedback.testing.LiveServer.DECIDE_TOKEN;
import static kr.qfeedback.testing.LiveServer.assertError;
import static kr.qfeedback.testing.LiveServer.decision;
import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A service whose {@link ActiveRuleSet} holds nothing yet: decisions are 503 NOT_READY and
 * readiness says so, until a rules version is activated, which takes effect without a restart.
 */
class NotReadyHttpTest {
    /** A server per test: one test activates rules, which must not make the others ready. */
    @RegisterExtension
    final LiveServer server = LiveServer.withoutRules()
            .clock(Clock.fixed(Instant.parse("2026-03-11T00:00:00Z"), ZoneOffset.UTC))
            .perTest();

    @Test
    void aDecisionRequestedBeforeAnyRulesAreActiveIsNotReady() {
        JsonObject error = assertError(server.postFeedback(example().encode()), 503, "NOT_READY", null);
        assertTrue(error.getString("message").contains("/health/ready"), error::encode);
    }

    @Test
    void readinessAnswers503WithoutARulesVersionWhileNoRulesAreActive() {
        HttpResponse<String> response = server.get("/health/ready", null);
        assertEquals(503, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals("NOT_READY", body.getString("status"));
        assertTrue(body.containsKey("rulesVersion"));
        assertNull(body.getValue("rulesVersion"));
    }

    @Test
    void livenessIsUpEvenWithoutRules() {
        assertEquals(200, server.get("/health/live", null).statusCode());
    }

    @Test
    void metricsReportNotReadyWithoutRules() {
        String text = server.get("/metrics", DECIDE_TOKEN).body();
        assertTrue(text.contains("qf_ready 0"), text);
        assertTrue(!text.contains("qf_rules_version_info{"), text);
    }

    @Test
    void authenticationIsStillCheckedBeforeReadiness() {
        assertError(
                server.post("/v1/feedback", null, "application/json", example().encode()),
                401,
                "UNAUTHENTICATED",
                null);
    }

    @Test
    void activatingARulesVersionMakesTheRunningServiceReadyWithoutARestart() {
        server.rules().activate(LiveServer.shippedRules());
        assertEquals(200, server.get("/health/ready", null).statusCode());
        JsonObject decision = decision(server.postFeedback(example().encode()));
        assertEquals(LiveServer.shippedRules().version(), decision.getString("rulesVersion"));
    }
}

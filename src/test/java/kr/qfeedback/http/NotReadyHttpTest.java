package kr.qfeedback.http;

import kr.qfeedback.testing.ExampleRequests;

import static kr.qfeedback.http.LiveServer.DECIDE_TOKEN;
import static kr.qfeedback.http.LiveServer.assertError;
import static kr.qfeedback.http.LiveServer.decision;
import static kr.qfeedback.testing.ExampleRequests.example;
import static kr.qfeedback.http.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import kr.qfeedback.rules.ActiveRuleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A service whose {@link ActiveRuleSet} holds nothing yet: decisions are 503 NOT_READY and
 * readiness says so, until a rules version is activated, which takes effect without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotReadyHttpTest {
    private static final ActiveRuleSet RULES = new ActiveRuleSet();
    private static LiveServer server;

    @BeforeAll
    static void startServer() {
        server = LiveServer.start(RULES, new ServiceMetrics(), Clock.fixed(Instant.parse("2026-03-11T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aDecisionRequestedBeforeAnyRulesAreActiveIsNotReady() {
        JsonObject error = assertError(server.postFeedback(example().encode()), 503, "NOT_READY", null);
        assertTrue(error.getString("message").contains("/health/ready"), error::encode);
    }

    @Test
    @Order(1)
    void readinessAnswers503WithoutARulesVersionWhileNoRulesAreActive() {
        HttpResponse<String> response = server.get("/health/ready", null);
        assertEquals(503, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals("NOT_READY", body.getString("status"));
        assertTrue(body.containsKey("rulesVersion"));
        assertNull(body.getValue("rulesVersion"));
    }

    @Test
    @Order(1)
    void livenessIsUpEvenWithoutRules() {
        assertEquals(200, server.get("/health/live", null).statusCode());
    }

    @Test
    @Order(1)
    void metricsReportNotReadyWithoutRules() {
        String text = server.get("/metrics", DECIDE_TOKEN).body();
        assertTrue(text.contains("qf_ready 0"), text);
        assertTrue(!text.contains("qf_rules_version_info{"), text);
    }

    @Test
    @Order(1)
    void authenticationIsStillCheckedBeforeReadiness() {
        assertError(server.post("/v1/feedback", null, "application/json", example().encode()), 401, "UNAUTHENTICATED", null);
    }

    @Test
    @Order(2)
    void activatingARulesVersionMakesTheRunningServiceReadyWithoutARestart() {
        RULES.activate(LiveServer.shippedRules());
        assertEquals(200, server.get("/health/ready", null).statusCode());
        JsonObject decision = decision(server.postFeedback(example().encode()));
        assertEquals(LiveServer.shippedRules().version(), decision.getString("rulesVersion"));
    }
}

package kr.qfeedback.http;

import static kr.qfeedback.testing.ExampleRequests.example;
import static kr.qfeedback.testing.LiveServer.DECIDE_TOKEN;
import static kr.qfeedback.testing.LiveServer.decision;
import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, metrics and the OpenAPI document of a running service with the shipped rules active. */
class OperationsHttpTest {
    @RegisterExtension
    static final LiveServer server =
            LiveServer.withShippedRules().clock(Clock.fixed(Instant.parse("2026-03-11T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void livenessAnswers200WithoutAToken() {
        HttpResponse<String> response = server.get("/health/live", null);
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("UP", json(response).getString("status"));
    }

    @Test
    void everyApiAnswerForbidsCachingAndContentSniffing() {
        List<HttpResponse<String>> answers = List.of(
                server.postFeedback(example().encode()),
                server.postFeedback("{not json"),
                server.get("/v1/rules", DECIDE_TOKEN),
                server.get("/metrics", DECIDE_TOKEN),
                server.get("/health/ready", null));
        for (HttpResponse<String> answer : answers) {
            assertEquals(
                    "no-store",
                    answer.headers().firstValue("Cache-Control").orElse(null),
                    answer.uri() + " " + answer.statusCode());
            assertEquals(
                    "nosniff",
                    answer.headers().firstValue("X-Content-Type-Options").orElse(null),
                    answer.uri().toString());
        }
    }

    @Test
    void readinessAnswers200WithTheActiveRulesVersionWithoutAToken() {
        HttpResponse<String> response = server.get("/health/ready", null);
        assertEquals(200, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals("READY", body.getString("status"));
        assertEquals(LiveServer.shippedRules().version(), body.getString("rulesVersion"));
    }

    @Test
    void metricsCountEachDecisionByItsOutcome() {
        long decisionsBefore = metric("qf_decisions_total\\{outcome=\"WRITTEN_PASS\"}");
        long timedBefore = metric("qf_decision_seconds_count");
        for (int i = 0; i < 3; i++) {
            decision(server.postFeedback(example().encode()));
        }
        HttpResponse<String> response = server.get("/metrics", DECIDE_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                "Prometheus text format");
        String text = response.body();
        assertEquals(decisionsBefore + 3, metric(text, "qf_decisions_total\\{outcome=\"WRITTEN_PASS\"}"), text);
        assertEquals(timedBefore + 3, metric(text, "qf_decision_seconds_count"), text);
        assertTrue(text.contains("qf_ready 1"), text);
        assertTrue(
                text.contains("qf_rules_version_info{version=\""
                        + LiveServer.shippedRules().version() + "\"} 1"),
                text);
    }

    @Test
    void metricsCountEachRejectedRequestByStatus() {
        String series = "qf_http_responses_total\\{route=\"[^\"]*\",status=\"400\"}";
        long before = metric(series);
        server.postFeedback("{not json");
        server.postFeedback("{not json either");
        assertEquals(before + 2, metric(series));
    }

    @Test
    void everyAnswerIsCountedWhicheverPartOfTheApiSentIt() {
        String all = "qf_http_responses_total\\{route=\"[^\"]*\",status=\"[0-9]+\"}";
        long before = metric(all); // this scrape is counted once it is written
        server.get("/console/", null);
        server.get("/v1/no-such-thing", DECIDE_TOKEN);
        assertEquals(before + 3, metric(all), "the scrape before, the console page and the 404 are each counted once");
    }

    /** The value of one series in a fresh scrape; 0 when it has not appeared yet. */
    private long metric(String series) {
        return metric(server.get("/metrics", DECIDE_TOKEN).body(), series);
    }

    private static long metric(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
        long sum = 0;
        while (m.find()) {
            sum += (long) Double.parseDouble(m.group(1)); // counters read 3.0, histogram counts 3
        }
        return sum;
    }

    @Test
    void theOpenApiDocumentIsServedAsParseableYamlDescribingFeedback() throws Exception {
        HttpResponse<String> response = server.get("/openapi.yaml", DECIDE_TOKEN);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("yaml"));
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(response.body());
        assertTrue(doc.path("openapi").asText().startsWith("3."), "an OpenAPI 3 document");
        JsonNode feedback = doc.path("paths").path("/v1/feedback");
        assertTrue(feedback.isObject(), "paths must include /v1/feedback");
        assertNotNull(feedback.get("post"), "/v1/feedback has a post operation");
        for (String path : new String[] {"/health/live", "/health/ready", "/metrics"}) {
            assertTrue(doc.path("paths").has(path), "paths must include " + path);
        }
        JsonNode codes = doc.path("components")
                .path("schemas")
                .path("Error")
                .path("properties")
                .path("error")
                .path("properties")
                .path("code")
                .path("enum");
        for (String code : new String[] {
            "INVALID_REQUEST",
            "UNAUTHENTICATED",
            "FORBIDDEN",
            "TOO_LARGE",
            "UNSUPPORTED_MEDIA_TYPE",
            "INCONSISTENT",
            "NOT_READY",
            "NOT_FOUND",
            "METHOD_NOT_ALLOWED",
            "INTERNAL",
            "RULES_REJECTED",
            "UNKNOWN_VERSION",
            "VERSION_DAMAGED",
            "NO_QUORUM",
            "CLUSTER_BUSY",
            "SWITCH_FAILED",
            "NEVER_LIVE"
        }) {
            assertTrue(
                    codes.toString().contains("\"" + code + "\""),
                    () -> "Error.code enum lacks " + code + ": " + codes);
        }
    }

    @Test
    void theHealthEndpointsNeedNoTokenEvenWhenAWrongOneIsSent() {
        assertEquals(200, server.get("/health/live", "not-a-known-token").statusCode());
        assertEquals(200, server.get("/health/ready", "not-a-known-token").statusCode());
    }
}

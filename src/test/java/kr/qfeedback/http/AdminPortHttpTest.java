package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import kr.qfeedback.ServiceConfig;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * QF_ADMIN_PORT: two real listeners of one service. The console, rules and decision-record paths
 * answer only on the admin port (404 on the public one, before any token is looked at); the
 * decision API answers only on the public port; health, metrics and the OpenAPI document on both.
 */
class AdminPortHttpTest {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A public listener on two event-loop instances and an admin listener, over no rules. */
    @RegisterExtension
    static final LiveServer server = LiveServer.withoutRules().instances(2).withAdminPort();

    private static HttpResponse<String> send(int port, String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        method.equals("POST")
                                ? HttpRequest.BodyPublishers.ofString("{}")
                                : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAdminPathsAreAbsentOnThePublicPortEvenToAnAuthor() throws Exception {
        for (String path :
                new String[] {"/console/", "/console", "/v1/rules", "/v1/rules/audit", "/v1/decisions/abc123"}) {
            HttpResponse<String> anonymous = send(server.port(), "GET", path, null);
            assertEquals(404, anonymous.statusCode(), path + ": " + anonymous.body());
            assertTrue(anonymous.body().contains("\"NOT_FOUND\""), anonymous.body());
            assertEquals(
                    404,
                    send(server.port(), "GET", path, LiveServer.AUTHOR_TOKEN).statusCode(),
                    path);
        }
    }

    @Test
    void theAdminPortAnswersTheAdminPathsWithTheUsualTokenCheck() throws Exception {
        HttpResponse<String> record = send(server.adminPort(), "GET", "/v1/decisions/abc123", null);
        assertEquals(401, record.statusCode(), record.body());
        assertTrue(record.body().contains("\"UNAUTHENTICATED\""), record.body());
        assertEquals(
                403,
                send(server.adminPort(), "GET", "/v1/decisions/abc123", LiveServer.DECIDE_TOKEN)
                        .statusCode());
    }

    @Test
    void theDecisionApiAnswersOnlyOnThePublicPort() throws Exception {
        HttpResponse<String> onPublic = send(server.port(), "POST", "/v1/feedback", null);
        assertEquals(
                401,
                onPublic.statusCode(),
                "the public port checks the token of a decision request: " + onPublic.body());
        HttpResponse<String> onAdmin = send(server.adminPort(), "POST", "/v1/feedback", LiveServer.DECIDE_TOKEN);
        assertEquals(404, onAdmin.statusCode(), onAdmin.body());
        assertTrue(onAdmin.body().contains("\"NOT_FOUND\""), onAdmin.body());
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentAnswerOnBothPorts() throws Exception {
        for (int port : new int[] {server.port(), server.adminPort()}) {
            assertEquals(200, send(port, "GET", "/health/live", null).statusCode());
            assertEquals(
                    200, send(port, "GET", "/metrics", LiveServer.DECIDE_TOKEN).statusCode());
            assertEquals(
                    200,
                    send(port, "GET", "/openapi.yaml", LiveServer.DECIDE_TOKEN).statusCode());
        }
    }

    @Test
    void theAdminPortIsReadFromTheEnvironmentAndMustDifferFromTheHttpPort() {
        assertFalse(
                ServiceConfig.fromEnvironment(Map.of()).adminPort().isPresent(), "unset: one port answers everything");
        assertEquals(
                9090,
                ServiceConfig.fromEnvironment(Map.of("QF_ADMIN_PORT", "9090"))
                        .adminPort()
                        .getAsInt());
        IllegalArgumentException same = assertThrows(
                IllegalArgumentException.class,
                () -> ServiceConfig.fromEnvironment(Map.of("QF_HTTP_PORT", "9090", "QF_ADMIN_PORT", "9090")));
        assertTrue(same.getMessage().startsWith("QF_ADMIN_PORT must differ from QF_HTTP_PORT"), same.getMessage());
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class, () -> ServiceConfig.fromEnvironment(Map.of("QF_ADMIN_PORT", "admin")));
        assertTrue(bad.getMessage().startsWith("QF_ADMIN_PORT must be a port number"), bad.getMessage());
    }
}

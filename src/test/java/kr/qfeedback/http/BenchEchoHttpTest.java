package kr.qfeedback.http;

import kr.qfeedback.testing.ExampleRequests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The benchmark echo endpoint: off unless QF_BENCH_ECHO=true, and behind the same checks as /v1/feedback. */
class BenchEchoHttpTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theFlagIsOffUnlessSetToTrue() {
        assertFalse(BenchEcho.enabled(Map.of()));
        assertFalse(BenchEcho.enabled(Map.of("QF_BENCH_ECHO", "yes")));
        assertTrue(BenchEcho.enabled(Map.of("QF_BENCH_ECHO", " TRUE ")));
    }

    @Test
    void withoutTheFlagTheEchoIsNotFound() throws Exception {
        withServer(new FeedbackApi(LiveServer.activeShippedRules(), TokenRegistry.parse(LiveServer.TOKENS),
                new ServiceMetrics(), Clock.systemUTC()), port -> {
            assertEquals(404, post(port, LiveServer.DECIDE_TOKEN, "application/json", ExampleRequests.EXAMPLE_REQUEST).statusCode());
        });
    }

    @Test
    void withTheFlagTheEchoAnswersTheBodyBackAsJsonBehindTheDecideToken() throws Exception {
        FeedbackApi api = new FeedbackApi(LiveServer.activeShippedRules(), TokenRegistry.parse(LiveServer.TOKENS),
                new ServiceMetrics(), Clock.systemUTC()).enableBenchEcho();
        withServer(api, port -> {
            HttpResponse<String> ok = post(port, LiveServer.DECIDE_TOKEN, "application/json", ExampleRequests.EXAMPLE_REQUEST);
            assertEquals(200, ok.statusCode(), ok::body);
            assertEquals("application/json; charset=utf-8", ok.headers().firstValue("Content-Type").orElse(null));
            assertEquals(new JsonObject(ExampleRequests.EXAMPLE_REQUEST), new JsonObject(ok.body()));
            assertEquals(401, post(port, null, "application/json", "{}").statusCode());
            assertEquals(403, post(port, LiveServer.AUTHOR_TOKEN, "application/json", "{}").statusCode());
            assertEquals(415, post(port, LiveServer.DECIDE_TOKEN, "text/plain", "{}").statusCode());
            assertEquals(400, post(port, LiveServer.DECIDE_TOKEN, "application/json", "not json").statusCode());
        });
    }

    private interface PortCheck {
        void run(int port) throws Exception;
    }

    private static void withServer(FeedbackApi api, PortCheck check) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            int port = HttpService.start(vertx, api, 0, 1).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            check.run(port);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> post(int port, String token, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + BenchEcho.PATH))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).header("Content-Type", type);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

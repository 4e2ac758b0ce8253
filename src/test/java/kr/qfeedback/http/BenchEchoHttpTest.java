package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;

/** The benchmark echo endpoint: off unless QF_BENCH_ECHO=true, and behind the same checks as /v1/feedback. */
class BenchEchoHttpTest {

    @Test
    void theFlagIsOffUnlessSetToTrue() {
        assertFalse(BenchEcho.enabled(Map.of()));
        assertFalse(BenchEcho.enabled(Map.of("QF_BENCH_ECHO", "yes")));
        assertTrue(BenchEcho.enabled(Map.of("QF_BENCH_ECHO", " TRUE ")));
    }

    @Test
    void withoutTheFlagTheEchoIsNotFound() throws Exception {
        withServer(
                new FeedbackApi(
                        LiveServer.activeShippedRules(),
                        TokenRegistry.parse(LiveServer.TOKENS),
                        new ServiceMetrics(),
                        Clock.systemUTC()),
                server -> {
                    assertEquals(
                            404,
                            post(server, LiveServer.DECIDE_TOKEN, "application/json", ExampleRequests.EXAMPLE_REQUEST)
                                    .statusCode());
                });
    }

    @Test
    void withTheFlagTheEchoAnswersTheBodyBackAsJsonBehindTheDecideToken() throws Exception {
        FeedbackApi api = new FeedbackApi(
                        LiveServer.activeShippedRules(),
                        TokenRegistry.parse(LiveServer.TOKENS),
                        new ServiceMetrics(),
                        Clock.systemUTC())
                .enableBenchEcho();
        withServer(api, server -> {
            HttpResponse<String> ok =
                    post(server, LiveServer.DECIDE_TOKEN, "application/json", ExampleRequests.EXAMPLE_REQUEST);
            assertEquals(200, ok.statusCode(), ok::body);
            assertEquals(
                    "application/json; charset=utf-8",
                    ok.headers().firstValue("Content-Type").orElse(null));
            assertEquals(new JsonObject(ExampleRequests.EXAMPLE_REQUEST), new JsonObject(ok.body()));
            assertEquals(401, post(server, null, "application/json", "{}").statusCode());
            assertEquals(
                    403,
                    post(server, LiveServer.AUTHOR_TOKEN, "application/json", "{}")
                            .statusCode());
            assertEquals(
                    415,
                    post(server, LiveServer.DECIDE_TOKEN, "text/plain", "{}").statusCode());
            assertEquals(
                    400,
                    post(server, LiveServer.DECIDE_TOKEN, "application/json", "not json")
                            .statusCode());
        });
    }

    private interface ServerCheck {
        void run(LiveServer server) throws Exception;
    }

    private static void withServer(FeedbackApi api, ServerCheck check) throws Exception {
        try (LiveServer server = LiveServer.withApi(api).start()) {
            check.run(server);
        }
    }

    private static HttpResponse<String> post(LiveServer server, String token, String type, String body) {
        return server.post(BenchEcho.PATH, token, type, body);
    }
}

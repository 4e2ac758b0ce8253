package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;

/**
 * A server that has begun stopping: readiness answers 503 STOPPING in its usual shape, decisions are
 * still answered in full but ask the client to close the connection, and closing the servers
 * gracefully ends with nothing in flight.
 */
class StoppingHttpTest {

    @Test
    void onceStoppingReadinessSays503StoppingAndAnswersAskTheClientToCloseTheConnection() throws Exception {
        FeedbackApi api = new FeedbackApi(
                LiveServer.activeShippedRules(),
                TokenRegistry.parse(LiveServer.TOKENS),
                new ServiceMetrics(),
                Clock.systemUTC());
        try (LiveServer server = LiveServer.withApi(api).instances(2).start()) {
            HttpResponse<String> ready = server.get("/health/ready", null);
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.headers().firstValue("connection").isEmpty(), "keep-alive while serving");
            LiveServer.decision(server.postFeedback(ExampleRequests.EXAMPLE_REQUEST));
            assertEquals(0, api.stop().inFlight());
            long begun = api.stop().started();

            api.stop().beginStopping(Duration.ofSeconds(5));

            HttpResponse<String> stopping = server.get("/health/ready", null);
            assertEquals(503, stopping.statusCode(), stopping.body());
            JsonObject body = LiveServer.json(stopping);
            assertEquals("STOPPING", body.getString("status"));
            assertEquals(Set.of("status", "rulesVersion"), body.fieldNames(), "the usual shape: " + body);
            assertEquals(LiveServer.shippedRules().version(), body.getString("rulesVersion"));
            assertEquals("close", stopping.headers().firstValue("connection").orElse(""));

            HttpResponse<String> decided = server.postFeedback(ExampleRequests.EXAMPLE_REQUEST);
            LiveServer.decision(decided);
            assertEquals(
                    "close",
                    decided.headers().firstValue("connection").orElse(""),
                    "the answer asks the client to close");
            assertEquals(begun + 1, api.stop().started(), "health probes are not counted as requests");
            String metrics = server.get("/metrics", LiveServer.DECIDE_TOKEN).body();
            assertTrue(metrics.contains("qf_ready 0"), metrics);

            api.stop()
                    .shutdownServers(Duration.ofSeconds(5))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(0, api.stop().inFlight());
        }
    }

    @Test
    void onceTheRulesStopChangingARollbackIsRefusedWith503AndTheActiveVersionStays() {
        try (LiveServer server = LiveServer.withLifecycle().start()) {
            String active = server.activeId();
            int audited = server.auditEntries().size();
            server.lifecycle().stopChanges();
            JsonObject error = LiveServer.assertError(server.rollbackTo(active), 503, "NOT_READY", null);
            assertTrue(error.getString("message").contains("stopping"), error::encode);
            assertEquals(active, server.activeId());
            assertEquals(audited, server.auditEntries().size(), "nothing was written");
        }
    }
}

package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;

/**
 * Starting the server: port 0 means any free port and {@link HttpService#start} reports the one it
 * got, with one or several event-loop instances. These servers need no rules (liveness only).
 */
class HttpServiceTest {

    private static void assertLive(LiveServer server) {
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> response = server.get("/health/live", null);
            assertEquals(200, response.statusCode(), response::body);
        }
    }

    @Test
    void portZeroWithOneInstanceListensOnTheFreePortItReports() {
        try (LiveServer server = LiveServer.withoutRules().start()) {
            assertTrue(server.port() > 0);
            assertLive(server);
        }
    }

    @Test
    void portZeroWithSeveralInstancesSharesOneFreePortAsServeDoesOnAMultiCoreHost() {
        // serve deploys one instance per core; QF_HTTP_PORT=0 must work there too.
        try (LiveServer server = LiveServer.withoutRules().instances(4).start()) {
            assertTrue(server.port() > 0);
            assertLive(server);
        }
    }

    @Test
    void twoServicesStartedOnPortZeroGetDifferentPorts() {
        try (LiveServer a = LiveServer.withoutRules().start();
                LiveServer b = LiveServer.withoutRules().start()) {
            assertNotEquals(a.port(), b.port());
            assertLive(a);
            assertLive(b);
        }
    }

    @Test
    void aPortAlreadyInUseFailsTheStartInsteadOfReportingAPort() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            FeedbackApi api = new FeedbackApi(
                    new ActiveRuleSet(),
                    TokenRegistry.parse(LiveServer.TOKENS),
                    new ServiceMetrics(),
                    Clock.systemUTC());
            Future<Integer> started = HttpService.start(vertx, api, taken.getLocalPort(), 1);
            Throwable failure = null;
            try {
                started.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause();
            }
            assertTrue(failure != null, "starting on a taken port must fail, not report port " + started.result());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}

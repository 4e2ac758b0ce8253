package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Guessing tokens is answered 429 once a source has failed too often, and a right token then too. */
class FailedAuthenticationHttpTest {

    @RegisterExtension
    final LiveServer server = LiveServer.withShippedRules().perTest();

    @Test
    void aSourceThatFailsTooOftenIsAnswered429EvenWithAGoodTokenUntilItsWindowEnds() {
        for (int i = 0; i < FailedAuthentications.LIMIT; i++) {
            HttpResponse<String> guess = server.get("/metrics", "wrong-token-" + i);
            assertEquals(401, guess.statusCode(), guess::body);
        }
        HttpResponse<String> blocked = server.get("/metrics", "wrong-token-again");
        assertEquals(429, blocked.statusCode(), blocked::body);
        assertEquals(
                "TOO_MANY_ATTEMPTS",
                LiveServer.json(blocked).getJsonObject("error").getString("code"));
        assertEquals(429, server.get("/metrics", LiveServer.DECIDE_TOKEN).statusCode(), "the window is not over yet");
        assertEquals(200, server.get("/health/ready", null).statusCode(), "health needs no token and is not limited");
    }
}

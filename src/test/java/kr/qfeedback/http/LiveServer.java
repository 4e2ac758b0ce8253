package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.testing.HttpCalls;

/**
 * The real HTTP service for the tests of this package: {@link HttpService} on a free port (port 0)
 * with {@link FeedbackApi}, called with {@link java.net.http.HttpClient}. The shipped {@code rules/}
 * folder is compiled once per test JVM, since compiling takes seconds.
 */
final class LiveServer implements AutoCloseable {
    static final String DECIDE_TOKEN = "decide-token-for-tests";
    static final String AUTHOR_TOKEN = "author-token-for-tests";
    static final String TOKENS = "decide:" + DECIDE_TOKEN + ",author:" + AUTHOR_TOKEN;

    /** The contract's example request (code 1320, WRITTEN PASS, asOf 2026-03-11). */

    private static volatile RuleSet shipped;

    private final Vertx vertx;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private LiveServer(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    /** The shipped rules folder, compiled once per JVM ({@code qfeedback.rules.dir} overrides the path). */
    static RuleSet shippedRules() {
        RuleSet r = shipped;
        if (r == null) {
            synchronized (LiveServer.class) {
                r = shipped;
                if (r == null) {
                    r = new RuleSetCompiler().compile(RuleFiles.read(Path.of(System.getProperty("qfeedback.rules.dir", "rules"))));
                    shipped = r;
                }
            }
        }
        return r;
    }

    /** An active rule set holding the shipped rules. */
    static ActiveRuleSet activeShippedRules() {
        ActiveRuleSet active = new ActiveRuleSet();
        active.activate(shippedRules());
        return active;
    }

    /** Starts the real server on one event-loop instance. */
    static LiveServer start(ActiveRuleSet rules, ServiceMetrics metrics, Clock clock) {
        return start(rules, metrics, clock, 1);
    }

    /** Starts the real server on {@code instances} event-loop instances sharing one free port. */
    static LiveServer start(ActiveRuleSet rules, ServiceMetrics metrics, Clock clock, int instances) {
        return start(new FeedbackApi(rules, TokenRegistry.parse(TOKENS), metrics, clock), instances);
    }

    /** Starts the real server for an API wired by the caller (e.g. with the rules lifecycle endpoints). */
    static LiveServer start(FeedbackApi api, int instances) {
        Vertx vertx = Vertx.vertx();
        try {
            int port = HttpService.start(vertx, api, 0, instances).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(port > 0, "HttpService.start must report the real port it got for port 0, not " + port);
            return new LiveServer(vertx, port);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("The HTTP service did not start", e);
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the HTTP service", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The HTTP service did not stop", e);
        }
    }

    // ---- requests ---------------------------------------------------------------------------

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest request) {
        return HttpCalls.send(client, request);
    }

    HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = request(path).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    /** POST with the decide token and {@code Content-Type: application/json}. */
    HttpResponse<String> postFeedback(String body) {
        return post("/v1/feedback", DECIDE_TOKEN, "application/json", body);
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    /** POST with a body of unknown length, so that it goes out chunked without Content-Length. */
    HttpResponse<String> postChunked(String path, String token, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Supplier<InputStream> stream = () -> new java.io.ByteArrayInputStream(bytes);
        return send(request(path).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(stream)).build());
    }

    /**
     * Sends {@code requestLine} and {@code body} over a plain socket with the decide token, for
     * requests java.net.http refuses to build (a malformed query string), and returns the status
     * and body of the answer.
     */
    RawResponse raw(String requestLine, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = requestLine + "\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + DECIDE_TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            return new RawResponse(status, answer.substring(answer.indexOf("\r\n\r\n") + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record RawResponse(int status, String body) {
    }

    // ---- request bodies ---------------------------------------------------------------------


    // ---- assertions -------------------------------------------------------------------------

    /** Parses a JSON answer, checking its content type first. */
    static JsonObject json(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), "expected a JSON answer, got Content-Type '" + type + "': " + response.body());
        return new JsonObject(response.body());
    }

    /** A 200 decision, parsed. */
    static JsonObject decision(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> "expected a decision, got: " + response.body());
        return json(response);
    }

    /**
     * Checks an error answer: status, the {@code {"error":{"code","message"[,"field"]}}} shape and
     * nothing else, and the field at fault ({@code null} = no {@code field} key at all).
     */
    static JsonObject assertError(HttpResponse<String> response, int status, String code, String field) {
        assertEquals(status, response.statusCode(), () -> "expected " + status + " " + code + ", got: " + response.body());
        JsonObject body = json(response);
        assertEquals(Set.of("error"), body.fieldNames(), () -> "an error body has only 'error': " + body);
        JsonObject error = body.getJsonObject("error");
        assertNotNull(error, "'error' must be an object: " + body);
        assertTrue(Set.of("code", "message", "field").containsAll(error.fieldNames()), () -> "unexpected keys in " + error);
        assertEquals(code, error.getString("code"), () -> "code of " + error);
        String message = error.getString("message");
        assertNotNull(message, "every error has a message: " + error);
        assertFalse(message.isBlank(), "every error has a message: " + error);
        if (field == null) {
            assertFalse(error.containsKey("field"), () -> "no single field is at fault here, yet: " + error);
        } else {
            assertEquals(field, error.getString("field"), () -> "field of " + error);
        }
        return error;
    }

    static JsonArray sections(JsonObject decision) {
        return decision.getJsonArray("sections");
    }

    static JsonObject section(JsonObject decision, String id) {
        for (Object o : sections(decision)) {
            JsonObject s = (JsonObject) o;
            if (id.equals(s.getString("id"))) {
                return s;
            }
        }
        return null;
    }
}

package kr.qfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.testing.HttpCalls;
import kr.qfeedback.testing.ServeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service in its own JVM ({@code java -cp … kr.qfeedback.Main serve}, as an operator starts
 * it) under keep-alive load, stopped with SIGTERM ({@link Process#destroy()} on Linux). The load
 * client behaves like a load balancer: {@value #CLIENTS} threads decide over pooled keep-alive
 * connections while a probe asks {@code /health/ready} every {@value #PROBE_MILLIS} ms; once the
 * probe sees 503 the clients go on for {@value #LB_DELAY_MILLIS} ms (the balancer's delay) and then
 * send this node nothing new. A rules validation is in flight when the signal comes.
 */
class StopOnSigtermTest {
    static final int CLIENTS = 8;
    static final long PROBE_MILLIS = 50;
    static final long LB_DELAY_MILLIS = 300;
    static final Duration GRACE = Duration.ofSeconds(12);
    static final String DECIDE = "decide-token-sigterm-test";
    static final String AUTHOR = "author-token-sigterm-test";
    static final String REQUEST = """
            {"candidateId":"stop-%s","asOf":"2026-03-11",
             "qualification":{"code":"1320","grade":"ENGINEER"},
             "exam":{"round":"2026-1","stage":"WRITTEN","examDate":"2026-01-30","announcedOn":"2026-03-11",
                     "result":"PASS","totalScore":71.5,"subjects":[{"name":"소프트웨어 설계","score":80}]}}
            """;
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final Path LOG_FILE = Path.of("target", "sigterm-test", "node.log");
    private Process node;
    private int port;

    @AfterEach
    void killWhatIsLeft() {
        if (node != null) {
            node.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 300)
    void aSigtermUnderKeepAliveLoadAnswersEveryAcceptedRequestCompletelyAndExitsZeroWithinTheGrace(@TempDir Path temp)
            throws Exception {
        start(temp);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong decided = new AtomicLong();
        AtomicLong decidedAfterStopping = new AtomicLong();
        AtomicLong askedToClose = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong cleanUnavailable = new AtomicLong();
        long[] readinessStoppingAt = {0};
        long[] listenerClosedAt = {0};
        String[] stoppingBody = {null};

        // The probe: when readiness turned 503, and when the listener closed (connection refused).
        Thread probe = new Thread(
                () -> {
                    while (listenerClosedAt[0] == 0) {
                        try {
                            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/health/ready"))
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build());
                            if (r.statusCode() == 503 && readinessStoppingAt[0] == 0) {
                                stoppingBody[0] = r.body();
                                readinessStoppingAt[0] = System.nanoTime();
                                // New rules work is refused cleanly while the node stops.
                                HttpResponse<String> refusedWork = send(validateRequest());
                                if (refusedWork.statusCode() != 503
                                        || !refusedWork.body().contains("NOT_READY")) {
                                    failures.add("rules work while stopping: " + refusedWork.statusCode() + " "
                                            + refusedWork.body());
                                }
                            }
                        } catch (IOException e) {
                            failures.add("readiness probe: " + e);
                        } catch (UncheckedIOException e) {
                            if (e.getCause() instanceof ConnectException) {
                                listenerClosedAt[0] = System.nanoTime();
                            } else {
                                failures.add("readiness probe: " + e.getCause());
                            }
                        }
                        sleep(PROBE_MILLIS);
                    }
                },
                "probe");

        // The clients: decide until the balancer has taken this node out.
        CountDownLatch clientsDone = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int id = c;
            new Thread(
                            () -> {
                                try {
                                    for (long n = 0; ; n++) {
                                        long sawStopping = readinessStoppingAt[0];
                                        if (sawStopping != 0
                                                && System.nanoTime() - sawStopping
                                                        > TimeUnit.MILLISECONDS.toNanos(LB_DELAY_MILLIS)) {
                                            return;
                                        }
                                        try {
                                            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/v1/feedback"))
                                                    .timeout(Duration.ofSeconds(20))
                                                    .header("Authorization", "Bearer " + DECIDE)
                                                    .header("Content-Type", "application/json")
                                                    .POST(HttpRequest.BodyPublishers.ofString(
                                                            REQUEST.formatted(id + "-" + n), StandardCharsets.UTF_8))
                                                    .build());
                                            if (r.statusCode() == 200) {
                                                JsonObject decision =
                                                        new JsonObject(r.body()); // a truncated body does not parse
                                                assertNotNull(decision.getString("decisionId"));
                                                assertNotNull(decision.getJsonArray("sections"));
                                                decided.incrementAndGet();
                                                if (sawStopping != 0) {
                                                    decidedAfterStopping.incrementAndGet();
                                                }
                                                if (r.headers()
                                                        .firstValue("connection")
                                                        .map("close"::equalsIgnoreCase)
                                                        .orElse(false)) {
                                                    askedToClose.incrementAndGet();
                                                }
                                            } else if (r.statusCode() == 503) {
                                                new JsonObject(r.body())
                                                        .getJsonObject("error")
                                                        .getString("code");
                                                cleanUnavailable.incrementAndGet();
                                            } else {
                                                failures.add("client " + id + ": " + r.statusCode() + " " + r.body());
                                            }
                                        } catch (UncheckedIOException e) {
                                            if (e.getCause() instanceof ConnectException) {
                                                refused.incrementAndGet(); // never accepted: a balancer retries it
                                                // elsewhere
                                                sleep(PROBE_MILLIS);
                                            } else {
                                                failures.add("client " + id + ": " + e.getCause());
                                            }
                                        } catch (RuntimeException | AssertionError e) {
                                            failures.add("client " + id + ": " + e);
                                        }
                                    }
                                } finally {
                                    clientsDone.countDown();
                                }
                            },
                            "client-" + c)
                    .start();
        }
        probe.start();
        Thread.sleep(2_000);
        long decidedBeforeSignal = decided.get();

        // Rules work in flight when the signal comes: it finishes and is answered completely.
        CompletableFuture<HttpResponse<String>> validation =
                client.sendAsync(validateRequest(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Thread.sleep(300);

        long signalled = System.nanoTime();
        node.destroy(); // SIGTERM
        boolean exited = node.waitFor(GRACE.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        long exitMillis = (System.nanoTime() - signalled) / 1_000_000;
        assertTrue(clientsDone.await(30, TimeUnit.SECONDS), "the clients stopped");
        probe.join(10_000);
        Path logFile = LOG_FILE;
        System.out.printf(
                "[sigterm-test] %d decided (%d after readiness said 503, %d of them asked to close), %d refused,"
                        + " %d clean 503; readiness 503 %.0f ms after the signal, listener closed %.0f ms after it; exit %s after %d ms%n",
                decided.get(),
                decidedAfterStopping.get(),
                askedToClose.get(),
                refused.get(),
                cleanUnavailable.get(),
                (readinessStoppingAt[0] - signalled) / 1e6,
                (listenerClosedAt[0] - signalled) / 1e6,
                exited ? node.exitValue() : "none",
                exitMillis);

        assertTrue(exited, "the node exits within the grace; log: " + logFile.toAbsolutePath());
        assertEquals(0, node.exitValue(), "a graceful stop exits 0; log: " + logFile.toAbsolutePath());
        assertTrue(exitMillis < GRACE.toMillis(), "exited within QF_SHUTDOWN_GRACE, not after " + exitMillis + " ms");
        assertTrue(failures.isEmpty(), "no accepted request lost, reset or truncated: " + failures);
        assertTrue(decidedBeforeSignal > 100, "the load really ran: " + decidedBeforeSignal);
        assertTrue(readinessStoppingAt[0] != 0, "readiness answered 503 while stopping");
        assertEquals("STOPPING", new JsonObject(stoppingBody[0]).getString("status"), stoppingBody[0]);
        assertTrue(listenerClosedAt[0] > readinessStoppingAt[0], "readiness said 503 before the listener closed");
        assertTrue(
                decidedAfterStopping.get() > 0,
                "requests sent after readiness said 503 (before the balancer reacted) were answered");
        assertTrue(askedToClose.get() > 0, "answers while stopping carry Connection: close");

        HttpResponse<String> validated = validation.get(5, TimeUnit.SECONDS);
        assertEquals(200, validated.statusCode(), validated.body());
        assertEquals(Boolean.TRUE, new JsonObject(validated.body()).getBoolean("valid"), validated.body());

        assertInOrder(
                logFile,
                "stopping: readiness 503",
                "requests in flight",
                "stopped accepting",
                "records flushed (",
                "left the cluster",
                "stopped in ");
    }

    private void assertInOrder(Path logFile, String... steps) throws IOException {
        List<String> log = readLog();
        int from = 0;
        for (String step : steps) {
            int at = -1;
            for (int i = from; i < log.size(); i++) {
                if (log.get(i).contains(step)) {
                    at = i;
                    break;
                }
            }
            assertTrue(
                    at >= 0, "the log shows '" + step + "' after the previous step; see " + logFile.toAbsolutePath());
            from = at + 1;
        }
    }

    // ------------------------------------------------------------------ the node

    private void start(Path temp) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                startOnce(temp);
                return;
            } catch (ClusterPortTaken e) {
                if (attempt == CLUSTER_PORT_ATTEMPTS) {
                    throw new AssertionError("the node's cluster port was taken " + attempt + " times", e);
                }
                node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static final int CLUSTER_PORT_ATTEMPTS = 3;

    /** The node died before listening because another process took the cluster port named for it. */
    private static final class ClusterPortTaken extends Exception {
        ClusterPortTaken(String log) {
            super(log);
        }
    }

    private void startOnce(Path temp) throws Exception {
        ProcessBuilder builder = ServeProcess.builder("-Xmx512m", "-XX:+UseSerialGC");
        Map<String, String> env = builder.environment();
        env.put("QF_HTTP_PORT", "0");
        // The HTTP port is 0 and read back from the log. The embedded Hazelcast member cannot be
        // told port 0, so the child must be given a cluster port up front: a port free a moment ago,
        // which a cluster of one may move up from when it was taken since; should the start still
        // fail to bind, start() tries again with another port.
        env.put("QF_CLUSTER_PORT", Integer.toString(freePort()));
        env.remove("QF_CLUSTER_MEMBERS");
        env.put("QF_DATA_DIR", temp.resolve("data").toString());
        env.put("QF_RULES_DIR", "rules");
        env.put("QF_FEATURES_DIR", "features");
        env.put("QF_TOKENS", "decide:" + DECIDE + ",author:" + AUTHOR);
        env.put("QF_WARMUP_DECISIONS", "2000");
        env.put("QF_SHUTDOWN_GRACE", GRACE.toSeconds() + "s");
        // To a file, not a pipe: the JDK closes a child's pipe under a concurrent reader when the child exits.
        Files.createDirectories(LOG_FILE.getParent());
        Files.deleteIfExists(LOG_FILE);
        builder.redirectOutput(LOG_FILE.toFile());
        node = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (port == 0) {
            for (String line : readLog()) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            if (port == 0 && (!node.isAlive() || System.nanoTime() > deadline)) {
                String log = String.join("\n", readLog());
                if (!node.isAlive() && (log.contains("BindException") || log.contains("Address already in use"))) {
                    throw new ClusterPortTaken(log);
                }
                throw new AssertionError("the node did not start listening: " + log);
            }
            Thread.sleep(200);
        }
    }

    private static List<String> readLog() throws IOException {
        return Files.readAllLines(LOG_FILE, StandardCharsets.UTF_8);
    }

    private HttpRequest validateRequest() throws IOException {
        byte[] messages = Files.readAllBytes(Path.of("rules", "messages.yaml"));
        String edited = new String(messages, StandardCharsets.UTF_8) + "\n# sigterm test\n";
        String boundary = "----qf" + UUID.randomUUID();
        String body =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"messages.yaml\"\r\n"
                        + "Content-Type: application/x-yaml\r\n\r\n" + edited + "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(uri("/v1/rules/validate"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + AUTHOR)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        return HttpCalls.send(client, request);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import kr.qfeedback.testing.HttpCalls;
import kr.qfeedback.testing.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real members, each its own JVM ({@code java -Xmx256m … kr.qfeedback.Main serve}) on loopback:
 * they form one cluster on one version; a publish on member 1 switches all three within the measured
 * window; member 1 is killed (SIGKILL) while members 2 and 3 answer a steady load with zero failures
 * and keep the version; member 1 comes back with an empty data folder and adopts the cluster's version
 * (not the one in its rules folder). Measurements go to stdout and {@code target/cluster-it/report.txt}.
 */
class ClusterIT {
    private static final String DECIDE = "decide-token-cluster-it";
    private static final String AUTHOR = "author-token-cluster-it";
    /** The members' QF_CLUSTER_SECRET: made up for this run, as an operator would with `openssl rand -hex 32`. */
    private static final String SECRET =
            (java.util.UUID.randomUUID().toString() + java.util.UUID.randomUUID()).replace("-", "");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final String REQUEST = """
            {"candidateId":"it-%s","asOf":"2026-03-11",
             "qualification":{"code":"1320","grade":"ENGINEER"},
             "exam":{"round":"2026-1","stage":"WRITTEN","examDate":"2026-01-30","announcedOn":"2026-03-11",
                     "result":"PASS","totalScore":71.5,"subjects":[{"name":"소프트웨어 설계","score":80}]}}
            """;

    private static final List<Process> processes = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Path logs = Path.of("target", "cluster-it");
    private final StringBuilder report = new StringBuilder();

    @TempDir
    Path temp;

    private int[] httpPorts;
    private int[] clusterPorts;
    private Process[] nodes = new Process[3];

    @AfterAll
    static void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    @Timeout(value = 400)
    void threeMembersServeAsOneAndSurviveTheLossOfOne() throws Exception {
        Files.createDirectories(logs);
        httpPorts = kr.qfeedback.testing.LoopbackPorts.free(3);
        clusterPorts = kr.qfeedback.testing.LoopbackPorts.free(3);
        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            nodes[i] = startNode(i, temp.resolve("data" + (i + 1)));
        }
        for (int i = 0; i < 3; i++) {
            int n = i;
            await("member " + (n + 1) + " ready", START_TIMEOUT, () -> ready(n));
        }
        note("3 members ready after %.1f s", (System.nanoTime() - t0) / 1e9);
        String v0 = version(0);
        for (int i = 1; i < 3; i++) {
            assertEquals(v0, version(i), "every member starts on the same version");
            assertEquals(3, ready(i) ? members(i) : -1, "member " + (i + 1) + " sees 3 members");
        }

        // A decision made on member 2 is looked up on member 3 (and member 1).
        JsonObject decided = new JsonObject(
                post(1, "/v1/feedback", REQUEST.formatted("lookup")).body());
        String decisionId = decided.getString("decisionId");
        await(
                "decision record visible on member 3",
                Duration.ofSeconds(10),
                () -> get(2, "/v1/decisions/" + decisionId, AUTHOR).statusCode() == 200);
        JsonObject record =
                new JsonObject(get(0, "/v1/decisions/" + decisionId, AUTHOR).body());
        assertEquals("WRITTEN_PASS", record.getString("outcome"));
        assertEquals(v0, record.getString("rulesVersion"));
        assertEquals("it-lookup", record.getString("candidateId"));
        assertEquals(404, get(2, "/v1/decisions/" + UUID.randomUUID(), AUTHOR).statusCode());

        // Publish on member 1 while all three answer: one version everywhere, switch window measured.
        Load during = new Load(new int[] {0, 1, 2}, 3);
        during.start();
        long published = System.nanoTime();
        HttpResponse<String> publish = publishMessagesChange(0);
        long publishMillis = (System.nanoTime() - published) / 1_000_000;
        assertEquals(200, publish.statusCode(), publish.body());
        String v1 = new JsonObject(publish.body()).getString("to");
        assertNotEquals(v0, v1);
        Thread.sleep(500);
        during.stop();
        for (int i = 0; i < 3; i++) {
            assertEquals(v1, version(i), "member " + (i + 1) + " is on the published version when publish returns");
        }
        double[] at = new double[3];
        for (int i = 0; i < 3; i++) {
            at[i] = metric(i, "qf_rules_switched_at_seconds");
        }
        double window = Math.max(at[0], Math.max(at[1], at[2])) - Math.min(at[0], Math.min(at[1], at[2]));
        double leaderWindow = metric(0, "qf_rules_switch_window_seconds");
        note("publish on member 1 took %d ms (validation, scenarios, prepare on 3 members, commit)", publishMillis);
        note(
                "switch window (spread of the 3 members' swap instants): %.3f ms; as measured by the leader: %.3f ms",
                window * 1e3, leaderWindow * 1e3);
        note(
                "observed under load during the publish: %d requests, %d failed, old and new versions overlapped %.3f ms",
                during.total(), during.failures(), during.overlapMillis(v0, v1));
        assertEquals(0, during.failures(), "no request fails during the switch: " + during.errors());
        assertTrue(window < 1.0, "members switch within a second of each other, not " + window + " s");
        assertTrue(
                during.versions().containsAll(List.of(v0, v1)),
                "the load saw both the old and the new version, so the overlap below was measured: "
                        + during.versions());
        assertTrue(during.overlapMillis(v0, v1) < 1000, "old and new versions overlap less than a second");

        // Kill member 1 under load on members 2 and 3.
        Load load = new Load(new int[] {1, 2}, 4);
        load.start();
        Thread.sleep(3000);
        long killed = System.nanoTime();
        nodes[0].destroyForcibly().waitFor();
        await("members 2 and 3 see 2 members", Duration.ofSeconds(60), () -> members(1) == 2 && members(2) == 2);
        note("members 2 and 3 noticed the loss of member 1 after %.1f s", (System.nanoTime() - killed) / 1e9);
        Thread.sleep(3000);
        load.stop();
        note(
                "load on members 2 and 3 while member 1 was killed: %d requests, %d failed (%s)",
                load.total(), load.failures(), load.perNode());
        assertEquals(0, load.failures(), "no failed requests to the survivors: " + load.errors());
        assertTrue(load.total() > 50, "the load really ran");
        assertEquals(v1, version(1));
        assertEquals(v1, version(2));
        assertTrue(
                load.versions().stream().allMatch(v1::equals),
                "survivors answered only with " + v1 + ": " + load.versions());
        assertEquals(
                200, get(1, "/v1/decisions/" + decisionId, AUTHOR).statusCode(), "decision records survive the loss");

        // Member 1 restarts with an empty data folder: it must fetch the version from the cluster (no lost version)
        // and adopt it, not the rules folder it starts with.
        long restarted = System.nanoTime();
        nodes[0] = startNode(0, temp.resolve("data1-fresh"));
        await("member 1 ready again", START_TIMEOUT, () -> ready(0));
        note("member 1 rejoined after %.1f s on version %s", (System.nanoTime() - restarted) / 1e9, version(0));
        assertEquals(v1, version(0), "the restarted member adopts the cluster's active version");
        assertEquals(3, members(0));
        JsonObject history = new JsonObject(get(0, "/v1/rules", AUTHOR).body());
        assertTrue(history.encode().contains(v0), "the earlier version was copied to the rejoined member's disk too");

        // Split: member 1 is left alone (a minority of the 3 configured). It may not publish but keeps deciding on v1.
        nodes[1].destroyForcibly().waitFor();
        nodes[2].destroyForcibly().waitFor();
        await("member 1 sees itself alone", Duration.ofSeconds(60), () -> members(0) == 1);
        HttpResponse<String> refused = publishMessagesChange(0);
        note(
                "publish on a lone member (minority): %d %s",
                refused.statusCode(), new JsonObject(refused.body()).getJsonObject("error"));
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals(
                "NO_QUORUM",
                new JsonObject(refused.body()).getJsonObject("error").getString("code"));
        HttpResponse<String> stillDeciding = post(0, "/v1/feedback", REQUEST.formatted("minority"));
        assertEquals(200, stillDeciding.statusCode());
        assertEquals(
                v1,
                new JsonObject(stillDeciding.body()).getString("rulesVersion"),
                "the minority decides on the last agreed version");
        assertTrue(ready(0), "the minority member stays ready: it keeps deciding");
        Files.writeString(logs.resolve("report.txt"), report.toString(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ nodes

    private Process startNode(int i, Path dataDir) throws IOException {
        ProcessBuilder builder = ServeProcess.builder("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logs.resolve("node" + (i + 1) + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QF_HTTP_PORT", Integer.toString(httpPorts[i]));
        env.put("QF_CLUSTER_PORT", Integer.toString(clusterPorts[i]));
        env.put(
                "QF_CLUSTER_MEMBERS",
                "127.0.0.1:" + clusterPorts[0] + ",127.0.0.1:" + clusterPorts[1] + ",127.0.0.1:" + clusterPorts[2]);
        env.put("QF_CLUSTER_SECRET", SECRET);
        env.put("QF_DATA_DIR", dataDir.toString());
        env.put("QF_RULES_DIR", "rules");
        env.put("QF_TOKENS", "decide:" + DECIDE + ",author:" + AUTHOR);
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    private boolean ready(int i) {
        try {
            return send(HttpRequest.newBuilder(uri(i, "/health/ready")).GET().build())
                            .statusCode()
                    == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String version(int i) {
        return new JsonObject(send(HttpRequest.newBuilder(uri(i, "/health/ready"))
                                .GET()
                                .build())
                        .body())
                .getString("rulesVersion");
    }

    private int members(int i) {
        try {
            return (int) metric(i, "qf_cluster_members");
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private double metric(int i, String name) {
        for (String line : get(i, "/metrics", AUTHOR).body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).strip());
            }
        }
        throw new AssertionError("no metric " + name + " on member " + (i + 1));
    }

    private HttpResponse<String> publishMessagesChange(int i) throws IOException {
        byte[] messages = Files.readAllBytes(Path.of("rules", "messages.yaml"));
        String edited = new String(messages, StandardCharsets.UTF_8) + "\n# cluster test " + UUID.randomUUID() + "\n";
        String boundary = "----qf" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\ncluster test\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"messages.yaml\"\r\n"
                + "Content-Type: application/x-yaml\r\n\r\n" + edited + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(uri(i, "/v1/rules/publish"))
                .timeout(Duration.ofSeconds(240))
                .header("Authorization", "Bearer " + AUTHOR)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    private HttpResponse<String> post(int i, String path, String json) {
        return send(HttpRequest.newBuilder(uri(i, path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + DECIDE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    private HttpResponse<String> get(int i, String path, String token) {
        return send(HttpRequest.newBuilder(uri(i, path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return HttpCalls.send(client, request);
    }

    private URI uri(int i, String path) {
        return URI.create("http://127.0.0.1:" + httpPorts[i] + path);
    }

    private void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            for (Process p : nodes) {
                if (p != null && !p.isAlive() && p.exitValue() != 137 && p.exitValue() != 143 && p.exitValue() != 0) {
                    throw new AssertionError(
                            what + ": a member exited with " + p.exitValue() + "; see " + logs.toAbsolutePath());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout + "; see " + logs.toAbsolutePath());
            }
            Thread.sleep(200);
        }
    }

    private void note(String format, Object... args) {
        String line = String.format(java.util.Locale.ROOT, format, args);
        System.out.println("[cluster-it] " + line);
        report.append(line).append('\n');
    }

    /** Closed-loop load: each thread sends decisions round-robin to its members and records every answer. */
    private final class Load {
        private final int[] targets;
        private final int threads;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong total = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final Map<Integer, AtomicLong> perNode = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        /** version, start and end (ns) of every answer. */
        private final ConcurrentLinkedQueue<Object[]> answers = new ConcurrentLinkedQueue<>();

        private final List<Thread> workers = new ArrayList<>();

        Load(int[] targets, int threads) {
            this.targets = targets;
            this.threads = threads;
        }

        void start() {
            for (int t = 0; t < threads; t++) {
                int offset = t;
                Thread worker = new Thread(
                        () -> {
                            long n = offset;
                            while (running.get()) {
                                int node = targets[(int) (n++ % targets.length)];
                                long start = System.nanoTime();
                                try {
                                    HttpResponse<String> r = post(node, "/v1/feedback", REQUEST.formatted(n));
                                    if (r.statusCode() != 200) {
                                        failures.incrementAndGet();
                                        errors.add("member " + (node + 1) + ": " + r.statusCode() + " " + r.body());
                                    } else {
                                        answers.add(new Object[] {
                                            new JsonObject(r.body()).getString("rulesVersion"), start, System.nanoTime()
                                        });
                                    }
                                } catch (RuntimeException e) {
                                    failures.incrementAndGet();
                                    errors.add("member " + (node + 1) + ": " + e);
                                }
                                total.incrementAndGet();
                                perNode.computeIfAbsent(node + 1, k -> new AtomicLong())
                                        .incrementAndGet();
                            }
                        },
                        "load-" + t);
                worker.start();
                workers.add(worker);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread w : workers) {
                w.join();
            }
        }

        long total() {
            return total.get();
        }

        long failures() {
            return failures.get();
        }

        String perNode() {
            return perNode.toString();
        }

        List<String> errors() {
            return errors.stream().limit(5).toList();
        }

        List<String> versions() {
            return answers.stream().map(a -> (String) a[0]).distinct().toList();
        }

        /** How long after the first answer on the new version an answer on the old one was still started (0 if never). */
        double overlapMillis(String oldVersion, String newVersion) {
            long firstNewEnd = answers.stream()
                    .filter(a -> newVersion.equals(a[0]))
                    .mapToLong(a -> (Long) a[2])
                    .min()
                    .orElse(Long.MAX_VALUE);
            long lastOldStart = answers.stream()
                    .filter(a -> oldVersion.equals(a[0]))
                    .mapToLong(a -> (Long) a[1])
                    .max()
                    .orElse(Long.MIN_VALUE);
            return firstNewEnd == Long.MAX_VALUE || lastOldStart == Long.MIN_VALUE
                    ? 0
                    : Math.max(0, lastOldStart - firstNewEnd) / 1e6;
        }
    }
}

package kr.qfeedback.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Publish under load: keeps N connections busy with {@code POST /v1/feedback} (closed loop, loopback
 * only, bounded in time), publishes a harmless change (a title edit of the SURVEY message in
 * {@code messages.yaml}, uploaded to {@code POST /v1/rules/publish}) at ~10 s and rolls back to the
 * version before it at ~20 s, and prints req/s, p50, p99, max and failures for the windows before,
 * during each switch (from sending the publish or rollback to its answer) and after each switch.
 * A request belongs to the window in which it completed. Prints figures; asserts nothing.
 *
 * <pre>
 * bench/publish-under-load.sh [options]        # builds, starts a server, runs, stops it
 * options: --url http://127.0.0.1:PORT (a running server; default: start target/q-feedback.jar serve)
 *          --decide-token T --author-token T   (or QF_BENCH_DECIDE_TOKEN / QF_BENCH_AUTHOR_TOKEN)
 *          --connections 16 --warmup 30 --seconds 30 --publish-at 10 --rollback-at 20
 *          --requests FILE (NDJSON requests to rotate through; default: the contract's example request)
 *          --rules rules (where messages.yaml is read from) --jar target/q-feedback.jar --features features
 * </pre>
 */
public final class PublishUnderLoad {
    static final String EXAMPLE_REQUEST = """
            {"candidateId":"bench-0001","asOf":"2026-03-11",
             "qualification":{"code":"1320","name":"정보처리기사","grade":"ENGINEER"},
             "exam":{"round":"2026-1","stage":"WRITTEN","examDate":"2026-01-30","announcedOn":"2026-03-11",
                     "result":"PASS","totalScore":71.5,"subjects":[{"name":"소프트웨어 설계","score":80}]},
             "candidate":{"birthDate":"1999-05-02","writtenPassAnnouncedOn":"2025-06-13",
                          "eligibilityDocuments":"NOT_SUBMITTED","attempts":2,"heldQualifications":["2290"]}}
            """;
    private static final String TITLE = "제목: \"만족도 조사\"";
    private static final String EDITED_TITLE = "제목: \"만족도 조사 (벤치마크 제목 수정)\"";
    private static final long REQUEST_TIMEOUT_MS = 10_000;
    /** Hard cap on the measured phase, whatever the publish takes. */
    private static final long MAX_EXTRA_SECONDS = 180;

    private final Map<String, String> options;
    private final int connections;
    private final long warmupNanos;
    private final long seconds;
    private final long publishAt;
    private final long rollbackAt;
    /** With {@code --timeline S}: also prints every S seconds around each switch (0: not). */
    private final double timeline;
    /** The wall-clock time the measured phase started, to read the timeline beside a server log. */
    private Instant measuredFrom;

    private PublishUnderLoad(Map<String, String> options) {
        this.options = options;
        this.connections = Integer.parseInt(options.getOrDefault("connections", "16"));
        this.warmupNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("warmup", "30")));
        this.seconds = Long.parseLong(options.getOrDefault("seconds", "30"));
        this.publishAt = Long.parseLong(options.getOrDefault("publish-at", "10"));
        this.rollbackAt = Long.parseLong(options.getOrDefault("rollback-at", "20"));
        this.timeline = Double.parseDouble(options.getOrDefault("timeline", "0"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println(
                        "usage: PublishUnderLoad [--url URL] [--decide-token T] [--author-token T] [--connections N]"
                                + " [--warmup S] [--seconds S] [--publish-at S] [--rollback-at S] [--requests FILE] [--rules DIR] [--jar JAR]"
                                + " [--timeline S]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        new PublishUnderLoad(options).run();
    }

    // ---- the run ------------------------------------------------------------------------------

    private void run() throws Exception {
        Server server = options.containsKey("url") || System.getenv("QF_BENCH_URL") != null
                ? Server.external(
                        options.getOrDefault("url", System.getenv("QF_BENCH_URL")),
                        option("decide-token", "QF_BENCH_DECIDE_TOKEN"),
                        option("author-token", "QF_BENCH_AUTHOR_TOKEN"))
                : Server.start(
                        Path.of(options.getOrDefault("jar", "target/q-feedback.jar")),
                        Path.of(options.getOrDefault("rules", "rules")),
                        Path.of(options.getOrDefault("features", "features")));
        try {
            measure(server);
        } finally {
            server.close();
        }
    }

    private String option(String name, String env) {
        String value = options.getOrDefault(name, System.getenv(env));
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " (or " + env + ") is needed with --url");
        }
        return value;
    }

    private void measure(Server server) throws Exception {
        List<Buffer> bodies = bodies();
        byte[] edited = editedMessages(Path.of(options.getOrDefault("rules", "rules"), "messages.yaml"));
        HttpClient admin = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String before = activeVersion(admin, server);

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClientAgent client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
        Load load = new Load(client, server, bodies, connections);
        System.err.printf(
                Locale.ROOT,
                "load: %d connections to %s/v1/feedback, %d distinct bodies; warm-up %d s%n",
                connections,
                server.base,
                bodies.size(),
                TimeUnit.NANOSECONDS.toSeconds(warmupNanos));
        load.start();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(warmupNanos));
        long t0 = load.startMeasuring();
        measuredFrom = Instant.now();

        sleepUntil(t0, publishAt);
        Switch publish = timed(t0, () -> publish(admin, server, edited));
        System.err.printf(Locale.ROOT, "publish: %s%n", publish.summary);
        sleepUntil(t0, Math.max(rollbackAt, secondsSince(t0) + 5));
        Switch rollback = publish.ok
                ? timed(t0, () -> rollback(admin, server, before))
                : new Switch(false, "skipped (the publish did not go live)", secondsSince(t0), secondsSince(t0));
        System.err.printf(Locale.ROOT, "rollback: %s%n", rollback.summary);
        double end = Math.min(Math.max(seconds, rollback.end + 5), seconds + MAX_EXTRA_SECONDS);
        sleepUntil(t0, end);
        List<Sample> samples = load.stop();
        client.close().await();
        vertx.close().await();

        report(server, samples, load.warmupFailures(), publish, rollback, end, before, activeVersion(admin, server));
    }

    private List<Buffer> bodies() throws IOException {
        String file = options.get("requests");
        if (file == null) {
            return List.of(Buffer.buffer(new JsonObject(EXAMPLE_REQUEST).encode()));
        }
        try (Stream<String> lines = Files.lines(Path.of(file), StandardCharsets.UTF_8)) {
            List<Buffer> bodies =
                    lines.filter(l -> !l.isBlank()).map(Buffer::buffer).toList();
            if (bodies.isEmpty()) {
                throw new IllegalArgumentException("--requests " + file + " holds no request");
            }
            return bodies;
        }
    }

    /** The shipped messages.yaml with the SURVEY title edited (shown only in a survey campaign: harmless). */
    static byte[] editedMessages(Path messages) throws IOException {
        String text = Files.readString(messages, StandardCharsets.UTF_8);
        String edited = text.contains(TITLE)
                ? text.replaceFirst(java.util.regex.Pattern.quote(TITLE), EDITED_TITLE)
                : text + "\n# 벤치마크: 게시 중 부하 측정용 수정 " + Instant.now() + "\n";
        return edited.getBytes(StandardCharsets.UTF_8);
    }

    // ---- publish and rollback -----------------------------------------------------------------

    private record Switch(boolean ok, String summary, double start, double end) {}

    private interface Call {
        Map.Entry<Boolean, String> run() throws Exception;
    }

    private static Switch timed(long t0, Call call) {
        double start = secondsSince(t0);
        Map.Entry<Boolean, String> result;
        try {
            result = call.run();
        } catch (Exception e) {
            result = Map.entry(false, "failed: " + e);
        }
        double end = secondsSince(t0);
        return new Switch(
                result.getKey(),
                String.format(Locale.ROOT, "%s (%.1f s → %.1f s, %.2f s)", result.getValue(), start, end, end - start),
                start,
                end);
    }

    private static Map.Entry<Boolean, String> publish(HttpClient admin, Server server, byte[] messages)
            throws Exception {
        String boundary = "qf-bench-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n"
                        + "벤치마크: 부하 중 게시\r\n--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"files\"; filename=\"messages.yaml\"\r\n"
                        + "Content-Type: application/yaml\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(messages);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = admin.send(
                HttpRequest.newBuilder(URI.create(server.base + "/v1/rules/publish"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", "Bearer " + server.authorToken)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject json = new JsonObject(response.body());
        boolean ok = response.statusCode() == 200 && json.getBoolean("published", false);
        return Map.entry(
                ok,
                "HTTP " + response.statusCode()
                        + (ok
                                ? ", published " + json.getString("from") + " → " + json.getString("to")
                                        + " (server took " + json.getLong("millis") + " ms)"
                                : ", not published: " + abbreviate(response.body())));
    }

    private static Map.Entry<Boolean, String> rollback(HttpClient admin, Server server, String version)
            throws Exception {
        HttpResponse<String> response = admin.send(
                HttpRequest.newBuilder(URI.create(server.base + "/v1/rules/rollback"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", "Bearer " + server.authorToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                new JsonObject().put("version", version).encode()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        boolean ok = response.statusCode() == 200;
        return Map.entry(
                ok,
                "HTTP " + response.statusCode() + (ok ? ", back to " + version : ": " + abbreviate(response.body())));
    }

    private static String activeVersion(HttpClient admin, Server server) throws Exception {
        HttpResponse<String> ready = admin.send(
                HttpRequest.newBuilder(URI.create(server.base + "/health/ready"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new JsonObject(ready.body()).getString("rulesVersion");
    }

    // ---- load ---------------------------------------------------------------------------------

    /** One completed request: when it completed (ns after t0, negative in the warm-up), its latency, success. */
    private record Sample(long completed, long latency, boolean ok) {}

    /** N closed loops over one Vert.x client (one event loop): each sends its next request when the last one answered. */
    private static final class Load {
        private final HttpClientAgent client;
        private final Server server;
        private final List<Buffer> bodies;
        private final int loops;
        private final List<List<Sample>> perLoop = new ArrayList<>();
        private final CountDownLatch stopped;
        private volatile boolean running = true;
        private volatile long t0 = Long.MAX_VALUE;
        private volatile int warmupFailures;

        Load(HttpClientAgent client, Server server, List<Buffer> bodies, int loops) {
            this.client = client;
            this.server = server;
            this.bodies = bodies;
            this.loops = loops;
            this.stopped = new CountDownLatch(loops);
        }

        void start() {
            for (int i = 0; i < loops; i++) {
                List<Sample> samples = new ArrayList<>(1 << 16);
                perLoop.add(samples);
                next(samples, i);
            }
        }

        long startMeasuring() {
            t0 = System.nanoTime();
            return t0;
        }

        private void next(List<Sample> samples, int counter) {
            if (!running) {
                stopped.countDown();
                return;
            }
            Buffer body = bodies.get(Math.floorMod(counter, bodies.size()));
            long started = System.nanoTime();
            client.request(new RequestOptions()
                            .setMethod(HttpMethod.POST)
                            .setHost(server.host)
                            .setPort(server.port)
                            .setURI("/v1/feedback")
                            .setIdleTimeout(REQUEST_TIMEOUT_MS)
                            .putHeader("Authorization", "Bearer " + server.decideToken)
                            .putHeader("Content-Type", "application/json"))
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .onComplete(result -> {
                        long now = System.nanoTime();
                        boolean ok = result.succeeded() && result.result() == 200;
                        long since = t0;
                        if (now >= since) {
                            samples.add(new Sample(now - since, now - started, ok));
                        } else if (!ok) {
                            warmupFailures++;
                        }
                        next(samples, counter + loops);
                    });
        }

        List<Sample> stop() throws InterruptedException {
            running = false;
            if (!stopped.await(REQUEST_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS)) {
                System.err.println("load: some requests were still open after " + REQUEST_TIMEOUT_MS * 2 + " ms");
            }
            List<Sample> all = new ArrayList<>();
            perLoop.forEach(all::addAll);
            all.sort(Comparator.comparingLong(Sample::completed));
            return all;
        }

        int warmupFailures() {
            return warmupFailures;
        }
    }

    // ---- report -------------------------------------------------------------------------------

    /**
     * Slices of {@link #timeline} seconds from {@code from} to {@code to} (seconds of the measured
     * phase): when in wall-clock time, requests completed, p99 and max, to set beside a server log.
     */
    private void timeline(List<Sample> samples, double from, double to) {
        System.out.printf(
                Locale.ROOT, "%-24s %8s %9s %9s %9s%n", "slice (UTC)", "at_s", "requests", "p99_ms", "max_ms");
        for (double at = Math.max(0, from); at < to; at += timeline) {
            long lo = (long) (at * 1e9);
            long hi = (long) ((at + timeline) * 1e9);
            long[] latencies = samples.stream()
                    .filter(s -> s.completed >= lo && s.completed < hi)
                    .mapToLong(Sample::latency)
                    .sorted()
                    .toArray();
            System.out.printf(
                    Locale.ROOT,
                    "%-24s %8.2f %9d %9.2f %9.2f%n",
                    measuredFrom.plusNanos(lo).toString(),
                    at,
                    latencies.length,
                    percentile(latencies, 99),
                    latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6);
        }
    }

    private void report(
            Server server,
            List<Sample> samples,
            int warmupFailures,
            Switch publish,
            Switch rollback,
            double end,
            String versionBefore,
            String versionAfter) {
        double[][] windows = {
            {0, publish.start},
            {publish.start, publish.end},
            {publish.end, rollback.start},
            {rollback.start, rollback.end},
            {rollback.end, end}
        };
        String[] names = {"before", "during publish", "after publish", "during rollback", "after rollback"};
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s %s; date %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Instant.now());
        System.out.printf(
                Locale.ROOT,
                "server: %s (%s); load: %d connections, closed loop, POST /v1/feedback; warm-up %d s (%d failures)%n",
                server.base,
                server.started ? "started by this run" : "external",
                connections,
                TimeUnit.NANOSECONDS.toSeconds(warmupNanos),
                warmupFailures);
        System.out.println("publish:  " + publish.summary);
        System.out.println("rollback: " + rollback.summary);
        System.out.printf(
                Locale.ROOT,
                "%-16s %13s %9s %9s %9s %9s %9s %9s%n",
                "window",
                "seconds",
                "requests",
                "req/s",
                "p50_ms",
                "p99_ms",
                "max_ms",
                "failures");
        double[] p99 = new double[names.length];
        int failures = 0;
        for (int w = 0; w < windows.length; w++) {
            long from = (long) (windows[w][0] * 1e9);
            long to = (long) (windows[w][1] * 1e9);
            long[] latencies = samples.stream()
                    .filter(s -> s.completed >= from && s.completed < to)
                    .mapToLong(Sample::latency)
                    .sorted()
                    .toArray();
            int failed = (int) samples.stream()
                    .filter(s -> s.completed >= from && s.completed < to && !s.ok)
                    .count();
            failures += failed;
            double length = Math.max(1e-9, windows[w][1] - windows[w][0]);
            p99[w] = percentile(latencies, 99);
            System.out.printf(
                    Locale.ROOT,
                    "%-16s %5.1f → %5.1f %9d %9.0f %9.2f %9.2f %9.2f %9d%n",
                    names[w],
                    windows[w][0],
                    windows[w][1],
                    latencies.length,
                    latencies.length / length,
                    percentile(latencies, 50),
                    p99[w],
                    latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6,
                    failed);
        }
        if (timeline > 0) {
            timeline(samples, publish.start - 1, publish.end + 1);
            timeline(samples, rollback.start - 1, rollback.end + 1);
        }
        System.out.printf(
                Locale.ROOT,
                "p99 during publish / before: %.2f; during rollback / before: %.2f; failed requests: %d"
                        + "   (target: <= 1.5 and 0)%n",
                p99[1] / p99[0],
                p99[3] / p99[0],
                failures);
        System.out.printf(Locale.ROOT, "active rules version before: %s, after: %s%n", versionBefore, versionAfter);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void sleepUntil(long t0, double second) throws InterruptedException {
        long millis = (long) ((second - secondsSince(t0)) * 1000);
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    // ---- the server ---------------------------------------------------------------------------

    /** The server under test: a running one on loopback, or {@code serve} started here and stopped at the end. */
    private static final class Server implements AutoCloseable {
        final String base;
        final String host;
        final int port;
        final String decideToken;
        final String authorToken;
        final boolean started;
        private final Process process;
        private final Path dir;

        private Server(String base, String decideToken, String authorToken, Process process, Path dir) {
            URI uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort() < 0 ? 80 : uri.getPort();
            if (!Arrays.asList("127.0.0.1", "localhost", "[::1]", "::1").contains(host)) {
                throw new IllegalArgumentException("This load generator only talks to loopback, not " + host);
            }
            this.base = base.replaceAll("/+$", "");
            this.decideToken = decideToken;
            this.authorToken = authorToken;
            this.process = process;
            this.dir = dir;
            this.started = process != null;
        }

        static Server external(String base, String decideToken, String authorToken) {
            return new Server(base, decideToken, authorToken, null, null);
        }

        static Server start(Path jar, Path rules, Path features) throws Exception {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(jar + " is missing: build it with mvn -q package -DskipTests");
            }
            Path dir = Files.createTempDirectory("qf-bench-publish");
            String decide = "bench-decide-token";
            String author = "bench-author-token";
            List<String> command = new ArrayList<>(List.of(javaCommand()));
            // the JVM options README recommends for serve; JAVA_OPTS replaces them (bench/lib.sh does the same)
            String options = System.getenv()
                    .getOrDefault("JAVA_OPTS", RECOMMENDED_SERVE_OPTIONS)
                    .strip();
            if (!options.isEmpty()) {
                command.addAll(List.of(options.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "serve"));
            Path log = dir.resolve("server.log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // QF_HTTP_PORT=0: the server binds a port the OS picks and logs it, so no port is guessed beforehand.
            builder.environment()
                    .putAll(Map.of(
                            "QF_HTTP_PORT",
                            "0",
                            "QF_TOKENS",
                            "decide:" + decide + ",author:" + author,
                            "QF_DATA_DIR",
                            dir.resolve("data").toString(),
                            "QF_RULES_DIR",
                            rules.toAbsolutePath().toString(),
                            "QF_FEATURES_DIR",
                            features.toAbsolutePath().toString()));
            Process process = builder.start();
            System.err.printf(Locale.ROOT, "server: starting %s serve (pid %d, log %s)%n", jar, process.pid(), log);
            int port = listeningPort(process, log);
            Server server = new Server("http://127.0.0.1:" + port, decide, author, process, dir);
            System.err.printf(Locale.ROOT, "server: listening on 127.0.0.1:%d%n", port);
            server.awaitReady();
            return server;
        }

        /** See README, "JVM options for serve". */
        static final String RECOMMENDED_SERVE_OPTIONS = "-XX:MaxTenuringThreshold=1 -Xmn150m";

        private static String javaCommand() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }

        /** The port the server logs once it listens ("listening on port N"). */
        private static int listeningPort(Process process, Path log) throws Exception {
            Pattern listening = Pattern.compile("listening on port (\\d+)");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < deadline) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    Matcher m = listening.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server stopped during start-up; see " + log);
                }
                Thread.sleep(200);
            }
            process.destroyForcibly();
            throw new IllegalStateException("the server did not log its port within 300 s; see " + log);
        }

        private void awaitReady() throws Exception {
            HttpClient probe = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            long started = System.nanoTime();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "the server stopped during start-up; see " + dir.resolve("server.log"));
                }
                try {
                    if (probe.send(
                                            HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        System.err.printf(
                                Locale.ROOT, "server: ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the server was not ready after 300 s");
        }

        @Override
        public void close() {
            if (process == null) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

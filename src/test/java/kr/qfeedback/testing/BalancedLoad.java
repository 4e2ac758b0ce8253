package kr.qfeedback.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * Keep-alive load over several members, as a load balancer in front of them would send it.
 *
 * <ul>
 *   <li>A health check asks every member's {@code GET /health/ready} every {@link #PROBE} (on a
 *       fresh connection) and sends only to members that answered 200 last time.</li>
 *   <li>{@code workers} threads each keep one {@link KeepAliveConnection} per member and send
 *       {@code POST /v1/feedback} round-robin over the ready members; a connection the server
 *       closed, or whose last answer said {@code Connection: close}, is replaced before use.</li>
 *   <li>A connection refused, or closed before a request was written, sends the request to the next
 *       member (counted as {@code rerouted}, not failed): nothing was sent.</li>
 *   <li>A request that was written counts as <b>failed</b> unless a complete 200 answer with a
 *       decision ({@code decisionId}, {@code sections}, {@code rulesVersion}) came back.</li>
 * </ul>
 *
 * Counts and latencies are kept per phase, named by the caller ({@link #phase}).
 */
public final class BalancedLoad implements AutoCloseable {
    public static final Duration PROBE = Duration.ofMillis(150);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final int[] ports;
    private final String token;
    private final LongFunction<String> bodies;
    private final int workers;
    private final Duration pause;
    /** 1 when the member's readiness answered 200 last time. */
    private final AtomicIntegerArray ready;

    private final HttpClient probeClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong rerouted = new AtomicLong();
    private final Map<String, LongAdder> versions = new ConcurrentHashMap<>();
    private final List<Phase> phases = new ArrayList<>();
    private volatile Phase current;
    private volatile boolean running = true;

    /**
     * Load on the members listening on {@code ports} (loopback), with {@code token}; request {@code n}'s
     * body is {@code bodies.apply(n)}; each worker waits {@code pause} between its requests.
     */
    public BalancedLoad(int[] ports, String token, LongFunction<String> bodies, int workers, Duration pause) {
        this.ports = ports.clone();
        this.token = token;
        this.bodies = bodies;
        this.workers = workers;
        this.pause = pause;
        this.ready = new AtomicIntegerArray(ports.length);
    }

    /** What one phase saw. */
    public static final class Phase {
        public final String name;
        private final LongAdder answered = new LongAdder();
        private final LongAdder[] answeredBy;
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

        Phase(String name, int members) {
            this.name = name;
            this.answeredBy = new LongAdder[members];
            for (int i = 0; i < members; i++) {
                answeredBy[i] = new LongAdder();
            }
        }

        public long answered() {
            return answered.sum();
        }

        /** Answers from member {@code i} (0-based). */
        public long answeredBy(int i) {
            return answeredBy[i].sum();
        }

        public List<String> failures() {
            return List.copyOf(failures);
        }

        /** The {@code p}th percentile of this phase's answer times in ms (NaN without answers). */
        public double percentileMillis(double p) {
            long[] sorted =
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    /** Counts what comes from now on under {@code name}. */
    public synchronized Phase phase(String name) {
        Phase phase = new Phase(name, ports.length);
        phases.add(phase);
        current = phase;
        return phase;
    }

    public synchronized List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** Every failure of every phase, prefixed with its phase's name. */
    public List<String> failures() {
        List<String> all = new ArrayList<>();
        for (Phase phase : phases()) {
            phase.failures.forEach(f -> all.add(phase.name + ": " + f));
        }
        return all;
    }

    /** Requests sent to another member because the chosen one refused or had closed the connection. */
    public long rerouted() {
        return rerouted.get();
    }

    /** How many answers carried each rules version. */
    public Map<String, Long> versions() {
        Map<String, Long> copy = new TreeMap<>();
        versions.forEach((v, n) -> copy.put(v, n.sum()));
        return copy;
    }

    public Set<String> versionsSeen() {
        return versions().keySet();
    }

    /** Starts the health check, waits for its first round, then starts the workers (in phase "load" unless one was named). */
    public BalancedLoad start() {
        if (current == null) {
            phase("load");
        }
        Thread probe = new Thread(this::probe, "lb-probe");
        probe.setDaemon(true);
        threads.add(probe);
        probe.start();
        sleep(PROBE.toMillis() * 2);
        for (int w = 0; w < workers; w++) {
            int id = w;
            Thread worker = new Thread(() -> work(id), "lb-worker-" + w);
            worker.setDaemon(true);
            threads.add(worker);
            worker.start();
        }
        return this;
    }

    private void probe() {
        while (running) {
            for (int i = 0; i < ports.length; i++) {
                ready.set(i, probeOnce(i) ? 1 : 0);
            }
            sleep(PROBE.toMillis());
        }
    }

    private boolean probeOnce(int member) {
        try {
            HttpResponse<Void> r = probeClient.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[member] + "/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void work(int id) {
        Map<Integer, KeepAliveConnection> connections = new HashMap<>();
        int next = id;
        while (running) {
            long n = sequence.incrementAndGet();
            byte[] request = request(bodies.apply(n));
            boolean sent = false;
            for (int tried = 0; tried < ports.length && !sent && running; tried++) {
                int member = Math.floorMod(next++, ports.length);
                if (ready.get(member) == 0) {
                    continue;
                }
                Phase phase = current;
                KeepAliveConnection connection = connections.get(member);
                try {
                    if (connection == null || !connection.usable()) {
                        if (connection != null) {
                            connection.close();
                        }
                        connection = KeepAliveConnection.open(ports[member], CONNECT_TIMEOUT);
                        connections.put(member, connection);
                    }
                    long started = System.nanoTime();
                    KeepAliveConnection.Answer answer = connection.exchange(request, ANSWER_TIMEOUT);
                    long took = System.nanoTime() - started;
                    sent = true;
                    String problem = check(answer);
                    if (problem == null) {
                        phase.answered.increment();
                        phase.answeredBy[member].increment();
                        phase.latencies.add(took);
                    } else {
                        phase.failures.add("member " + (member + 1) + ": " + problem);
                    }
                } catch (KeepAliveConnection.NotAnswered e) {
                    sent = true;
                    connections.remove(member).close();
                    phase.failures.add("member " + (member + 1) + ": " + e.getMessage());
                } catch (IOException e) {
                    // refused, or closed before the request was written: nothing was sent, try the next member
                    rerouted.incrementAndGet();
                    KeepAliveConnection dead = connections.remove(member);
                    if (dead != null) {
                        dead.close();
                    }
                }
            }
            sleep(sent ? pause.toMillis() : PROBE.toMillis() / 3);
        }
        connections.values().forEach(KeepAliveConnection::close);
    }

    /** Null for a complete 200 answer with a decision, else what was wrong with it. */
    private String check(KeepAliveConnection.Answer answer) {
        if (answer.status() != 200) {
            return "status " + answer.status() + " " + abbreviate(answer.body());
        }
        try {
            JsonObject decision = new JsonObject(answer.body());
            String version = decision.getString("rulesVersion");
            if (decision.getString("decisionId") == null
                    || decision.getJsonArray("sections") == null
                    || version == null) {
                return "a 200 answer without a whole decision: " + abbreviate(answer.body());
            }
            versions.computeIfAbsent(version, v -> new LongAdder()).increment();
            return null;
        } catch (RuntimeException e) {
            return "a 200 answer that is not JSON: " + abbreviate(answer.body());
        }
    }

    private byte[] request(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the workers and the health check, waiting for the requests in progress to be answered. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(ANSWER_TIMEOUT.toMillis() + 5_000);
        }
    }
}

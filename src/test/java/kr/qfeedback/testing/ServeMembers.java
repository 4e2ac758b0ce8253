package kr.qfeedback.testing;

import io.vertx.core.json.JsonObject;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The members of one cluster, each a {@code serve} process of its own on loopback: its own HTTP
 * port, cluster port and data folder, all of them with the same {@code QF_CLUSTER_MEMBERS} and a
 * {@code QF_CLUSTER_SECRET} made up for this run. A member can be stopped (SIGTERM) and started
 * again on the same ports and data folder, as an operator restarts one. Each member's output is
 * appended to {@code logs/nodeN.log}.
 */
public final class ServeMembers implements AutoCloseable {
    public static final String DECIDE = "decide-token-serve-members";
    public static final String AUTHOR = "author-token-serve-members";

    private final int[] httpPorts;
    private final int[] clusterPorts;
    private final Path dataRoot;
    private final Path logs;
    private final Supplier<ProcessBuilder> command;
    private final Map<String, String> environment;
    private final String secret = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    private final Process[] processes;
    /** Members stopped on purpose: their exit is expected. */
    private final boolean[] stopped;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Members on {@code httpPorts} and {@code clusterPorts} (one each), with data folders
     * {@code dataRoot/dataN}; {@code command} gives a builder for {@code … serve} (run in the project
     * folder), {@code environment} adds settings of the caller's (warm-up, grace, …).
     */
    public ServeMembers(
            int[] httpPorts,
            int[] clusterPorts,
            Path dataRoot,
            Path logs,
            Supplier<ProcessBuilder> command,
            Map<String, String> environment) {
        this.httpPorts = httpPorts.clone();
        this.clusterPorts = clusterPorts.clone();
        this.dataRoot = dataRoot;
        this.logs = logs;
        this.command = command;
        this.environment = Map.copyOf(environment);
        this.processes = new Process[httpPorts.length];
        this.stopped = new boolean[httpPorts.length];
    }

    public int size() {
        return httpPorts.length;
    }

    public int[] httpPorts() {
        return httpPorts.clone();
    }

    public Path log(int i) {
        return logs.resolve("node" + (i + 1) + ".log");
    }

    /** Starts member {@code i} (0-based) on its ports and data folder; does not wait for it. */
    public void start(int i) {
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = command.get().redirectOutput(ProcessBuilder.Redirect.appendTo(log(i).toFile()));
            Map<String, String> env = builder.environment();
            env.put("QF_HTTP_PORT", Integer.toString(httpPorts[i]));
            env.put("QF_CLUSTER_PORT", Integer.toString(clusterPorts[i]));
            env.put(
                    "QF_CLUSTER_MEMBERS",
                    IntStream.of(clusterPorts).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(",")));
            env.put("QF_CLUSTER_SECRET", secret);
            env.put("QF_DATA_DIR", dataRoot.resolve("data" + (i + 1)).toString());
            env.put("QF_RULES_DIR", "rules");
            env.put("QF_FEATURES_DIR", "features");
            env.put("QF_TOKENS", "decide:" + DECIDE + ",author:" + AUTHOR);
            env.remove("QF_ADMIN_PORT");
            env.putAll(environment);
            stopped[i] = false;
            processes[i] = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("member " + (i + 1) + " could not be started", e);
        }
    }

    /**
     * Stops member {@code i} with SIGTERM ({@link Process#destroy()}) and waits up to {@code timeout}
     * for it to exit; returns its exit status.
     */
    public int stop(int i, Duration timeout) throws InterruptedException {
        stopped[i] = true;
        processes[i].destroy();
        if (!processes[i].waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("member " + (i + 1) + " did not exit within " + timeout + " of SIGTERM; see "
                    + log(i).toAbsolutePath());
        }
        return processes[i].exitValue();
    }

    /** Member {@code i}'s readiness answer (200 or 503), or null when it does not answer. */
    public JsonObject readiness(int i) {
        try {
            HttpResponse<String> r = get(i, "/health/ready");
            return r.statusCode() == 200 || r.statusCode() == 503 ? new JsonObject(r.body()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether member {@code i} answers READY, joined to a cluster of {@code members}. */
    public boolean ready(int i, int members) {
        JsonObject r = readiness(i);
        return r != null
                && "READY".equals(r.getString("status"))
                && r.getJsonObject("cluster").getInteger("members") == members;
    }

    /** The rules version member {@code i} decides with, or null when it does not answer. */
    public String version(int i) {
        JsonObject r = readiness(i);
        return r == null ? null : r.getString("rulesVersion");
    }

    /** A metric of member {@code i}'s {@code /metrics}, or NaN when it is not there or the member does not answer. */
    public double metric(int i, String name) {
        try {
            for (String line : get(i, "/metrics").body().split("\n")) {
                if (line.startsWith(name + " ")) {
                    return Double.parseDouble(line.substring(name.length() + 1).strip());
                }
            }
        } catch (RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** {@code GET path} on member {@code i} with the author token. */
    public HttpResponse<String> get(int i, String path) {
        return HttpCalls.send(
                client,
                HttpRequest.newBuilder(uri(i, path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + AUTHOR)
                        .GET()
                        .build());
    }

    /** {@code POST /v1/feedback} of {@code json} on member {@code i} with the decide token. */
    public HttpResponse<String> decide(int i, String json) {
        return HttpCalls.send(
                client,
                HttpRequest.newBuilder(uri(i, "/v1/feedback"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + DECIDE)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build());
    }

    /** Publishes the active rules with {@code file} (e.g. messages.yaml) replaced by {@code content}, on member {@code i}. */
    public HttpResponse<String> publish(int i, String file, String content, String note) {
        String boundary = "----qf" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return HttpCalls.send(
                client,
                HttpRequest.newBuilder(uri(i, "/v1/rules/publish"))
                        .timeout(Duration.ofSeconds(300))
                        .header("Authorization", "Bearer " + AUTHOR)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build());
    }

    /**
     * Waits until {@code condition} holds, up to {@code timeout}; fails at once when a member that was
     * not stopped on purpose has exited.
     */
    public void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            for (int i = 0; i < processes.length; i++) {
                if (processes[i] != null && !stopped[i] && !processes[i].isAlive()) {
                    throw new AssertionError(what + ": member " + (i + 1) + " exited with " + processes[i].exitValue()
                            + "; see " + log(i).toAbsolutePath());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        what + " did not happen within " + timeout + "; see the logs in " + logs.toAbsolutePath());
            }
            Thread.sleep(200);
        }
    }

    private URI uri(int i, String path) {
        return URI.create("http://127.0.0.1:" + httpPorts[i] + path);
    }

    /** Kills whatever member is still running (SIGKILL) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}

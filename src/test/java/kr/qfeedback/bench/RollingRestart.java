package kr.qfeedback.bench;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kr.qfeedback.testing.BalancedLoad;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.LoopbackPorts;
import kr.qfeedback.testing.ServeMembers;

/**
 * A rolling restart of three {@code serve} members ({@code java -jar target/q-feedback.jar serve})
 * under closed-loop keep-alive load from {@link BalancedLoad}, as docs/operations.md describes it:
 * after a publish, each member in turn gets SIGTERM, is started again on its data folder, and the
 * next one follows once the cluster is whole. Prints, per phase (before, each member's restart from
 * SIGTERM to whole, after): seconds, requests answered, req/s, p50, p99 and failures. Asserts nothing.
 *
 * <p>Arguments: {@code --connections N} (default 16), {@code --seconds S} before and after (default
 * 10), {@code --java-options "…"} for the members (default: the recommended serve options with
 * {@code -Xmx512m}), {@code --dir D} for the data folders and logs (default: a new temporary
 * folder). Ports: {@code -Dqfeedback.rolling.httpPorts=a,b,c} and
 * {@code -Dqfeedback.rolling.clusterPorts=a,b,c}, else free ones.
 */
public final class RollingRestart {
    private static final Duration WAIT = Duration.ofSeconds(300);

    private RollingRestart() {}

    public static void main(String[] args) throws Exception {
        int connections = 16;
        int seconds = 10;
        String javaOptions = "-Xmx512m -XX:MaxTenuringThreshold=1 -Xmn150m";
        Path temp = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--java-options" -> javaOptions = args[i + 1];
                case "--dir" -> temp = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaOptions.strip().split("\\s+")));
        command.addAll(List.of("-jar", "target/q-feedback.jar", "serve"));
        temp = temp == null ? Files.createTempDirectory("qf-bench-rolling") : temp;
        Path logs = temp.resolve("logs");
        try (ServeMembers members = new ServeMembers(
                LoopbackPorts.of("qfeedback.rolling.httpPorts", 3),
                LoopbackPorts.of("qfeedback.rolling.clusterPorts", 3),
                temp,
                logs,
                () -> new ProcessBuilder(command).redirectErrorStream(true),
                Map.of())) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                members.start(i);
            }
            awaitWhole(members);
            System.out.printf(Locale.ROOT, "3 members ready after %.1f s (logs in %s)%n", since(t0), logs);
            String messages = Files.readString(Path.of("rules", "messages.yaml"), StandardCharsets.UTF_8);
            HttpResponse<String> published = members.publish(
                    0, "messages.yaml", messages + "\n# bench " + UUID.randomUUID() + "\n", "rolling restart bench");
            if (published.statusCode() != 200) {
                throw new IllegalStateException("publish: " + published.statusCode() + " " + published.body());
            }
            String version = new JsonObject(published.body()).getString("to");
            awaitWhole(members);
            System.out.println("published " + version);

            BalancedLoad load = new BalancedLoad(
                    members.httpPorts(),
                    ServeMembers.DECIDE,
                    n -> ExampleRequests.with(ExampleRequests.example(), "candidateId", "bench-" + n)
                            .encode(),
                    connections,
                    Duration.ZERO);
            List<Double> lengths = new ArrayList<>();
            long phaseStart = System.nanoTime();
            load.phase("warm-up");
            load.start();
            Thread.sleep(seconds * 1000L);
            lengths.add(since(phaseStart));
            phaseStart = System.nanoTime();
            load.phase("before");
            Thread.sleep(seconds * 1000L);
            for (int i = 0; i < 3; i++) {
                lengths.add(since(phaseStart));
                phaseStart = System.nanoTime();
                load.phase("restart member " + (i + 1));
                int status = members.stop(i, WAIT);
                double stopped = since(phaseStart);
                members.start(i);
                awaitWhole(members);
                System.out.printf(
                        Locale.ROOT,
                        "member %d: exit %d after %.1f s, whole again after %.1f s%n",
                        i + 1,
                        status,
                        stopped,
                        since(phaseStart));
            }
            lengths.add(since(phaseStart));
            phaseStart = System.nanoTime();
            load.phase("after");
            Thread.sleep(seconds * 1000L);
            load.close();
            lengths.add(since(phaseStart));
            report(load, lengths, connections, version);
        }
    }

    private static void report(BalancedLoad load, List<Double> lengths, int connections, String version) {
        System.out.printf(
                Locale.ROOT,
                "load: %d keep-alive connections, closed loop, POST /v1/feedback over the ready members%n",
                connections);
        System.out.printf(
                Locale.ROOT,
                "%-18s %8s %9s %9s %9s %9s %9s%n",
                "phase",
                "seconds",
                "answered",
                "req/s",
                "p50_ms",
                "p99_ms",
                "failures");
        List<BalancedLoad.Phase> phases = load.phases();
        for (int p = 0; p < phases.size(); p++) {
            BalancedLoad.Phase phase = phases.get(p);
            System.out.printf(
                    Locale.ROOT,
                    "%-18s %8.1f %9d %9.0f %9.2f %9.2f %9d%n",
                    phase.name,
                    lengths.get(p),
                    phase.answered(),
                    phase.answered() / lengths.get(p),
                    phase.percentileMillis(50),
                    phase.percentileMillis(99),
                    phase.failures().size());
        }
        System.out.printf(
                Locale.ROOT,
                "sent elsewhere (refused or closed before written): %d; answers per version: %s (published %s)%n",
                load.rerouted(),
                load.versions(),
                version);
        load.failures().stream().limit(10).forEach(f -> System.out.println("failure: " + f));
    }

    private static void awaitWhole(ServeMembers members) throws InterruptedException {
        members.await("the cluster whole", WAIT, () -> {
            String version = members.version(0);
            for (int i = 0; i < 3; i++) {
                if (version == null
                        || !members.ready(i, 3)
                        || !version.equals(members.version(i))
                        || members.metric(i, "qf_cluster_member_safe") != 1.0) {
                    return false;
                }
            }
            return true;
        });
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}

package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import kr.qfeedback.testing.BalancedLoad;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.LoopbackPorts;
import kr.qfeedback.testing.ServeMembers;
import kr.qfeedback.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rolling restart of docs/operations.md, on three real members ({@code serve} processes of their
 * own forming one cluster) under keep-alive load from a client that behaves like a load balancer
 * ({@link BalancedLoad}): a published version is active; each member in turn is stopped with SIGTERM,
 * waited for, started again on the same data folder and waited for until the cluster is whole again.
 * Every request that was sent gets a complete answer, on the published version; no version is lost,
 * nor a decision record made before the restart.
 * Ports: {@code -Dqfeedback.rolling.httpPorts=…} and {@code -Dqfeedback.rolling.clusterPorts=…}
 * (3 each) choose them, else free ones are picked. Figures go to stdout and
 * {@code target/rolling-restart/report.txt}.
 */
class RollingRestartIT {
    private static final int MEMBERS = 3;
    private static final Duration START = Duration.ofSeconds(300);
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final Path LOGS = Path.of("target", "rolling-restart");

    private final StringBuilder report = new StringBuilder();

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 900)
    void restartingEachMemberInTurnUnderLoadFailsNoRequestAndLosesNoVersion() throws Exception {
        deleteLogs();
        int[] http = LoopbackPorts.of("qfeedback.rolling.httpPorts", MEMBERS);
        int[] cluster = LoopbackPorts.of("qfeedback.rolling.clusterPorts", MEMBERS);
        try (ServeMembers members = new ServeMembers(
                http,
                cluster,
                temp,
                LOGS,
                () -> ServeProcess.builder("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                Map.of("QF_WARMUP_DECISIONS", "200", "QF_SHUTDOWN_GRACE", GRACE.toSeconds() + "s"))) {
            long t0 = System.nanoTime();
            for (int i = 0; i < MEMBERS; i++) {
                members.start(i);
            }
            awaitWhole(members, null);
            String startup = members.version(0);
            note("3 members ready on %s after %.1f s", startup, seconds(t0));

            // A harmless change published through the API: the active version is not the one every
            // member's rules folder starts with, so a member that came back on its folder would show.
            String messages = Files.readString(Path.of("rules", "messages.yaml"), StandardCharsets.UTF_8);
            HttpResponse<String> published = members.publish(
                    0,
                    "messages.yaml",
                    messages + "\n# rolling restart " + UUID.randomUUID() + "\n",
                    "rolling restart");
            assertEquals(200, published.statusCode(), published.body());
            String version = new JsonObject(published.body()).getString("to");
            assertNotEquals(startup, version);
            awaitWhole(members, version);
            Set<String> versionsBefore = versionIds(members, 0);
            note("published %s; versions stored: %s", version, versionsBefore);
            List<String> decisionIds = new ArrayList<>();
            for (int n = 0; n < 30; n++) {
                HttpResponse<String> decided = members.decide(
                        n % MEMBERS,
                        ExampleRequests.with(ExampleRequests.example(), "candidateId", "kept-" + n)
                                .encode());
                assertEquals(200, decided.statusCode(), decided.body());
                decisionIds.add(new JsonObject(decided.body()).getString("decisionId"));
            }

            try (BalancedLoad load = new BalancedLoad(
                    members.httpPorts(),
                    ServeMembers.DECIDE,
                    n -> ExampleRequests.with(ExampleRequests.example(), "candidateId", "rolling-" + n)
                            .encode(),
                    4,
                    Duration.ofMillis(5))) {
                BalancedLoad.Phase before = load.phase("before");
                load.start();
                members.await("answers before the restart", START, () -> before.answered() >= 200);

                for (int i = 0; i < MEMBERS; i++) {
                    restart(members, load, i, version);
                }
                BalancedLoad.Phase after = load.phase("after");
                members.await("answers after the restart", START, () -> after.answered() >= 200);
                load.close();

                for (BalancedLoad.Phase phase : load.phases()) {
                    note(
                            "%-18s %6d answered (members %d/%d/%d), p99 %.1f ms, %d failed",
                            phase.name,
                            phase.answered(),
                            phase.answeredBy(0),
                            phase.answeredBy(1),
                            phase.answeredBy(2),
                            phase.percentileMillis(99),
                            phase.failures().size());
                }
                note("requests sent to another member (refused or closed before written): %d", load.rerouted());
                note("answers per rules version: %s", load.versions());
                Files.writeString(LOGS.resolve("report.txt"), report, StandardCharsets.UTF_8);

                assertEquals(List.of(), load.failures(), "every request sent got a complete 200 answer");
                for (BalancedLoad.Phase phase : load.phases()) {
                    if (phase.name.startsWith("restart")) {
                        assertTrue(phase.answered() >= 100, phase.name + ": the load ran on: " + phase.answered());
                    }
                }
                assertEquals(Set.of(version), load.versionsSeen(), "every answer was decided on the published version");
            }
            for (int i = 0; i < MEMBERS; i++) {
                JsonObject rules = new JsonObject(members.get(i, "/v1/rules").body());
                assertEquals(version, rules.getJsonObject("active").getString("id"), "member " + (i + 1));
                Set<String> ids = versionIds(members, i);
                assertTrue(
                        ids.containsAll(versionsBefore),
                        "member " + (i + 1) + " keeps every version: " + ids + " ⊇ " + versionsBefore);
                for (String id : decisionIds) {
                    assertEquals(
                            200,
                            members.get(i, "/v1/decisions/" + id).statusCode(),
                            "a decision recorded before the restart is found on member " + (i + 1));
                }
            }
        }
    }

    /** docs/operations.md, "A rolling restart, step by step", steps 2–5 for member {@code i}. */
    private void restart(ServeMembers members, BalancedLoad load, int i, String version) throws Exception {
        load.phase("restart member " + (i + 1));
        long t0 = System.nanoTime();
        int status = members.stop(i, GRACE.plusSeconds(15));
        double stoppedAfter = seconds(t0);
        String log = Files.readString(members.log(i), StandardCharsets.UTF_8);
        assertEquals(0, status, "a graceful stop exits 0; see " + members.log(i).toAbsolutePath());
        assertTrue(log.contains("left the cluster") && log.contains("stopped in "), "the stop was logged to the end");
        int[] others = others(i);
        members.await(
                "the others see 2 members and stay ready",
                Duration.ofSeconds(60),
                () -> members.ready(others[0], 2) && members.ready(others[1], 2));
        members.start(i);
        awaitWhole(members, version);
        note("member %d: exited 0 after %.1f s, back and whole after %.1f s", i + 1, stoppedAfter, seconds(t0));
    }

    /**
     * Every member READY with 3 members, on {@code version} (the same one when null), and
     * {@code qf_cluster_member_safe} 1 on every member.
     */
    private static void awaitWhole(ServeMembers members, String version) throws InterruptedException {
        members.await("the cluster whole again", START, () -> {
            String expected = version == null ? members.version(0) : version;
            if (expected == null) {
                return false;
            }
            for (int i = 0; i < MEMBERS; i++) {
                if (!members.ready(i, MEMBERS)
                        || !expected.equals(members.version(i))
                        || members.metric(i, "qf_cluster_member_safe") != 1.0) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Set<String> versionIds(ServeMembers members, int i) {
        JsonArray versions = new JsonObject(members.get(i, "/v1/rules").body()).getJsonArray("versions");
        Set<String> ids = new TreeSet<>();
        for (int v = 0; v < versions.size(); v++) {
            ids.add(versions.getJsonObject(v).getString("id"));
        }
        return ids;
    }

    private static int[] others(int i) {
        return new int[] {(i + 1) % MEMBERS, (i + 2) % MEMBERS};
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println("[rolling-restart] " + line);
        report.append(line).append('\n');
    }

    private static void deleteLogs() throws java.io.IOException {
        Files.createDirectories(LOGS);
        for (int i = 1; i <= MEMBERS; i++) {
            Files.deleteIfExists(LOGS.resolve("node" + i + ".log"));
        }
    }
}

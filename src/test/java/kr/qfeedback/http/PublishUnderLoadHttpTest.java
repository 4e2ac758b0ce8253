package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic publish and rollback: while {@value #USERS} clients keep deciding, a harmless change is
 * published and then rolled back. No request fails, every answer names the old or the new version,
 * and every request sent after the publish (rollback) answered uses the new (old) version. The
 * latencies before, during and after are printed, not asserted.
 */
class PublishUnderLoadHttpTest {
    static final int USERS = 16;
    static final long QUIET_MILLIS = 2_000;
    static final long WARM_UP_MILLIS = 1_500;
    static final long LOAD_LIMIT_MILLIS = 240_000;

    /** One decision request as a client saw it; times in nanoseconds of System.nanoTime. */
    record Call(long sentAt, long answeredAt, int status, String version, String failure) {
        double millis() {
            return (answeredAt - sentAt) / 1e6;
        }
    }

    @Test
    void publishingAndRollingBackWhileSixteenClientsDecideFailsNoRequestAndSwitchesVersionsAtOnce(@TempDir Path dir)
            throws Exception {
        try (LiveServer server = LiveServer.withLifecycle().instances(2).start()) {
            String old = server.activeId();
            server.decideExample();
            byte[] messages = ShippedRules.textWith(
                    RulesPublishHttpTest.MESSAGES,
                    RulesPublishHttpTest.SHIPPED_TITLE,
                    "\"{qualificationName} 필기시험에 합격하셨습니다 (부하 중 게시)\"");

            List<Call> calls = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch done = new CountDownLatch(USERS);
            long deadline = System.nanoTime() + LOAD_LIMIT_MILLIS * 1_000_000;
            for (int u = 0; u < USERS; u++) {
                Thread user = new Thread(
                        () -> {
                            try {
                                while (running.get() && System.nanoTime() < deadline) {
                                    calls.add(call(server));
                                }
                            } finally {
                                done.countDown();
                            }
                        },
                        "user-" + u);
                user.setDaemon(true);
                user.start();
            }

            long loadStarted = System.nanoTime();
            Thread.sleep(WARM_UP_MILLIS);
            long measured = System.nanoTime();
            Thread.sleep(QUIET_MILLIS);
            long publishSent = System.nanoTime();
            HttpResponse<String> publish = server.publish(Part.file(RulesPublishHttpTest.MESSAGES, messages));
            long publishAnswered = System.nanoTime();
            assertEquals(200, publish.statusCode(), publish::body);
            String fresh = LiveServer.json(publish).getString("to");
            Thread.sleep(QUIET_MILLIS / 2);
            long rollbackSent = System.nanoTime();
            HttpResponse<String> rollback = server.rollbackTo(old);
            long rollbackAnswered = System.nanoTime();
            assertEquals(200, rollback.statusCode(), rollback::body);
            Thread.sleep(QUIET_MILLIS);
            running.set(false);
            assertTrue(done.await(60, java.util.concurrent.TimeUnit.SECONDS), "the clients stopped");
            long loadEnded = System.nanoTime();

            List<Call> all;
            synchronized (calls) {
                all = new ArrayList<>(calls);
            }
            List<Call> before = all.stream()
                    .filter(c -> c.sentAt() >= measured && c.sentAt() < publishSent)
                    .toList();
            List<Call> during = all.stream()
                    .filter(c -> c.sentAt() >= publishSent && c.sentAt() < rollbackAnswered)
                    .toList();
            List<Call> after =
                    all.stream().filter(c -> c.sentAt() >= rollbackAnswered).toList();
            System.out.printf(
                    "publish under load: %d clients for %.1f s, %d decisions; publish %.1f s, rollback %.1f s%n",
                    USERS,
                    (loadEnded - loadStarted) / 1e9,
                    all.size(),
                    (publishAnswered - publishSent) / 1e9,
                    (rollbackAnswered - rollbackSent) / 1e9);
            System.out.println("  warm-up " + WARM_UP_MILLIS / 1000.0 + " s: "
                    + figures(all.stream().filter(c -> c.sentAt() < measured).toList()));
            System.out.println("  before: " + figures(before));
            System.out.println("  during: " + figures(during) + "; versions " + versions(during, old, fresh));
            System.out.println("  after:  " + figures(after));

            List<Call> failed = all.stream().filter(c -> c.status() != 200).toList();
            assertEquals(List.of(), failed.stream().limit(5).toList(), failed.size() + " requests failed");
            assertTrue(
                    before.size() > 0 && during.size() > 0 && after.size() > 0,
                    "requests in every phase: " + all.size());
            Set<String> seen = all.stream().map(Call::version).collect(Collectors.toSet());
            assertTrue(
                    Set.of(old, fresh).containsAll(seen),
                    () -> "versions seen: " + seen + ", expected only " + old + " and " + fresh);
            assertTrue(
                    all.stream()
                            .filter(c -> c.sentAt() < publishSent)
                            .allMatch(c -> c.version().equals(old)),
                    "before the publish only the old version");
            List<Call> afterPublish = all.stream()
                    .filter(c -> c.sentAt() > publishAnswered && c.sentAt() < rollbackSent)
                    .toList();
            assertTrue(afterPublish.size() > 0, "requests between the publish and the rollback");
            assertEquals(
                    Map.of(fresh, (long) afterPublish.size()),
                    count(afterPublish),
                    "every request sent after the publish answered uses the new version");
            List<Call> afterRollback =
                    all.stream().filter(c -> c.sentAt() > rollbackAnswered).toList();
            assertEquals(
                    Map.of(old, (long) afterRollback.size()),
                    count(afterRollback),
                    "every request sent after the rollback answered uses the old version again");
        }
    }

    private static Call call(LiveServer server) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> r = server.postFeedback(ExampleRequests.EXAMPLE_REQUEST);
            long answered = System.nanoTime();
            String version = r.statusCode() == 200 ? new JsonObject(r.body()).getString("rulesVersion") : null;
            return new Call(sent, answered, r.statusCode(), version, r.statusCode() == 200 ? null : r.body());
        } catch (RuntimeException e) {
            return new Call(sent, System.nanoTime(), -1, null, e.toString());
        }
    }

    private static Map<String, Long> count(List<Call> calls) {
        return calls.stream()
                .collect(Collectors.groupingBy(c -> String.valueOf(c.version()), TreeMap::new, Collectors.counting()));
    }

    private static String versions(List<Call> calls, String old, String fresh) {
        Map<String, Long> n = count(calls);
        return "old " + n.getOrDefault(old, 0L) + ", new " + n.getOrDefault(fresh, 0L);
    }

    private static String figures(List<Call> calls) {
        if (calls.isEmpty()) {
            return "n=0";
        }
        double[] ms = calls.stream().mapToDouble(Call::millis).sorted().toArray();
        double seconds = (calls.stream().mapToLong(Call::answeredAt).max().getAsLong()
                        - calls.stream().mapToLong(Call::sentAt).min().getAsLong())
                / 1e9;
        return String.format(
                "n=%d (%.0f/s), p50=%.1f ms, p99=%.1f ms, max=%.1f ms",
                ms.length, ms.length / seconds, percentile(ms, 50), percentile(ms, 99), ms[ms.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}

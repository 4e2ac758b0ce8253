package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.ServiceConfig;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Outcome;
import kr.qfeedback.feedback.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Decision records on a real (single) Hazelcast member: batched writes, found before and after they reach the map. */
class ClusterDecisionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-11T01:00:00Z"), ZoneOffset.UTC);

    @Test
    @Timeout(120)
    void everyRecordIsFoundAtOnceOnThisMemberAndReachesTheClusterMapInBatches() throws Exception {
        ClusterSettings settings = ClusterSettings.from(ServiceConfig.fromEnvironment(Map.of(
                "QF_CLUSTER_PORT", Integer.toString(freePort()))));
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(settings.hazelcastConfig());
        ClusterDecisions records = null;
        try {
            IMap<String, String> map = hz.getMap(ClusterSettings.DECISIONS_MAP);
            records = new ClusterDecisions(map, CLOCK);
            int count = 20_000;
            for (int i = 0; i < count; i++) {
                records.record(decision("d-" + i), "candidate-" + i);
            }
            // Found straight away, whether its batch has been written yet or not.
            Optional<JsonObject> first = records.find("d-0").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(first.isPresent());
            assertEquals("candidate-0", first.get().getString("candidateId"));
            assertEquals("WRITTEN_PASS", first.get().getString("outcome"));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (records.written() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(count, records.written(), "records written to the cluster map");
            assertEquals(0, records.failed());
            assertEquals(count, map.size());
            JsonObject stored = new JsonObject(map.get("d-19999"));
            assertEquals("candidate-19999", stored.getString("candidateId"));
            assertEquals("2026-03-11T01:00:00Z", stored.getString("decidedAt"));
            assertEquals(stored, records.find("d-19999").toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow());
            assertTrue(records.find("d-unknown").toCompletableFuture().get(10, TimeUnit.SECONDS).isEmpty());
        } finally {
            if (records != null) {
                records.close();
            }
            hz.shutdown();
        }
    }

    private static FeedbackDecision decision(String id) {
        return new FeedbackDecision(id, "129a1d369cc3", LocalDate.of(2026, 3, 11), new Outcome(Stage.WRITTEN, ExamResult.PASS), List.of(), List.of(), List.of());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

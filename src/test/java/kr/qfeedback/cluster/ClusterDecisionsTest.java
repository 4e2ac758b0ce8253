package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Outcome;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.records.DecisionRecords;
import kr.qfeedback.records.KeptRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Decision records on a real (single) Hazelcast member: batched writes, found before and after they reach the cluster, kept in generations. */
class ClusterDecisionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-11T01:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    final LocalMembers members = new LocalMembers();

    private HazelcastInstance hz;
    private ClusterDecisions records;

    @BeforeEach
    void startMember() {
        hz = members.start(members.config(1, List.of()));
    }

    @AfterEach
    void stopMember() throws Exception {
        if (records != null) {
            records.close(); // before the members stop (the extension stops them after this method)
        }
    }

    @Test
    @Timeout(60)
    void closingWritesEveryRecordStillWaitingAndSaysHowMany() throws Exception {
        RecordGenerations generations = new RecordGenerations(hz, "member-a", 5_000);
        records = new ClusterDecisions(generations, CLOCK);
        for (int i = 0; i < 3_000; i++) {
            records.record(decision("c-" + i), "candidate-" + i);
        }
        long before = records.written();
        ClusterDecisions.Flushed flushed = records.close(java.time.Duration.ofSeconds(30));
        assertEquals(3_000, before + flushed.written(), "every record reached the cluster");
        assertEquals(0, flushed.lost());
        assertEquals(3_000, records.written());
        records = null;
    }

    @Test
    @Timeout(120)
    void everyRecordIsFoundAtOnceOnThisMemberAndReachesTheClusterMapInBatches() throws Exception {
        // Generations of 5 000 records: 20 000 records rotate through four of them.
        RecordGenerations generations = new RecordGenerations(hz, "member-a", 5_000);
        records = new ClusterDecisions(generations, CLOCK);
        int count = 20_000;
        for (int phase = 0; phase < 4; phase++) { // each phase fills one generation before the next starts
            for (int i = phase * 5_000; i < (phase + 1) * 5_000; i++) {
                records.record(decision("d-" + i), "candidate-" + i);
            }
            if (phase == 0) {
                // Found straight away, whether its batch has been written yet or not.
                Optional<JsonObject> first =
                        records.find("d-0").toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertTrue(first.isPresent());
                assertEquals("candidate-0", first.get().getString("candidateId"));
                assertEquals("WRITTEN_PASS", first.get().getString("outcome"));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (records.written() < (phase + 1) * 5_000L && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertEquals(count, records.written(), "records written to the cluster");
        assertEquals(0, records.failed());

        // At most two generations are kept: the latest records, no more than 2 × 5 000.
        List<IMap<String, Object>> maps = generations.all();
        assertEquals(
                10_000, maps.stream().mapToLong(ClusterDecisionsTest::records).sum(), "the last two generations");
        assertTrue(
                maps.size() <= 2,
                "generations: " + maps.stream().map(IMap::getName).toList());
        byte[] record = maps.get(0).executeOnKey(RecordBlocks.keyOf("d-19999"), new RecordBlocks.Find("d-19999"));
        JsonObject stored = new JsonObject(io.vertx.core.buffer.Buffer.buffer(record));
        assertEquals("candidate-19999", stored.getString("candidateId"));
        assertEquals("2026-03-11T01:00:00Z", stored.getString("decidedAt"));
        assertEquals(
                stored,
                records.find("d-19999")
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .orElseThrow());
        assertEquals(
                "candidate-10000",
                records.find("d-10000")
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .orElseThrow()
                        .getString("candidateId"),
                "the previous generation is read too");
        assertTrue(
                records.find("d-0")
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .isEmpty(),
                "the oldest generations were dropped whole");
        assertTrue(records.find("d-9999")
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .isEmpty());
        assertTrue(records.find("d-unknown")
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .isEmpty());

        // Another member's generations are read too, and records stored one to an entry (members of
        // earlier versions, during a rolling upgrade).
        hz.<String, Object>getMap(RecordGenerations.PREFIX + "member-b.7")
                .set("d-from-b", stored.toBuffer().getBytes());
        assertEquals(
                stored,
                records.find("d-from-b")
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .orElseThrow());
        // and records as members of the version before kept them, in a block of neighbouring ids
        String earlierId = "3b9d63ab-0a1b-4fb7-8b25-8da9ffa010f0";
        JsonObject earlier = stored.copy().put("decisionId", earlierId);
        hz.<String, Object>getMap(RecordGenerations.PREFIX + "member-b.8")
                .set(
                        RecordBlocks.earlierKeyOf(earlierId),
                        (earlier.put("decisionId", earlierId.replace("f0", "ef"))
                                                .encode() + "\n"
                                        + earlier.put("decisionId", earlierId).encode() + "\n")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(
                earlier,
                records.find(earlierId)
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .orElseThrow());
        // and a record as a member two versions back stored it (JSON text)
        hz.<String, Object>getMap(RecordGenerations.PREFIX + "member-c.3").set("d-from-c", stored.encode());
        assertEquals(
                stored,
                records.find("d-from-c")
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .orElseThrow());
    }

    @Test
    @Timeout(120)
    void recordsOfRandomIdsShareAFewBlocksAndABlockWrittenInTwoFlushesKeepsBoth() throws Exception {
        RecordGenerations generations = new RecordGenerations(hz, "member-a", 100_000);
        records = new ClusterDecisions(generations, CLOCK);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        for (String id : ids.subList(0, 600)) {
            records.record(decision(id), "candidate-" + id);
        }
        awaitWritten(records, 600);
        for (String id : ids.subList(600, 1_000)) { // every block is written a second time
            records.record(decision(id), "candidate-" + id);
        }
        awaitWritten(records, 1_000);

        IMap<String, Object> map = generations.all().get(0);
        assertEquals(RecordBlocks.BUCKETS, map.size(), "1 000 records in one entry per block");
        assertEquals(1_000, records(map));
        for (String id : ids) {
            assertEquals(
                    "candidate-" + id,
                    records.find(id)
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS)
                            .orElseThrow(() -> new AssertionError("not found: " + id))
                            .getString("candidateId"));
        }
        assertTrue(
                records.find(UUID.randomUUID().toString())
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .isEmpty(),
                "an id that was never recorded");
        assertEquals(0, records.failed());
    }

    @Test
    @Timeout(120)
    void aRecordIsFoundAtEveryMomentOfItsWayFromTheQueueThroughItsBatchToTheClusterMap() throws Exception {
        records = new ClusterDecisions(new RecordGenerations(hz, "member-a", 100_000), CLOCK);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int count = 8_000;
        for (int i = 0; i < count; i++) {
            records.record(decision("m-" + i), "candidate-" + i);
            // while the writer thread moves records on, an earlier one, recent or not, is looked up
            int earlier = Math.max(0, i - random.nextInt(Math.min(i, 2_000) + 1));
            Optional<JsonObject> found =
                    records.find("m-" + earlier).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(found.isPresent(), "m-" + earlier + " after m-" + i + " was recorded");
            assertEquals("candidate-" + earlier, found.get().getString("candidateId"));
        }
        awaitWritten(records, count);
        assertEquals(0, records.failed());
    }

    @Test
    @Timeout(60)
    void aRecordAndTheRequestKeptWithItAreAnsweredForADayAndNotAMomentLonger() throws Exception {
        Instant decidedAt = Instant.parse("2026-03-11T01:00:00Z");
        Instant[] now = {decidedAt};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        records = new ClusterDecisions(new RecordGenerations(hz, "member-a", 100_000), clock);
        String id = UUID.randomUUID().toString();
        kr.qfeedback.feedback.FeedbackRequest body = new kr.qfeedback.wire.FeedbackRequestParser(clock)
                .parse(io.vertx.core.buffer.Buffer.buffer(kr.qfeedback.testing.ExampleRequests.EXAMPLE_REQUEST));
        records.record(decision(id), "c-1", new KeptRequest(body, KeptRequest.Form.EXPLAINED));
        assertSame(body, withRequest(id).orElseThrow().request().request(), "while it waits on this member");

        awaitWritten(records, 1);
        DecisionRecords.WithRequest stored = withRequest(id).orElseThrow();
        assertEquals(body, stored.request().request(), "from the cluster map");
        assertEquals(KeptRequest.Form.EXPLAINED, stored.request().form());
        JsonObject record =
                records.find(id).toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
        assertEquals(stored.record(), record);
        assertEquals(
                List.of("decisionId", "candidateId", "rulesVersion", "asOf", "outcome", "sections", "decidedAt"),
                List.copyOf(record.fieldNames()),
                "the record alone, as the author role has always read it");

        // A record decided later shares the block, so the block's entry lives on.
        now[0] = decidedAt.plus(java.time.Duration.ofHours(20));
        String later = sameBlockAs(id);
        records.record(decision(later), "c-2", new KeptRequest(body, KeptRequest.Form.JSON));
        awaitWritten(records, 2);

        now[0] = decidedAt.plus(java.time.Duration.ofHours(24));
        records.sweep().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(withRequest(id).isPresent(), "kept for 24 hours");
        now[0] = decidedAt.plus(java.time.Duration.ofHours(24)).plusMillis(1);
        assertTrue(withRequest(id).isEmpty(), "neither record nor request after 24 hours");
        assertTrue(
                records.find(id).toCompletableFuture().get(10, TimeUnit.SECONDS).isEmpty());

        // The sweep drops the day-old chunk from memory, request and all, and keeps the later one.
        IMap<String, Object> map = hz.getMap(RecordGenerations.PREFIX + "member-a.0");
        assertTrue(contains(map, id), "still in memory until the sweep");
        records.sweep().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertFalse(contains(map, id), "the record and its request left memory");
        assertTrue(contains(map, later));
        assertTrue(withRequest(later).isPresent());
    }

    /** Whether any block of {@code map} holds {@code text}. */
    private static boolean contains(IMap<String, Object> map, String text) {
        for (Object block : map.values()) {
            for (byte[] chunk : (byte[][]) block) {
                if (new String(chunk, java.nio.charset.StandardCharsets.UTF_8).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A fresh decision id whose record goes to the same block as {@code id}'s. */
    private static String sameBlockAs(String id) {
        while (true) {
            String other = UUID.randomUUID().toString();
            if (RecordBlocks.keyOf(other).equals(RecordBlocks.keyOf(id))) {
                return other;
            }
        }
    }

    private Optional<DecisionRecords.WithRequest> withRequest(String id) throws Exception {
        return records.findWithRequest(id).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(120)
    void recordsAnotherMemberWroteAreFoundWhereverTheirPartitionsLive() throws Exception {
        // As after a rolling restart: the records are in the generations of a member id that is not
        // this member's, so each look-up reads this member's generation first and then that one,
        // half of the time after a call answered by the other member. With Hazelcast's callbacks on
        // the pool serve installs (on 2 cores), such a call completes on a Hazelcast response thread.
        AsyncCallbackExecutor.installWhereNeeded();
        HazelcastInstance other = members.start(members.config(1, List.of(LocalMembers.address(hz))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (hz.getCluster().getMembers().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(2, hz.getCluster().getMembers().size(), "the second member joined");
        ClusterDecisions writer = new ClusterDecisions(new RecordGenerations(other, "member-b", 100_000), CLOCK);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            writer.record(decision(id), "candidate-" + i);
        }
        awaitWritten(writer, ids.size());
        writer.close();

        records = new ClusterDecisions(new RecordGenerations(hz, "member-a", 100_000), CLOCK);
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(
                    "candidate-" + i,
                    records.find(ids.get(i))
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS)
                            .orElseThrow(() -> new AssertionError("not found"))
                            .getString("candidateId"));
        }
        assertTrue(records.find(UUID.randomUUID().toString())
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .isEmpty());
    }

    private static void awaitWritten(ClusterDecisions records, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (records.written() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, records.written(), "records written to the cluster");
    }

    /** How many records a map's blocks hold (a line each). */
    private static long records(IMap<String, Object> map) {
        long lines = 0;
        for (Object block : map.values()) {
            for (byte[] chunk : (byte[][]) block) {
                for (byte b : chunk) {
                    lines += b == '\n' ? 1 : 0;
                }
            }
        }
        return lines;
    }

    private static FeedbackDecision decision(String id) {
        return new FeedbackDecision(
                id,
                "129a1d369cc3",
                LocalDate.of(2026, 3, 11),
                new Outcome(Stage.WRITTEN, ExamResult.PASS),
                List.of(),
                List.of(),
                List.of());
    }
}

package kr.qfeedback.cluster;

import com.hazelcast.map.IMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.records.DecisionRecord;
import kr.qfeedback.records.DecisionRecords;
import kr.qfeedback.wire.DecisionRecordText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decision records in the cluster's record maps ({@link RecordGenerations}): bounded per member
 * (whole generations of the oldest go first), expiring after a day, one backup.
 *
 * <p>Recording costs the serving thread one queue insertion: records wait in {@code pending} and a
 * single writer thread moves them to the cluster every {@value #FLUSH_MILLIS} ms, appending them
 * to their blocks ({@link RecordBlocks}: one chunk per block and flush, at most
 * {@value RecordBlocks#BUCKETS} cluster operations a flush), so the event loops never
 * pay a cluster operation (and its thread hand-off) per decision, and the heap holds a few objects
 * per block instead of ~10 per record. Until its batch is written a record is found here, on this
 * member (by a scan: look-ups are rare, recording is not). A record that cannot be written is
 * counted, never fails the decision, and its candidate id is never logged; beyond
 * {@value #MAX_WAITING} records waiting or in flight new ones are dropped (counted) rather than
 * queued without bound. A write Hazelcast retries may add a chunk twice; a look-up reads the
 * first copy.
 */
final class ClusterDecisions implements DecisionRecords, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterDecisions.class);
    private static final long LOG_EVERY_MILLIS = 60_000;
    static final long FLUSH_MILLIS = 20;
    static final int BATCH = 4_096;
    /** Records waiting or in flight beyond which a new record is dropped (counted). */
    static final int MAX_WAITING = 50_000;
    /** Runs the small completion callbacks on the Hazelcast thread that completed the write. */
    private static final Executor ON_COMPLETING_THREAD = Runnable::run;
    /**
     * Runs a look-up's next cluster call: not on the Hazelcast thread that completed the previous
     * one (a response thread may not invoke an entry processor: IllegalThreadStateException).
     */
    private static final Executor NEXT_CALL = ForkJoinPool.commonPool();

    private final RecordGenerations generations;
    private final Clock clock;
    /**
     * A record moves from {@code pending} to a batch in {@code inFlight} (added there before it
     * leaves {@code pending}), then into the cluster map (its batch leaves {@code inFlight} once
     * written), so a look-up that reads them in that order always finds it.
     */
    private final Queue<DecisionRecord> pending = new ConcurrentLinkedQueue<>();

    private final Set<RecordBatch> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong();
    private final ScheduledExecutorService writer;

    ClusterDecisions(RecordGenerations generations, Clock clock) {
        this.generations = generations;
        this.clock = clock;
        this.writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "qf-decision-records");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void record(FeedbackDecision decision, String candidateId) {
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            failed(1, new IllegalStateException("too many decision records waiting"));
            return;
        }
        pending.add(DecisionRecord.of(decision, candidateId, clock.instant()));
    }

    @Override
    public CompletionStage<Optional<JsonObject>> find(String decisionId) {
        DecisionRecord local = onThisMember(decisionId);
        if (local != null) {
            return CompletableFuture.completedFuture(Optional.of(local.toJson()));
        }
        try {
            CompletionStage<Object> found = CompletableFuture.completedFuture(null);
            for (IMap<String, Object> map : generations.all()) {
                found = found.thenComposeAsync(
                        value -> value != null ? CompletableFuture.completedFuture(value) : inMap(map, decisionId),
                        NEXT_CALL);
            }
            return found.thenApplyAsync(
                    value -> Optional.ofNullable(value).map(ClusterDecisions::parsed), ON_COMPLETING_THREAD);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The stored record of {@code decisionId} in one generation map, or null: in its block, else as
     * members of earlier versions kept it (in a block of neighbouring ids, or alone), so that a
     * cluster being upgraded member by member still finds every record.
     */
    private static CompletionStage<Object> inMap(IMap<String, Object> map, String decisionId) {
        return map.submitToKey(RecordBlocks.keyOf(decisionId), new RecordBlocks.Find(decisionId))
                .thenComposeAsync(
                        record -> record != null
                                ? CompletableFuture.<Object>completedFuture(record)
                                : map.getAsync(RecordBlocks.earlierKeyOf(decisionId))
                                        .<Object>thenApply(lines -> lines instanceof byte[] records
                                                ? DecisionRecordText.find(records, decisionId)
                                                : null),
                        NEXT_CALL)
                .thenComposeAsync(
                        value -> value != null ? CompletableFuture.completedFuture(value) : map.getAsync(decisionId),
                        NEXT_CALL);
    }

    /** The record of {@code decisionId} while it is still on this member (a scan: look-ups are rare). */
    private DecisionRecord onThisMember(String decisionId) {
        for (DecisionRecord record : pending) {
            if (record.isOf(decisionId)) {
                return record;
            }
        }
        for (RecordBatch batch : inFlight) {
            DecisionRecord record = batch.find(decisionId);
            if (record != null) {
                return record;
            }
        }
        return null;
    }

    /**
     * A stored record: UTF-8 JSON bytes, or JSON text as members two versions back wrote it (so
     * that a cluster being upgraded member by member still finds every record).
     */
    private static JsonObject parsed(Object stored) {
        return stored instanceof byte[] json ? new JsonObject(Buffer.buffer(json)) : new JsonObject((String) stored);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            failed(0, e); // caught so that the scheduled writer keeps running
        }
    }

    /**
     * Moves up to {@value #BATCH} waiting records at a time to the cluster, one asynchronous append
     * per block they belong to ({@link RecordBlocks}); runs on the writer thread.
     */
    void flush() {
        while (!pending.isEmpty()) {
            taken().forEach(this::write);
        }
    }

    /** Up to {@value #BATCH} waiting records, now in flight, by block. */
    private Map<String, RecordBatch> taken() {
        Map<String, RecordBatch> blocks = new HashMap<>();
        Iterator<DecisionRecord> it = pending.iterator();
        for (int taken = 0; taken < BATCH && it.hasNext(); taken++) {
            DecisionRecord record = it.next();
            blocks.computeIfAbsent(RecordBlocks.keyOf(record.decisionId()), key -> {
                        RecordBatch batch = new RecordBatch();
                        inFlight.add(batch);
                        return batch;
                    })
                    .add(record);
            it.remove();
        }
        return blocks;
    }

    private CompletionStage<Void> write(String block, RecordBatch batch) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        try {
            generations
                    .forBatch(batch.records.size())
                    .submitToKey(block, new RecordBlocks.AddChunk(batch.lines.toByteArray()))
                    .whenCompleteAsync(
                            (ignored, error) -> {
                                settle(batch, error);
                                settled.complete(null);
                            },
                            ON_COMPLETING_THREAD);
        } catch (RuntimeException e) {
            settle(batch, e);
            settled.complete(null);
        }
        return settled;
    }

    private void settle(RecordBatch batch, Throwable error) {
        inFlight.remove(batch);
        int count = batch.records.size();
        waiting.addAndGet(-count);
        if (error == null) {
            written.addAndGet(count);
        } else {
            failed(count, error);
        }
    }

    private void failed(int records, Throwable error) {
        failed.addAndGet(records);
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last > LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, now)) {
            LOG.warn(
                    "decision records could not be written to the cluster ({} so far): {}",
                    failed.get(),
                    error.getClass().getSimpleName()); // the class only: a message could quote the record
        }
    }

    long written() {
        return written.get();
    }

    long failed() {
        return failed.get();
    }

    /** Writes what is still waiting (at most a few seconds) and stops the writer. */
    @Override
    public void close() {
        close(java.time.Duration.ofSeconds(5));
    }

    /**
     * Stops the writer and writes every record still waiting or in flight, waiting up to {@code within}
     * for the cluster to take them; returns how many were written, and how many could not be (their
     * write failed, or did not finish in time).
     */
    Flushed close(java.time.Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        long writtenBefore = written.get();
        long failedBefore = failed.get();
        writer.shutdown();
        try {
            // Let a flush the writer is in finish (it only queues asynchronous appends), then write the rest from here.
            writer.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            while (!pending.isEmpty()) {
                taken().forEach(this::write);
            }
            while (waiting.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn(
                    "decision records still waiting at shutdown could not be written: {}",
                    e.getClass().getSimpleName());
        }
        return new Flushed(written.get() - writtenBefore, failed.get() - failedBefore + Math.max(0, waiting.get()));
    }

    /** What a closing flush did: records written, and records that could not be written. */
    record Flushed(long written, long lost) {}
}

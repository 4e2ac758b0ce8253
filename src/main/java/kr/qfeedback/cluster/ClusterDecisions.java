package kr.qfeedback.cluster;

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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.records.DecisionRecord;
import kr.qfeedback.records.DecisionRecords;
import kr.qfeedback.records.KeptRequest;
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
 * first copy ({@link RecordLookup}).
 *
 * <p>With its record each decision keeps the request it was decided on ({@link KeptRequest}, the
 * body's bytes as received), stored on the next line of the same chunk: it travels, expires and is
 * dropped with its record, and only a look-up with the request ({@link #findWithRequest}, the
 * helpdesk view) brings it back. It is never logged.
 */
final class ClusterDecisions implements DecisionRecords, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterDecisions.class);
    private static final long LOG_EVERY_MILLIS = 60_000;
    static final long FLUSH_MILLIS = 20;
    static final int BATCH = 4_096;
    /** How often this member drops the chunks of its records decided more than a day ago. */
    static final long SWEEP_SECONDS = 60;
    /** Records waiting or in flight beyond which a new record is dropped (counted). */
    static final int MAX_WAITING = 50_000;
    /** Runs the small completion callbacks on the Hazelcast thread that completed the write. */
    private static final Executor ON_COMPLETING_THREAD = Runnable::run;

    private final RecordGenerations generations;
    private final RecordLookup lookup;
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
        this.lookup = new RecordLookup(
                generations, clock, java.time.Duration.ofSeconds(ClusterSettings.DECISION_TTL_SECONDS));
        this.writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "qf-decision-records");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        writer.scheduleWithFixedDelay(this::sweepQuietly, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void record(FeedbackDecision decision, String candidateId) {
        record(decision, candidateId, null);
    }

    @Override
    public void record(FeedbackDecision decision, String candidateId, KeptRequest request) {
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            failed(1, new IllegalStateException("too many decision records waiting"));
            return;
        }
        pending.add(DecisionRecord.of(decision, candidateId, request, clock.instant()));
    }

    @Override
    public CompletionStage<Optional<JsonObject>> find(String decisionId) {
        return found(decisionId, false).thenApply(found -> found.map(WithRequest::record));
    }

    @Override
    public CompletionStage<Optional<WithRequest>> findWithRequest(String decisionId) {
        return found(decisionId, true);
    }

    private CompletionStage<Optional<WithRequest>> found(String decisionId, boolean withRequest) {
        DecisionRecord local = onThisMember(decisionId);
        return local != null
                ? CompletableFuture.completedFuture(lookup.local(local, withRequest))
                : lookup.inCluster(decisionId, withRequest);
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
     * Drops from this member's generations every chunk whose records were all decided more than a
     * day ago ({@link RecordBlocks.DropExpired}), with the requests kept in it; asynchronous.
     */
    CompletionStage<Void> sweep() {
        long cutoff = clock.instant().toEpochMilli() - ClusterSettings.DECISION_TTL_SECONDS * 1000L;
        CompletableFuture<?>[] drops = generations.own().stream()
                .map(map -> map.submitToKeys(RecordBlocks.keys(), new RecordBlocks.DropExpired(cutoff))
                        .toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(drops);
    }

    private void sweepQuietly() {
        try {
            sweep().whenComplete((done, error) -> {
                if (error != null) {
                    failedSweep(error);
                }
            });
        } catch (RuntimeException e) {
            failedSweep(e); // caught so that the scheduled writer keeps running
        }
    }

    private void failedSweep(Throwable error) {
        LOG.warn(
                "expired decision records could not be dropped: {}",
                error.getClass().getSimpleName());
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

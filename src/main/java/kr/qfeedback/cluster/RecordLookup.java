package kr.qfeedback.cluster;

import com.hazelcast.map.IMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import kr.qfeedback.records.DecisionRecord;
import kr.qfeedback.records.DecisionRecords.WithRequest;
import kr.qfeedback.wire.DecisionRecordText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds one decision's record in the cluster's record maps ({@link RecordGenerations}), with its
 * request when asked (the helpdesk view), or without (the author role: the request then never
 * leaves the member that holds it). A record decided more than {@link #kept} ago is not found,
 * whatever the map still holds, so that a record and its request are answered for exactly 24 hours.
 */
final class RecordLookup {
    /** Runs the small completion callbacks on the Hazelcast thread that completed the read. */
    private static final Executor ON_COMPLETING_THREAD = Runnable::run;
    /**
     * Runs a look-up's next cluster call: not on the Hazelcast thread that completed the previous
     * one (a response thread may not invoke an entry processor: IllegalThreadStateException).
     */
    private static final Logger LOG = LoggerFactory.getLogger(RecordLookup.class);

    private static final Executor NEXT_CALL = java.util.concurrent.ForkJoinPool.commonPool();

    private final RecordGenerations generations;
    private final Clock clock;
    private final Duration kept;

    RecordLookup(RecordGenerations generations, Clock clock, Duration kept) {
        this.generations = generations;
        this.clock = clock;
        this.kept = kept;
    }

    /** A record still waiting on this member, as the look-up answers it. */
    Optional<WithRequest> local(DecisionRecord record, boolean withRequest) {
        return current(new WithRequest(record.toJson(), withRequest ? record.request() : null));
    }

    /** The record of {@code decisionId} in the cluster's maps, newest generation first. */
    CompletionStage<Optional<WithRequest>> inCluster(String decisionId, boolean withRequest) {
        try {
            CompletionStage<Object> found = CompletableFuture.completedFuture(null);
            for (IMap<String, Object> map : generations.all()) {
                found = found.thenComposeAsync(
                        value -> value != null
                                ? CompletableFuture.completedFuture(value)
                                : inMap(map, decisionId, withRequest),
                        NEXT_CALL);
            }
            return found.thenApplyAsync(
                    value -> value == null ? Optional.<WithRequest>empty() : current(parsed(value, decisionId)),
                    ON_COMPLETING_THREAD);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The stored record of {@code decisionId} in one generation map, or null: in its block, else as
     * members of earlier versions kept it (in a block of neighbouring ids, or alone), so that a
     * cluster being upgraded member by member still finds every record.
     */
    private static CompletionStage<Object> inMap(IMap<String, Object> map, String decisionId, boolean withRequest) {
        return map.submitToKey(RecordBlocks.keyOf(decisionId), new RecordBlocks.Find(decisionId, withRequest))
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

    /**
     * A stored record: UTF-8 JSON bytes, perhaps followed by its request's line, or JSON text as
     * members two versions back wrote it.
     */
    private static WithRequest parsed(Object stored, String decisionId) {
        if (stored instanceof byte[] lines) {
            JsonObject record = new JsonObject(Buffer.buffer(DecisionRecordText.recordOf(lines)));
            try {
                return new WithRequest(record, DecisionRecordText.findRequest(lines, decisionId, asOf(record)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // Another member's bytes that hold no readable request: the record is answered, its page is not.
                LOG.warn(
                        "the request kept with a decision record is not readable: {}",
                        e.getClass().getSimpleName());
                return new WithRequest(record, null);
            }
        }
        return new WithRequest(new JsonObject((String) stored), null);
    }

    /** The day a record was decided for. */
    private static LocalDate asOf(JsonObject record) {
        if (!(record.getValue("asOf") instanceof String day)) {
            throw new IllegalArgumentException("a decision record without its day");
        }
        return LocalDate.parse(day);
    }

    /** The record unless it was decided longer ago than records are kept. */
    private Optional<WithRequest> current(WithRequest found) {
        Object decidedAt = found.record().getValue("decidedAt");
        try {
            boolean expired = decidedAt instanceof String at
                    && Instant.parse(at).plus(kept).isBefore(clock.instant());
            return expired ? Optional.empty() : Optional.of(found);
        } catch (DateTimeParseException e) {
            return Optional.of(found); // a record without a readable time is answered as before
        }
    }
}

package kr.qfeedback.cluster;

import com.hazelcast.map.IMap;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.http.DecisionRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decision records in the distributed map {@value ClusterSettings#DECISIONS_MAP}: bounded per member
 * (least recently used go first), expiring after a day, one backup. Written asynchronously after the
 * answer is built; a record that cannot be written is counted, never fails the decision, and its
 * candidate id is never logged.
 */
final class ClusterDecisions implements DecisionRecords {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterDecisions.class);
    private static final long LOG_EVERY_MILLIS = 60_000;
    /** Writes in flight beyond which a record is dropped (counted) rather than queued without bound. */
    static final int MAX_IN_FLIGHT = 20_000;

    private final IMap<String, String> map;
    private final Clock clock;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    ClusterDecisions(IMap<String, String> map, Clock clock) {
        this.map = map;
        this.clock = clock;
    }

    @Override
    public void record(FeedbackDecision decision, String candidateId) {
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            failed(new IllegalStateException("too many decision records in flight"));
            return;
        }
        try {
            map.setAsync(decision.decisionId(), DecisionRecords.recordOf(decision, candidateId, clock.instant()).encode())
                    .whenComplete((ignored, error) -> {
                        inFlight.decrementAndGet();
                        if (error == null) {
                            written.incrementAndGet();
                        } else {
                            failed(error);
                        }
                    });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            failed(e);
        }
    }

    @Override
    public CompletionStage<Optional<JsonObject>> find(String decisionId) {
        try {
            return map.getAsync(decisionId).thenApply(value -> Optional.ofNullable(value).map(JsonObject::new));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void failed(Throwable error) {
        failed.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last > LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, now)) {
            LOG.warn("decision records could not be written to the cluster ({} so far): {}", failed.get(),
                    error.getClass().getSimpleName()); // the class only: a message could quote the record
        }
    }

    long written() {
        return written.get();
    }

    long failed() {
        return failed.get();
    }
}

package kr.qfeedback;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.cluster.ClusterNode;
import kr.qfeedback.http.ServerStop;
import kr.qfeedback.lifecycle.BackgroundWork;
import kr.qfeedback.lifecycle.RulesLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} does on SIGTERM or SIGINT (the JVM's shutdown hook), within the grace
 * {@code QF_SHUTDOWN_GRACE} (G) counted from the signal; each step is logged:
 * <ol>
 * <li>readiness answers 503 {@code STOPPING}, rules requests that arrive from now on are refused
 *     (503 {@code NOT_READY}) before their upload is read, every answer carries
 *     {@code Connection: close} and its connection is closed once it is written;</li>
 * <li>draining: the server keeps listening while requests keep coming (a load balancer has not yet
 *     seen the 503), until none has begun for {@value #QUIET_MILLIS} ms and none is in flight, or
 *     until G/2;</li>
 * <li>stops accepting (the listener closes) and lets the answers in progress be written, until 3G/4
 *     at most (then Vert.x closes what is left);</li>
 * <li>refuses rules work from now on and waits, until 3G/4, for the work already accepted (publish,
 *     rollback, validate, impact) to finish, then lets
 *     no publish or rollback begin writing an activation (one that is writing finishes first);</li>
 * <li>closes Vert.x, writes the decision records still waiting to the cluster (half of what is
 *     left), leaves the cluster gracefully (the rest, at least a second).</li>
 * </ol>
 * Safe to run once only; {@link #run} says whether every step finished within its share.
 */
final class GracefulStop {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);
    static final long QUIET_MILLIS = 1_000;
    private static final long POLL_MILLIS = 20;

    private final Duration grace;
    private final ServerStop http;
    private final Vertx vertx;
    private final RulesLifecycle lifecycle;
    private final ClusterNode cluster;

    GracefulStop(Duration grace, ServerStop http, Vertx vertx, RulesLifecycle lifecycle, ClusterNode cluster) {
        this.grace = grace;
        this.http = http;
        this.vertx = vertx;
        this.lifecycle = lifecycle;
        this.cluster = cluster;
    }

    /** Stops the node; true when every step finished in time and nothing was cut off or lost. */
    boolean run() {
        long t0 = System.nanoTime();
        long graceNanos = grace.toNanos();
        long drainEnd = t0 + graceNanos / 2;
        long httpEnd = t0 + graceNanos * 3 / 4;
        long end = t0 + graceNanos;
        boolean clean = true;

        http.beginStopping(grace);
        int rulesWork = BackgroundWork.unfinished();
        LOG.info("stopping: readiness 503 (QF_SHUTDOWN_GRACE {} ms); new rules requests are refused", grace.toMillis());
        LOG.info(
                "stopping: {} requests in flight, {} rules jobs unfinished; answers now carry Connection: close",
                http.inFlight(),
                rulesWork);

        long begunBefore = http.started();
        drain(drainEnd);
        LOG.info(
                "stopping: drained for {} ms ({} requests answered meanwhile, {} in flight)",
                millisSince(t0),
                http.started() - begunBefore,
                http.inFlight());

        Future<Void> closed = http.shutdownServers(Duration.ofNanos(Math.max(0, httpEnd - System.nanoTime())));
        LOG.info("stopped accepting; {} requests in flight", http.inFlight());
        try {
            closed.toCompletionStage()
                    .toCompletableFuture()
                    .get(Math.max(0, httpEnd - System.nanoTime()) + 500_000_000L, TimeUnit.NANOSECONDS);
            LOG.info("stopping: HTTP server closed after {} ms, every answer written", millisSince(t0));
        } catch (Exception e) {
            clean = false;
            LOG.warn(
                    "stopping: the HTTP server was closed with {} requests still in flight after {} ms ({})",
                    http.inFlight(),
                    millisSince(t0),
                    e.getClass().getSimpleName());
        }

        // Requests accepted before the signal have had their rules work submitted by now (or were cut off).
        BackgroundWork.stopAccepting();
        try {
            int left = BackgroundWork.awaitIdle(Duration.ofNanos(Math.max(0, httpEnd - System.nanoTime())));
            if (left > 0) {
                clean = false;
                LOG.warn(
                        "stopping: {} rules jobs still running after {} ms; they change no rules version from now on",
                        left,
                        millisSince(t0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lifecycle.stopChanges();
        LOG.info("stopping: rules work finished or refused; no activation is being written");

        try {
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(Math.max(1_000_000_000L, (end - System.nanoTime()) / 4), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            LOG.warn("stopping: Vert.x did not close in time ({})", e.getClass().getSimpleName());
        }

        long[] records = cluster.flushRecords(Duration.ofNanos(Math.max(500_000_000L, (end - System.nanoTime()) / 2)));
        if (records[1] > 0) {
            clean = false;
            LOG.warn("stopping: {} decision records could not be written to the cluster", records[1]);
        }
        LOG.info("records flushed ({})", records[0]);

        if (cluster.leave(Duration.ofNanos(Math.max(1_000_000_000L, end - System.nanoTime())))) {
            LOG.info("left the cluster");
        } else {
            clean = false;
        }
        LOG.info(
                "stopped in {} ms{}",
                millisSince(t0),
                clean ? "" : " (not everything finished in time; see the warnings above)");
        return clean;
    }

    /**
     * Keeps serving while requests keep coming: returns once no request has begun for
     * {@value #QUIET_MILLIS} ms and none is in flight, or at {@code deadline}.
     */
    private void drain(long deadline) {
        long lastSeen = http.started();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            long seen = http.started();
            if (seen != lastSeen || http.inFlight() > 0) {
                lastSeen = seen;
                quietSince = now;
            } else if (now - quietSince >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}

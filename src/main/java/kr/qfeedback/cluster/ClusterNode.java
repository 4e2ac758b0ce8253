package kr.qfeedback.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import kr.qfeedback.lifecycle.ClusterStatus;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.records.DecisionRecords;
import kr.qfeedback.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's embedded Hazelcast member and what the service keeps in the cluster: the rules
 * versions with the active one ({@link ClusterRules}) and the decision records ({@link ClusterDecisions}).
 * Without {@code QF_CLUSTER_MEMBERS} it is a cluster of one on 127.0.0.1 that joins no one.
 */
public final class ClusterNode implements ClusterStatus, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    private static final long WAIT_LOG_MILLIS = 10_000;
    /** Hazelcast's bound on a graceful shutdown; read from the system properties when the member shuts down. */
    static final String GRACEFUL_WAIT = "hazelcast.graceful.shutdown.max.wait";

    private final ClusterSettings settings;
    private final HazelcastInstance hz;
    private final RulesLifecycle lifecycle;
    private final ClusterRules rules;
    private final ClusterDecisions decisions;
    private volatile boolean joined;

    private ClusterNode(ClusterSettings settings, HazelcastInstance hz, RulesLifecycle lifecycle) {
        this.settings = settings;
        this.hz = hz;
        this.lifecycle = lifecycle;
        this.rules = new ClusterRules(hz, lifecycle, settings.quorum(), settings.secret());
        this.decisions = new ClusterDecisions(RecordGenerations.of(hz), Clock.systemUTC());
        hz.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                LOG.info("the cluster healed after a split; adopting the merged cluster's active rules version");
                rules.resync();
            }
        });
    }

    /** Starts the embedded member (it has not necessarily found its peers yet). */
    public static ClusterNode start(ClusterSettings settings, RulesLifecycle lifecycle) {
        LOG.info(
                settings.single()
                        ? "starting a cluster of one on {}:{} (QF_CLUSTER_MEMBERS is not set)"
                        : "starting cluster member on {}:{}, peers {}, publish quorum {}",
                settings.bindHost(),
                settings.port(),
                settings.members(),
                settings.quorum());
        AsyncCallbackExecutor.installWhereNeeded();
        return new ClusterNode(settings, Hazelcast.newHazelcastInstance(settings.hazelcastConfig()), lifecycle);
    }

    /** Wraps a member already started (tests start theirs on ports the OS picks). */
    static ClusterNode of(ClusterSettings settings, HazelcastInstance hz, RulesLifecycle lifecycle) {
        return new ClusterNode(settings, hz, lifecycle);
    }

    /**
     * Waits until this member sees the publish quorum, then brings it onto the cluster's active
     * version (adopting it, or seeding the cluster with {@code seed} when it has none yet); from then
     * on publish and rollback switch every member.
     */
    public RuleSet join(Supplier<RuleSet> seed) {
        long lastLog = System.currentTimeMillis();
        // Hazelcast's split-brain protection must also see the quorum before the rules maps accept writes.
        while (!quorumPresent()) {
            if (System.currentTimeMillis() - lastLog > WAIT_LOG_MILLIS) {
                LOG.info(
                        "waiting for cluster members: {} of the {} needed are up (peers {})",
                        members(),
                        settings.quorum(),
                        settings.members());
                lastLog = System.currentTimeMillis();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for cluster members", e);
            }
        }
        RuleSet active = rules.join(seed);
        lifecycle.replicateWith(rules);
        joined = true;
        return active;
    }

    public DecisionRecords decisions() {
        return decisions;
    }

    @Override
    public boolean joined() {
        return joined && hz.getLifecycleService().isRunning();
    }

    @Override
    public int members() {
        try {
            return hz.getLifecycleService().isRunning()
                    ? hz.getCluster().getMembers().size()
                    : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    boolean quorumPresent() {
        try {
            rules.checkCanChange();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Adds the cluster's meters ({@link ClusterMeters}) to {@code registry}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        new ClusterMeters(this, rules, decisions, hz, settings.quorum()).bindTo(registry);
    }

    /** Leaves the cluster gracefully (its data migrates to the others first). */
    @Override
    public void close() {
        rules.close();
        decisions.close();
        try {
            hz.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("the cluster member did not shut down cleanly: {}", e.toString());
        }
    }

    /**
     * A stop's first cluster step: writes the decision records still waiting on this member to the
     * cluster, waiting up to {@code within}. Returns {records written, records that could not be}.
     */
    public long[] flushRecords(Duration within) {
        rules.close();
        ClusterDecisions.Flushed flushed = decisions.close(within);
        return new long[] {flushed.written(), flushed.lost()};
    }

    /**
     * A stop's last step: leaves the cluster gracefully, waiting at most {@code within} in all. First
     * the backups of what this member owns are brought up to date on the others (so nothing is lost
     * even if the hand-over below runs out of time), then the member shuts down and hands its
     * partitions over, waiting at most what is left, rounded up to whole seconds (Hazelcast's
     * {@value #GRACEFUL_WAIT}, read when the member shuts down). Hazelcast only logs a hand-over that
     * ran out of time; a shutdown that took its whole wait is taken for one. Returns whether the
     * member left gracefully: backups in sync and partitions handed over in time.
     */
    public boolean leave(Duration within) {
        long end = System.nanoTime() + within.toNanos();
        boolean safe;
        try {
            safe = hz.getPartitionService()
                    .forceLocalMemberToBeSafe(Math.max(1, within.toMillis() / 2), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.warn("the cluster member could not bring its backups up to date before leaving: {}", e.toString());
            safe = false;
        }
        if (!safe) {
            LOG.warn("leaving the cluster with backups not in sync: what this member held may be lost");
        }
        long seconds = Math.max(1, (TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + 999) / 1000);
        System.setProperty(GRACEFUL_WAIT, Long.toString(seconds));
        long started = System.nanoTime();
        try {
            hz.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("the cluster member did not shut down cleanly: {}", e.toString());
            return false;
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (tookMillis >= seconds * 1000) {
            LOG.warn(
                    "the cluster member took its whole wait of {} s to shut down: its partitions may not have been handed over",
                    seconds);
            return false;
        }
        return safe;
    }
}

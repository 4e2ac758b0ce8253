package kr.qfeedback.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import kr.qfeedback.lifecycle.ActivationAction;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.BackgroundWork;
import kr.qfeedback.lifecycle.Replication;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rules version on every member.
 *
 * <p>State in the cluster: the map {@value ClusterSettings#VERSIONS_MAP} (id → files and metadata
 * of every published version, with backups) and the map {@value ClusterSettings#ACTIVE_MAP} whose
 * single entry names the active version. Both need the publish quorum to be written. Every member
 * also keeps every version it has seen in its own {@link VersionStore}, so a full restart recovers them.
 *
 * <p>A switch (publish or rollback), led by the member that validated it, under the cluster lock of
 * the active entry:
 * <ol>
 *   <li>the version goes into the versions map;</li>
 *   <li><b>prepare</b>: a PREPARE message on the topic {@value ClusterSettings#SWITCH_TOPIC}; every
 *       member fetches the version (its disk or the map), stores it on its disk, compiles it off the
 *       event loop and answers ACK; the leader waits for an ACK from every member still in the
 *       cluster (a failure or a timeout aborts, and nothing changed anywhere);</li>
 *   <li><b>commit</b>: the leader writes the active entry; each member's entry listener swaps the
 *       already-compiled rule set in (one reference swap) and answers SWITCHED with the instant;</li>
 *   <li>the leader collects the SWITCHED instants: their spread is the window in which two members
 *       could answer with different versions ({@code qf_rules_switch_window_seconds}).</li>
 * </ol>
 * The window is therefore bounded by the delivery skew of one map event, never by compilation. A
 * member that missed the prepare (it joined during the switch) compiles on commit and is late by
 * that compilation; it reports that too.
 *
 * <p>Everything a member writes to the cluster about the rules (a version, the active entry, a switch
 * message) is signed with {@link ClusterSecret}; members ignore, with a warning, what does not verify
 * before they fetch, compile or activate anything.
 *
 * <p>This class wires the parts together: {@link ClusterJoining}, {@link QuorumGuard},
 * {@link VersionReplication}, {@link SwitchLeader}, {@link SwitchFollower} with {@link MemberSwap},
 * and {@link SwitchMetrics}.
 */
final class ClusterRules implements Replication {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRules.class);
    static final String ACTIVE_KEY = ActiveEntry.KEY;
    /** How long a publish waits for this member to record a switch every member has made. */
    private static final Duration RECORDING_WAIT = Duration.ofSeconds(30);

    /** Prepares (compiles, prewarms) and catches up at the low priority of all rules work, like the leader. */
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(BackgroundWork.threads("qf-cluster-rules"));

    private final ExecutorService io = Executors.newSingleThreadExecutor(daemon("qf-cluster-io"));
    private final SwitchMetrics metrics = new SwitchMetrics();
    private final QuorumGuard guard;
    private final VersionReplication versions;
    private final SwitchLeader leader;
    private final MemberSwap swap;
    private final ClusterJoining joining;

    ClusterRules(HazelcastInstance hz, RulesLifecycle lifecycle, int quorum, ClusterSecret secret) {
        this(hz, lifecycle, quorum, secret, SwitchTimeouts.DEFAULT);
    }

    ClusterRules(
            HazelcastInstance hz, RulesLifecycle lifecycle, int quorum, ClusterSecret secret, SwitchTimeouts timeouts) {
        IMap<String, String> activeMap = hz.getMap(ClusterSettings.ACTIVE_MAP);
        SwitchTopic topic = new SwitchTopic(hz, secret, io);
        SwitchesInFlight inFlight = new SwitchesInFlight();
        this.versions = new VersionReplication(hz.getMap(ClusterSettings.VERSIONS_MAP), lifecycle.store(), secret);
        this.swap = new MemberSwap(lifecycle, versions, topic, metrics, io);
        this.guard = new QuorumGuard(hz, quorum, swap::currentVersion);
        this.leader = new SwitchLeader(
                secret, activeMap, lifecycle.store(), versions, guard, topic, inFlight, metrics, timeouts);
        SwitchFollower follower = new SwitchFollower(secret, lifecycle, versions, topic, inFlight, swap, worker);
        this.joining = new ClusterJoining(secret, activeMap, lifecycle, versions, follower, swap, metrics, worker);
    }

    /**
     * Brings this member onto the cluster's active version: adopts it when the cluster has one
     * (whatever this node's rules folder holds), otherwise runs {@code seed} (the single-node start:
     * the rules folder after every check) and makes its result the cluster's active version.
     */
    RuleSet join(Supplier<RuleSet> seed) {
        return joining.join(seed);
    }

    /** After a split heals, the merged cluster's active entry wins: adopt it. */
    void resync() {
        joining.resync();
    }

    @Override
    public void checkCanChange() {
        guard.check();
    }

    @Override
    public void ensureStored(String version) {
        versions.ensureStored(version);
    }

    @Override
    public void activateEverywhere(
            RuleFiles files,
            RuleSet compiled,
            String who,
            String note,
            AuditAction action,
            ActivationAction activation) {
        String switchId = leader.switchTo(files, compiled, who, note, action, activation);
        // Every member answered SWITCHED; this one records the switch on its io thread just after
        // its own SWITCHED: the publish answers once its audit entry is written.
        try {
            swap.recorded(switchId).get(RECORDING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn(
                    "rules version {} is active everywhere, but this member had not recorded it {} s later",
                    files.version(),
                    RECORDING_WAIT.toSeconds());
        } catch (ExecutionException e) {
            LOG.warn(
                    "rules version {} is active everywhere; recording it here failed: {}",
                    files.version(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    double lastSwitchSeconds() {
        return metrics.lastSwitchSeconds();
    }

    double lastWindowSeconds() {
        return metrics.lastWindowSeconds();
    }

    long switchedAtMicros() {
        return metrics.switchedAtMicros();
    }

    long switches() {
        return metrics.switches();
    }

    int quorum() {
        return guard.quorum();
    }

    /**
     * Stops taking switch work and waits, within a bound, for what is running to finish, so that no
     * member's activation record is left half-written and nothing writes to the data folder after.
     */
    void close() {
        worker.shutdownNow();
        io.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS) || !io.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("rules switch work still running 5 s after the stop began; leaving it to the JVM's exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

package kr.qfeedback.cluster;

import com.hazelcast.map.IMap;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import kr.qfeedback.lifecycle.ActivationAction;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings this member onto the cluster's active version when it joins, seeding the cluster when it has
 * none yet, and again after a split heals.
 */
final class ClusterJoining {
    /** The rules replication logs under one name, as it always has. */
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRules.class);

    private final IMap<String, String> activeMap;
    private final RulesLifecycle lifecycle;
    private final VersionReplication versions;
    private final SwitchFollower follower;
    private final MemberSwap swap;
    private final SwitchMetrics metrics;
    private final Executor worker;
    private final ClusterSecret secret;

    /** {@code worker} is the follower's: a re-read after a merge queues behind any prepare or catch-up. */
    ClusterJoining(
            ClusterSecret secret,
            IMap<String, String> activeMap,
            RulesLifecycle lifecycle,
            VersionReplication versions,
            SwitchFollower follower,
            MemberSwap swap,
            SwitchMetrics metrics,
            Executor worker) {
        this.activeMap = activeMap;
        this.lifecycle = lifecycle;
        this.versions = versions;
        this.follower = follower;
        this.swap = swap;
        this.metrics = metrics;
        this.worker = worker;
        this.secret = secret;
    }

    /**
     * Adopts the cluster's active version when the cluster has one (whatever this node's rules folder
     * holds), otherwise runs {@code seed} and makes its result the cluster's active version. An active
     * entry not signed with the cluster secret counts as none (and is logged).
     */
    RuleSet join(Supplier<RuleSet> seed) {
        follower.listen(activeMap);
        versions.pullAll();
        activeMap.lock(ActiveEntry.KEY);
        try {
            JsonObject active = ActiveEntry.verified(secret, activeMap.get(ActiveEntry.KEY));
            if (active == null) {
                RuleSet rules = seed.get();
                versions.pushAll();
                JsonObject record = ActiveEntry.of(
                        secret,
                        lifecycle.store().load(rules.version()).fullHash(),
                        "seed-" + UUID.randomUUID(),
                        RulesLifecycle.SYSTEM,
                        "클러스터를 시작한 구성원의 규칙",
                        AuditAction.STARTUP,
                        ActivationAction.STARTUP);
                swap.desire(record);
                activeMap.set(ActiveEntry.KEY, record.encode());
                metrics.markSwitched(0);
                LOG.info("this member started the cluster's rules on version {}", rules.version());
                return rules;
            }
            swap.desireUnlessSet(active);
        } finally {
            activeMap.unlock(ActiveEntry.KEY);
        }
        swap.catchUp(true);
        versions.pushAll();
        RuleSet rules = lifecycle
                .active()
                .current()
                .orElseThrow(() -> new IllegalStateException("the cluster's active version could not be adopted"));
        LOG.info("this member joined the cluster on its active version {}", rules.version());
        return rules;
    }

    /** After a split heals, the merged cluster's active entry wins: adopt it. */
    void resync() {
        worker.execute(() -> {
            try {
                JsonObject active = ActiveEntry.verified(secret, activeMap.get(ActiveEntry.KEY));
                if (active != null) {
                    swap.desire(active);
                    swap.catchUp(false);
                }
                versions.pushAll();
            } catch (RuntimeException e) {
                LOG.warn("could not re-read the active version after the cluster merged: {}", e.toString());
            }
        });
    }
}

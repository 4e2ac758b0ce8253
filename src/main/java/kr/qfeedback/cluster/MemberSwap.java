package kr.qfeedback.cluster;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import kr.qfeedback.lifecycle.ActivationAction;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.LastUsed;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts this member on the version the cluster's active entry names (the desired one): swaps in a rule
 * set compiled ahead, or loads and compiles it first, then answers SWITCHED and records it on disk.
 */
final class MemberSwap {
    /** The rules replication logs under one name, as it always has. */
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRules.class);

    private final RulesLifecycle lifecycle;
    private final VersionReplication versions;
    private final SwitchTopic topic;
    private final SwitchMetrics metrics;
    private final Executor io;
    private final AtomicReference<JsonObject> desired = new AtomicReference<>();
    private final Object swapping = new Object();
    private final Object catchingUp = new Object();
    /** What this member has recorded on disk, by switch id: the last few switches only. */
    private final Map<String, CompletableFuture<Void>> recordings = Collections.synchronizedMap(LastUsed.atMost(16));

    /** {@code io} records the swap on disk after SWITCHED is sent, in that order. */
    MemberSwap(
            RulesLifecycle lifecycle,
            VersionReplication versions,
            SwitchTopic topic,
            SwitchMetrics metrics,
            Executor io) {
        this.lifecycle = lifecycle;
        this.versions = versions;
        this.topic = topic;
        this.metrics = metrics;
        this.io = io;
    }

    /**
     * The cluster's active entry is now {@code record} (signed with the cluster secret); a later swap to
     * any other version is refused.
     */
    void desire(JsonObject record) {
        desired.set(record);
    }

    /** As {@link #desire}, unless an entry is desired already. */
    void desireUnlessSet(JsonObject record) {
        desired.compareAndSet(null, record);
    }

    /**
     * Loads and compiles the desired version when this member is not on it yet, then swaps it in.
     * A failure is logged, and thrown too when {@code joining}.
     */
    void catchUp(boolean joining) {
        synchronized (catchingUp) {
            catchUpNow(joining);
        }
    }

    private void catchUpNow(boolean joining) {
        JsonObject record = desired.get();
        if (record == null) {
            return;
        }
        String id = record.getString("version");
        if (id.equals(currentVersion())) {
            return;
        }
        long started = System.nanoTime();
        try {
            versions.ensureStored(id);
            RuleFiles files = lifecycle.store().load(id);
            if (!files.fullHash().equals(record.getString("fullHash"))) {
                throw new IllegalStateException("its files hash to " + files.fullHash() + ", not to the active entry's "
                        + record.getString("fullHash"));
            }
            swap(record, files, lifecycle.compile(files), started, joining);
        } catch (RuntimeException e) {
            LOG.error("could not adopt the cluster's rules version {}: {}", id, e.toString(), e);
            if (joining) {
                throw e;
            }
        }
    }

    /**
     * Completes once this member has recorded the swap of switch {@code switchId} on disk (activation
     * and audit entry), or has swapped nothing for it: the leader answers a publish only then.
     */
    CompletableFuture<Void> recorded(String switchId) {
        return recordings.computeIfAbsent(switchId, id -> new CompletableFuture<>());
    }

    private void recordedNothing(JsonObject record) {
        String switchId = record.getString("switchId");
        if (switchId != null) {
            recorded(switchId).complete(null);
        }
    }

    /** Swaps {@code rules} in when {@code record} is still the desired entry, answers SWITCHED and records it. */
    void swap(JsonObject record, RuleFiles files, RuleSet rules, long startedNanos, boolean joining) {
        String previous;
        synchronized (swapping) {
            JsonObject latest = desired.get();
            if (latest == null || !latest.getString("version").equals(record.getString("version"))) {
                recordedNothing(record);
                return; // a newer switch came in meanwhile; that one wins
            }
            previous = currentVersion();
            if (!rules.version().equals(previous)) {
                lifecycle.active().activate(rules);
                metrics.markSwitched(System.nanoTime() - startedNanos);
            }
        }
        Instant now = Instant.now();
        long at = rules.version().equals(previous)
                ? now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000
                : metrics.switchedAtMicros();
        topic.sendLater(new JsonObject()
                .put("type", "SWITCHED")
                .put("switchId", record.getString("switchId"))
                .put("member", topic.localId())
                .put("version", rules.version())
                .put("atMicros", at));
        if (rules.version().equals(previous)) {
            recordedNothing(record);
            return;
        }
        io.execute(() -> {
            try {
                record(record, files, previous, rules.version(), joining);
            } finally {
                recordedNothing(record);
            }
        });
    }

    private void record(JsonObject record, RuleFiles files, String previous, String version, boolean joining) {
        try {
            if (joining) {
                lifecycle.recordActivation(
                        files,
                        previous,
                        RulesLifecycle.SYSTEM,
                        "클러스터에 합류하며 활성 버전을 따름",
                        AuditAction.STARTUP,
                        ActivationAction.STARTUP);
            } else {
                lifecycle.recordActivation(
                        files,
                        previous,
                        record.getString("by", RulesLifecycle.SYSTEM),
                        record.getString("note"),
                        AuditAction.valueOf(record.getString("action", "PUBLISH")),
                        ActivationAction.valueOf(record.getString("activation", "PUBLISH")));
            }
        } catch (RuntimeException e) {
            LOG.error("version {} is active here but could not be recorded on disk: {}", version, e.toString(), e);
        }
    }

    /** The version this member decides with now; null before it has one. */
    String currentVersion() {
        return lifecycle.active().current().map(RuleSet::version).orElse(null);
    }
}

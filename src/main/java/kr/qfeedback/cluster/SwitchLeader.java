package kr.qfeedback.cluster;

import com.hazelcast.map.IMap;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.lifecycle.ActivationAction;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.ClusterUnavailableException;
import kr.qfeedback.lifecycle.StoredVersion;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leads a two-phase switch from the member that validated the version: under the cluster lock of the
 * active entry, prepare on every member, then commit by writing the entry, then measure the members' swaps.
 */
final class SwitchLeader {
    /** The rules replication logs under one name, as it always has. */
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRules.class);

    private final IMap<String, String> activeMap;
    private final VersionStore store;
    private final VersionReplication versions;
    private final QuorumGuard guard;
    private final SwitchTopic topic;
    private final SwitchesInFlight inFlight;
    private final SwitchMetrics metrics;
    private final SwitchTimeouts timeouts;
    private final ClusterSecret secret;

    SwitchLeader(
            ClusterSecret secret,
            IMap<String, String> activeMap,
            VersionStore store,
            VersionReplication versions,
            QuorumGuard guard,
            SwitchTopic topic,
            SwitchesInFlight inFlight,
            SwitchMetrics metrics,
            SwitchTimeouts timeouts) {
        this.activeMap = activeMap;
        this.store = store;
        this.versions = versions;
        this.guard = guard;
        this.topic = topic;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.timeouts = timeouts;
        this.secret = secret;
    }

    /**
     * Makes {@code files} the active version on every member, or on none.
     *
     * @throws ClusterUnavailableException {@code NO_QUORUM}, {@code CLUSTER_BUSY} (another switch holds the
     *         lock) or {@code SWITCH_FAILED} (a member could not prepare it in time); nothing changed then
     */
    String switchTo(
            RuleFiles files,
            RuleSet compiled,
            String who,
            String note,
            AuditAction action,
            ActivationAction activation) {
        guard.check();
        long started = System.nanoTime();
        String id = files.version();
        lock();
        String switchId = UUID.randomUUID().toString();
        try {
            guard.check();
            StoredVersion meta = store.store(files, who, Instant.now(), note);
            RuleFiles stored = store.load(id);
            versions.share(meta, stored);
            PendingSwitch wait = new PendingSwitch(topic.memberIds());
            inFlight.lead(switchId, wait);
            inFlight.prepared(switchId, new SwitchesInFlight.Prepared(id, stored, compiled, started));
            topic.send(new JsonObject()
                    .put("type", "PREPARE")
                    .put("switchId", switchId)
                    .put("version", id)
                    .put("fullHash", stored.fullHash())
                    .put("leader", topic.localId()));
            String failure = wait.awaitAcks(timeouts.prepare(), topic::memberIds);
            if (failure != null) {
                abort(switchId);
                throw new ClusterUnavailableException(
                        "SWITCH_FAILED",
                        "Version " + id + " was not activated anywhere: " + failure
                                + ". The previous version stays active on every member.");
            }
            guard.check();
            activeMap.set(
                    ActiveEntry.KEY,
                    ActiveEntry.of(secret, stored.fullHash(), switchId, who, note, action, activation)
                            .encode());
            long committed = System.nanoTime();
            Map<String, Long> switchedAt = wait.awaitSwitched(timeouts.switched(), topic::memberIds);
            long spread = switchedAt.isEmpty()
                    ? 0
                    : switchedAt.values().stream()
                                    .mapToLong(Long::longValue)
                                    .max()
                                    .getAsLong()
                            - switchedAt.values().stream()
                                    .mapToLong(Long::longValue)
                                    .min()
                                    .getAsLong();
            metrics.markLed(spread, System.nanoTime() - started);
            LOG.info(
                    "rules version {} active on {} member(s) ({}): prepare {} ms, commit to all switched {} ms,"
                            + " members switched within {} ms of each other",
                    id,
                    switchedAt.size(),
                    action,
                    (committed - started) / 1_000_000,
                    (System.nanoTime() - committed) / 1_000_000,
                    String.format(Locale.ROOT, "%.3f", spread / 1e3));
            return switchId;
        } catch (SplitBrainProtectionException e) {
            abort(switchId);
            throw guard.refusal();
        } finally {
            inFlight.end(switchId);
            try {
                activeMap.unlock(ActiveEntry.KEY);
            } catch (RuntimeException e) {
                LOG.warn("could not release the cluster lock of the active version: {}", e.toString());
            }
        }
    }

    private void lock() {
        boolean locked;
        try {
            locked = activeMap.tryLock(ActiveEntry.KEY, timeouts.lock().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException(
                    "SWITCH_FAILED", "Interrupted while waiting for the cluster lock.", e);
        } catch (SplitBrainProtectionException e) {
            throw guard.refusal();
        }
        if (!locked) {
            throw new ClusterUnavailableException(
                    "CLUSTER_BUSY",
                    "Another member has been switching the rules version for "
                            + timeouts.lock().toSeconds() + " s; nothing changed. Retry shortly.");
        }
    }

    private void abort(String switchId) {
        inFlight.takePrepared(switchId);
        try {
            topic.send(new JsonObject().put("type", "ABORT").put("switchId", switchId));
        } catch (RuntimeException e) {
            LOG.warn("could not announce that switch {} was aborted: {}", switchId, e.toString());
        }
    }
}

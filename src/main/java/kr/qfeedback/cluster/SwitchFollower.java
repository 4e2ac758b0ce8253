package kr.qfeedback.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Executor;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every member's part in a switch: on PREPARE it stores and compiles the version off the event loop
 * and answers ACK; when the active entry changes (the commit) it swaps the prepared set in, or catches up.
 * It also hands the ACK and SWITCHED answers to the switch this member leads.
 */
final class SwitchFollower {
    /** The rules replication logs under one name, as it always has. */
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRules.class);

    private final RulesLifecycle lifecycle;
    private final VersionReplication versions;
    private final SwitchTopic topic;
    private final SwitchesInFlight inFlight;
    private final MemberSwap swap;
    private final Executor worker;
    private final ClusterSecret secret;

    /** {@code worker} prepares and catches up, one at a time, off Hazelcast's threads. */
    SwitchFollower(
            ClusterSecret secret,
            RulesLifecycle lifecycle,
            VersionReplication versions,
            SwitchTopic topic,
            SwitchesInFlight inFlight,
            MemberSwap swap,
            Executor worker) {
        this.lifecycle = lifecycle;
        this.versions = versions;
        this.topic = topic;
        this.inFlight = inFlight;
        this.swap = swap;
        this.worker = worker;
        this.secret = secret;
    }

    /** From now on this member answers switch messages and follows the active entry of {@code activeMap}. */
    void listen(IMap<String, String> activeMap) {
        topic.listen(this::onMessage);
        activeMap.addEntryListener(new ActiveListener(), ActiveEntry.KEY, true);
    }

    /** A message signed with the cluster secret ({@link SwitchTopic} dropped the others). */
    private void onMessage(JsonObject m) {
        String switchId = m.getString("switchId");
        switch (m.getString("type", "")) {
            case "PREPARE" -> worker.execute(() -> prepare(switchId, m.getString("version"), m.getString("fullHash")));
            case "ACK" -> {
                PendingSwitch p = inFlight.led(switchId);
                if (p != null) {
                    p.ack(m.getString("member"), m.getBoolean("ok", false) ? null : m.getString("error", "failed"));
                }
            }
            case "SWITCHED" -> {
                PendingSwitch p = inFlight.led(switchId);
                if (p != null) {
                    p.switched(m.getString("member"), m.getLong("atMicros", 0L));
                }
            }
            case "ABORT" -> inFlight.takePrepared(switchId);
            default -> LOG.warn("ignored an unknown cluster rules message");
        }
    }

    private void prepare(String switchId, String id, String fullHash) {
        long started = System.nanoTime();
        JsonObject ack =
                new JsonObject().put("type", "ACK").put("switchId", switchId).put("member", topic.localId());
        try {
            if (!inFlight.isPrepared(switchId)) {
                versions.ensureStored(id);
                RuleFiles files = lifecycle.store().load(id);
                if (!files.fullHash().equals(fullHash)) {
                    throw new IllegalStateException(
                            "its files hash to " + files.fullHash() + ", not to the switch's " + fullHash);
                }
                RuleSet rules = lifecycle.compile(files);
                lifecycle.prewarm(rules);
                inFlight.prepared(switchId, new SwitchesInFlight.Prepared(id, files, rules, started));
            }
            ack.put("ok", true);
        } catch (RuntimeException e) {
            LOG.error("could not prepare rules version {} on this member: {}", id, e.toString(), e);
            ack.put("ok", false)
                    .put("error", "member " + topic.localId() + " could not prepare it (" + e.getMessage() + ")");
        }
        topic.sendLater(ack);
    }

    /**
     * Commit: on a Hazelcast event thread. A prepared set is swapped in at once; anything else catches
     * up off it. An entry not signed with the cluster secret is ignored (and logged).
     */
    private void onActive(String json) {
        JsonObject record = ActiveEntry.verified(secret, json);
        if (record == null) {
            return;
        }
        swap.desire(record);
        SwitchesInFlight.Prepared ready = inFlight.takePrepared(record.getString("switchId", ""));
        if (ready != null && ready.files().fullHash().equals(record.getString("fullHash"))) {
            swap.swap(record, ready.files(), ready.rules(), ready.startedNanos(), false);
        } else {
            worker.execute(() -> swap.catchUp(false));
        }
    }

    private final class ActiveListener
            implements EntryAddedListener<String, String>,
                    EntryUpdatedListener<String, String>,
                    EntryMergedListener<String, String> {
        @Override
        public void entryAdded(EntryEvent<String, String> event) {
            onActive(event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) {
            onActive(event.getValue());
        }

        @Override
        public void entryMerged(EntryEvent<String, String> event) {
            onActive(event.getValue());
        }
    }
}

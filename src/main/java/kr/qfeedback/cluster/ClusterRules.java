package kr.qfeedback.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.splitbrainprotection.SplitBrainProtection;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.hazelcast.topic.ITopic;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kr.qfeedback.lifecycle.ActivationAction;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.ClusterUnavailableException;
import kr.qfeedback.lifecycle.Replication;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.StoredVersion;
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
 */
final class ClusterRules implements Replication {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRules.class);
    static final String ACTIVE_KEY = "active";
    private static final long PREPARE_TIMEOUT_SECONDS = 120;
    private static final long LOCK_TIMEOUT_SECONDS = 60;
    private static final long SWITCHED_TIMEOUT_SECONDS = 10;

    private final HazelcastInstance hz;
    private final RulesLifecycle lifecycle;
    private final int quorum;
    private final IMap<String, byte[]> versions;
    private final IMap<String, String> activeMap;
    private final ITopic<String> topic;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("qf-cluster-rules"));
    private final ExecutorService io = Executors.newSingleThreadExecutor(daemon("qf-cluster-io"));
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicReference<JsonObject> desired = new AtomicReference<>();
    private final Object swapping = new Object();
    private final Object catchingUp = new Object();

    private volatile double lastSwitchSeconds = Double.NaN;
    private volatile double lastWindowSeconds = Double.NaN;
    private volatile long switchedAtMicros;
    private final AtomicLong switches = new AtomicLong();

    private record Prepared(String id, RuleFiles files, RuleSet rules, long startedNanos) {
    }

    ClusterRules(HazelcastInstance hz, RulesLifecycle lifecycle, int quorum) {
        this.hz = hz;
        this.lifecycle = lifecycle;
        this.quorum = quorum;
        this.versions = hz.getMap(ClusterSettings.VERSIONS_MAP);
        this.activeMap = hz.getMap(ClusterSettings.ACTIVE_MAP);
        this.topic = hz.getTopic(ClusterSettings.SWITCH_TOPIC);
    }

    // ---------------------------------------------------------------- joining

    /**
     * Brings this member onto the cluster's active version: adopts it when the cluster has one
     * (whatever this node's rules folder holds), otherwise runs {@code seed} (the single-node start:
     * the rules folder after every check) and makes its result the cluster's active version.
     */
    RuleSet join(Supplier<RuleSet> seed) {
        topic.addMessageListener(message -> onMessage(message.getMessageObject()));
        activeMap.addEntryListener(new ActiveListener(), ACTIVE_KEY, true);
        pullVersions();
        activeMap.lock(ACTIVE_KEY);
        try {
            String json = activeMap.get(ACTIVE_KEY);
            if (json == null) {
                RuleSet rules = seed.get();
                pushVersions();
                JsonObject record = activeRecord(rules.version(), "seed-" + UUID.randomUUID(), RulesLifecycle.SYSTEM,
                        "클러스터를 시작한 구성원의 규칙", AuditAction.STARTUP, ActivationAction.STARTUP);
                desired.set(record);
                activeMap.set(ACTIVE_KEY, record.encode());
                markSwitched(0);
                LOG.info("this member started the cluster's rules on version {}", rules.version());
                return rules;
            }
            desired.compareAndSet(null, new JsonObject(json));
        } finally {
            activeMap.unlock(ACTIVE_KEY);
        }
        catchUp(true);
        pushVersions();
        RuleSet rules = lifecycle.active().current().orElseThrow(() -> new IllegalStateException(
                "the cluster's active version could not be adopted"));
        LOG.info("this member joined the cluster on its active version {}", rules.version());
        return rules;
    }

    /** After a split heals, the merged cluster's active entry wins: adopt it. */
    void resync() {
        worker.execute(() -> {
            try {
                String json = activeMap.get(ACTIVE_KEY);
                if (json != null) {
                    desired.set(new JsonObject(json));
                    catchUp(false);
                }
                pushVersions();
            } catch (RuntimeException e) {
                LOG.warn("could not re-read the active version after the cluster merged: {}", e.toString());
            }
        });
    }

    // ---------------------------------------------------------------- Replication

    @Override
    public void checkCanChange() {
        int members = hz.getCluster().getMembers().size();
        if (members < quorum) {
            throw noQuorum(members);
        }
        if (quorum <= 1) {
            return; // a cluster of one: no split-brain protection is configured
        }
        SplitBrainProtection protection = hz.getSplitBrainProtectionService().getSplitBrainProtection(ClusterSettings.QUORUM);
        if (!protection.hasMinimumSize()) {
            throw noQuorum(members);
        }
    }

    private ClusterUnavailableException noQuorum(int members) {
        String version = lifecycle.active().current().map(RuleSet::version).orElse("none");
        return new ClusterUnavailableException("NO_QUORUM", "This member sees " + members + " cluster member(s) but a rules"
                + " change needs " + quorum + " (a majority of the configured members), so it may not publish or roll back now."
                + " It keeps deciding with version " + version + "; retry when the cluster is whole again.");
    }

    @Override
    public void ensureStored(String version) {
        VersionStore store = lifecycle.store();
        if (store.find(version).isPresent()) {
            return;
        }
        byte[] value = versions.get(version);
        if (value == null) {
            return; // the store's load then names the versions it knows
        }
        VersionCodec.Decoded decoded = VersionCodec.decode(value);
        Path temp = null;
        try {
            temp = Files.createTempDirectory(store.dataDir(), ".incoming-");
            for (Map.Entry<String, byte[]> file : decoded.files().entrySet()) {
                Path target = temp.resolve(file.getKey()).normalize();
                if (!target.startsWith(temp) || target.equals(temp)) {
                    throw new IllegalStateException("version " + version + " names a file outside its folder");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            RuleFiles files = RuleFiles.read(temp);
            if (!files.version().equals(version)) {
                throw new IllegalStateException("the cluster's copy of version " + version + " hashes to " + files.version());
            }
            store.store(files, decoded.publishedBy(), decoded.publishedAt(), decoded.note());
            LOG.info("copied rules version {} from the cluster to this member's disk", version);
        } catch (IOException e) {
            throw new IllegalStateException("version " + version + " could not be copied to " + store.dataDir() + ": " + e, e);
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    @Override
    public void activateEverywhere(RuleFiles files, RuleSet compiled, String who, String note, AuditAction action,
                                   ActivationAction activation) {
        checkCanChange();
        long started = System.nanoTime();
        String id = files.version();
        boolean locked;
        try {
            locked = activeMap.tryLock(ACTIVE_KEY, LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("SWITCH_FAILED", "Interrupted while waiting for the cluster lock.", e);
        } catch (SplitBrainProtectionException e) {
            throw noQuorum(hz.getCluster().getMembers().size());
        }
        if (!locked) {
            throw new ClusterUnavailableException("CLUSTER_BUSY", "Another member has been switching the rules version for "
                    + LOCK_TIMEOUT_SECONDS + " s; nothing changed. Retry shortly.");
        }
        String switchId = UUID.randomUUID().toString();
        try {
            checkCanChange();
            StoredVersion meta = lifecycle.store().store(files, who, Instant.now(), note);
            RuleFiles stored = lifecycle.store().load(id);
            versions.set(id, VersionCodec.encode(id, meta.publishedAt(), meta.publishedBy(), meta.note(), stored.files()));
            Pending wait = new Pending(memberIds());
            pending.put(switchId, wait);
            prepared.put(switchId, new Prepared(id, stored, compiled, started));
            topic.publish(new JsonObject().put("type", "PREPARE").put("switchId", switchId).put("version", id)
                    .put("leader", localId()).encode());
            String failure = wait.awaitAcks(TimeUnit.SECONDS.toNanos(PREPARE_TIMEOUT_SECONDS), this::memberIds);
            if (failure != null) {
                abort(switchId);
                throw new ClusterUnavailableException("SWITCH_FAILED", "Version " + id + " was not activated anywhere: "
                        + failure + ". The previous version stays active on every member.");
            }
            checkCanChange();
            activeMap.set(ACTIVE_KEY, activeRecord(id, switchId, who, note, action, activation).encode());
            long committed = System.nanoTime();
            Map<String, Long> switchedAt = wait.awaitSwitched(TimeUnit.SECONDS.toNanos(SWITCHED_TIMEOUT_SECONDS), this::memberIds);
            long spread = switchedAt.isEmpty() ? 0
                    : switchedAt.values().stream().mapToLong(Long::longValue).max().getAsLong()
                    - switchedAt.values().stream().mapToLong(Long::longValue).min().getAsLong();
            lastWindowSeconds = spread / 1e6;
            lastSwitchSeconds = (System.nanoTime() - started) / 1e9;
            LOG.info("rules version {} active on {} member(s) ({}): prepare {} ms, commit to all switched {} ms,"
                            + " members switched within {} ms of each other", id, switchedAt.size(), action,
                    (committed - started) / 1_000_000, (System.nanoTime() - committed) / 1_000_000,
                    String.format(java.util.Locale.ROOT, "%.3f", spread / 1e3));
        } catch (SplitBrainProtectionException e) {
            abort(switchId);
            throw noQuorum(hz.getCluster().getMembers().size());
        } finally {
            pending.remove(switchId);
            prepared.remove(switchId);
            try {
                activeMap.unlock(ACTIVE_KEY);
            } catch (RuntimeException e) {
                LOG.warn("could not release the cluster lock of the active version: {}", e.toString());
            }
        }
    }

    private void abort(String switchId) {
        prepared.remove(switchId);
        try {
            topic.publish(new JsonObject().put("type", "ABORT").put("switchId", switchId).encode());
        } catch (RuntimeException e) {
            LOG.warn("could not announce that switch {} was aborted: {}", switchId, e.toString());
        }
    }

    // ---------------------------------------------------------------- every member

    private void onMessage(String text) {
        JsonObject m = new JsonObject(text);
        String switchId = m.getString("switchId");
        switch (m.getString("type", "")) {
            case "PREPARE" -> worker.execute(() -> prepare(switchId, m.getString("version")));
            case "ACK" -> {
                Pending p = pending.get(switchId);
                if (p != null) {
                    p.ack(m.getString("member"), m.getBoolean("ok", false) ? null : m.getString("error", "failed"));
                }
            }
            case "SWITCHED" -> {
                Pending p = pending.get(switchId);
                if (p != null) {
                    p.switched(m.getString("member"), m.getLong("atMicros", 0L));
                }
            }
            case "ABORT" -> prepared.remove(switchId);
            default -> LOG.warn("ignored an unknown cluster rules message");
        }
    }

    private void prepare(String switchId, String id) {
        long started = System.nanoTime();
        JsonObject ack = new JsonObject().put("type", "ACK").put("switchId", switchId).put("member", localId());
        try {
            if (!prepared.containsKey(switchId)) {
                ensureStored(id);
                RuleFiles files = lifecycle.store().load(id);
                RuleSet rules = lifecycle.compile(files);
                lifecycle.prewarm(rules);
                prepared.put(switchId, new Prepared(id, files, rules, started));
            }
            ack.put("ok", true);
        } catch (RuntimeException e) {
            LOG.error("could not prepare rules version {} on this member: {}", id, e.toString(), e);
            ack.put("ok", false).put("error", "member " + localId() + " could not prepare it (" + e.getMessage() + ")");
        }
        io.execute(() -> publishQuietly(ack));
    }

    private final class ActiveListener implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String>,
            EntryMergedListener<String, String> {
        @Override
        public void entryAdded(com.hazelcast.core.EntryEvent<String, String> event) {
            onActive(event.getValue());
        }

        @Override
        public void entryUpdated(com.hazelcast.core.EntryEvent<String, String> event) {
            onActive(event.getValue());
        }

        @Override
        public void entryMerged(com.hazelcast.core.EntryEvent<String, String> event) {
            onActive(event.getValue());
        }
    }

    /** Commit: on a Hazelcast event thread. A prepared set is swapped in at once; anything else catches up off it. */
    private void onActive(String json) {
        if (json == null) {
            return;
        }
        JsonObject record = new JsonObject(json);
        desired.set(record);
        Prepared ready = prepared.remove(record.getString("switchId", ""));
        if (ready != null && ready.id().equals(record.getString("version"))) {
            swap(record, ready.files(), ready.rules(), ready.startedNanos(), false);
        } else {
            worker.execute(() -> catchUp(false));
        }
    }

    /** Loads and compiles the desired version when this member is not on it yet, then swaps it in. */
    private void catchUp(boolean joining) {
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
            ensureStored(id);
            RuleFiles files = lifecycle.store().load(id);
            swap(record, files, lifecycle.compile(files), started, joining);
        } catch (RuntimeException e) {
            LOG.error("could not adopt the cluster's rules version {}: {}", id, e.toString(), e);
            if (joining) {
                throw e;
            }
        }
    }

    private void swap(JsonObject record, RuleFiles files, RuleSet rules, long startedNanos, boolean joining) {
        String previous;
        synchronized (swapping) {
            JsonObject latest = desired.get();
            if (latest == null || !latest.getString("version").equals(record.getString("version"))) {
                return; // a newer switch came in meanwhile; that one wins
            }
            previous = currentVersion();
            if (!rules.version().equals(previous)) {
                lifecycle.active().activate(rules);
                markSwitched(System.nanoTime() - startedNanos);
            }
        }
        Instant now = Instant.now();
        long at = rules.version().equals(previous) ? now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000 : switchedAtMicros;
        JsonObject switched = new JsonObject().put("type", "SWITCHED").put("switchId", record.getString("switchId"))
                .put("member", localId()).put("version", rules.version()).put("atMicros", at);
        io.execute(() -> publishQuietly(switched));
        if (rules.version().equals(previous)) {
            return;
        }
        io.execute(() -> {
            try {
                if (joining) {
                    lifecycle.recordActivation(files, previous, RulesLifecycle.SYSTEM, "클러스터에 합류하며 활성 버전을 따름",
                            AuditAction.STARTUP, ActivationAction.STARTUP);
                } else {
                    lifecycle.recordActivation(files, previous, record.getString("by", RulesLifecycle.SYSTEM),
                            record.getString("note"), AuditAction.valueOf(record.getString("action", "PUBLISH")),
                            ActivationAction.valueOf(record.getString("activation", "PUBLISH")));
                }
            } catch (RuntimeException e) {
                LOG.error("version {} is active here but could not be recorded on disk: {}", rules.version(), e.toString(), e);
            }
        });
    }

    private void markSwitched(long nanos) {
        Instant now = Instant.now();
        switchedAtMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        lastSwitchSeconds = nanos / 1e9;
        switches.incrementAndGet();
    }

    // ---------------------------------------------------------------- versions on disk and in the cluster

    /** Every version the cluster holds that this member's disk lacks is copied to it. */
    private void pullVersions() {
        for (String id : versions.keySet()) {
            try {
                ensureStored(id);
            } catch (RuntimeException e) {
                LOG.warn("could not copy version {} from the cluster: {}", id, e.toString());
            }
        }
    }

    /** Every version on this member's disk that the cluster lacks is offered to it (a full restart recovers them). */
    private void pushVersions() {
        VersionStore store = lifecycle.store();
        for (StoredVersion v : store.versions()) {
            try {
                if (!versions.containsKey(v.id())) {
                    versions.putIfAbsent(v.id(), VersionCodec.encode(v.id(), v.publishedAt(), v.publishedBy(), v.note(),
                            store.load(v.id()).files()));
                }
            } catch (RuntimeException e) {
                LOG.warn("could not offer version {} to the cluster: {}", v.id(), e.toString());
            }
        }
    }

    // ---------------------------------------------------------------- helpers and metrics

    private static JsonObject activeRecord(String id, String switchId, String who, String note, AuditAction action,
                                           ActivationAction activation) {
        return new JsonObject().put("version", id).put("switchId", switchId).put("by", who).put("note", note)
                .put("action", action.name()).put("activation", activation.name()).put("at", Instant.now().toString());
    }

    private String currentVersion() {
        return lifecycle.active().current().map(RuleSet::version).orElse(null);
    }

    private String localId() {
        return hz.getCluster().getLocalMember().getUuid().toString();
    }

    private Set<String> memberIds() {
        return hz.getCluster().getMembers().stream().map(Member::getUuid).map(UUID::toString)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private void publishQuietly(JsonObject message) {
        try {
            topic.publish(message.encode());
        } catch (RuntimeException e) {
            LOG.warn("could not send {} for switch {}: {}", message.getString("type"), message.getString("switchId"), e.toString());
        }
    }

    double lastSwitchSeconds() {
        return lastSwitchSeconds;
    }

    double lastWindowSeconds() {
        return lastWindowSeconds;
    }

    long switchedAtMicros() {
        return switchedAtMicros;
    }

    long switches() {
        return switches.get();
    }

    int quorum() {
        return quorum;
    }

    void close() {
        worker.shutdownNow();
        io.shutdown();
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("could not remove {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", dir, e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The leader's view of one switch: which members acknowledged the prepare and when each swapped. */
    private static final class Pending {
        private final Set<String> expected;
        private final Map<String, String> acks = new HashMap<>();
        private final Map<String, Long> switched = new HashMap<>();

        Pending(Set<String> expected) {
            this.expected = expected;
        }

        synchronized void ack(String member, String error) {
            acks.put(member, error == null ? "" : error);
            notifyAll();
        }

        synchronized void switched(String member, long atMicros) {
            switched.put(member, atMicros);
            notifyAll();
        }

        /** Null when every member still in the cluster prepared; otherwise why not. */
        synchronized String awaitAcks(long timeoutNanos, Supplier<Set<String>> alive) {
            long deadline = System.nanoTime() + timeoutNanos;
            while (true) {
                for (String error : acks.values()) {
                    if (!error.isEmpty()) {
                        return error;
                    }
                }
                Set<String> wanted = new HashSet<>(expected);
                wanted.retainAll(alive.get());
                if (acks.keySet().containsAll(wanted)) {
                    return null;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    wanted.removeAll(acks.keySet());
                    return "member(s) " + wanted + " did not prepare it within " + PREPARE_TIMEOUT_SECONDS + " s";
                }
                try {
                    wait(Math.min(100, Math.max(1, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted while waiting for the members to prepare";
                }
            }
        }

        /** The instants (µs) at which the members still in the cluster swapped, once all did or the time is up. */
        synchronized Map<String, Long> awaitSwitched(long timeoutNanos, Supplier<Set<String>> alive) {
            long deadline = System.nanoTime() + timeoutNanos;
            while (true) {
                Set<String> wanted = new HashSet<>(expected);
                wanted.retainAll(alive.get());
                long left = deadline - System.nanoTime();
                if (switched.keySet().containsAll(wanted) || left <= 0) {
                    return new HashMap<>(switched);
                }
                try {
                    wait(Math.min(100, Math.max(1, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new HashMap<>(switched);
                }
            }
        }
    }
}

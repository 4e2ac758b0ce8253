package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.BadAttributeValueExpException;
import kr.qfeedback.lifecycle.ActivationAction;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster trusts only its members, on real Hazelcast members in this JVM: a process without the
 * cluster secret never joins, and what a process that got in without it writes is ignored.
 */
class ClusterTrustTest {
    private static final int QUORUM = 2;

    @RegisterExtension
    final LocalMembers members = new LocalMembers();

    @TempDir
    Path temp;

    @Test
    @Timeout(180)
    void aMemberWithAnotherSecretNeverJoinsAndCanNeitherReadNorChangeTheClustersRules() throws Exception {
        HazelcastInstance hzA = members.start(members.config(QUORUM, List.of()));
        HazelcastInstance hzB = members.start(members.config(QUORUM, List.of(LocalMembers.address(hzA))));
        LocalMembers.awaitQuorum(hzA, hzB);
        RulesLifecycle a = LocalMembers.lifecycle(temp.resolve("a"));
        RulesLifecycle b = LocalMembers.lifecycle(temp.resolve("b"));
        ClusterRules rulesA = rules(hzA, a, QUORUM, members.secret());
        String v1 = rulesA.join(() -> a.start(RuleFiles.read(LocalMembers.RULES), false))
                .version();
        rules(hzB, b, QUORUM, members.secret()).join(LocalMembers::noSeed);

        // The outsider knows where the members are, but has another secret.
        ClusterSecret other = LocalMembers.newSecret();
        Config outsiderConfig = new ClusterSettings(List.of(), 0, "127.0.0.1", 1, other).hazelcastConfig();
        outsiderConfig
                .getNetworkConfig()
                .getJoin()
                .getTcpIpConfig()
                .setEnabled(true)
                .setMembers(List.of(LocalMembers.address(hzA), LocalMembers.address(hzB)));
        HazelcastInstance outsider = members.start(outsiderConfig.setProperty("hazelcast.max.join.seconds", "5"));

        assertNotEquals(hzA.getConfig().getClusterName(), outsider.getConfig().getClusterName());
        assertTrue(outsider.getConfig().getClusterName().matches("q-feedback-[0-9a-f]{32}"));
        assertEquals(2, hzA.getCluster().getMembers().size(), "the outsider is not a member");
        assertEquals(1, outsider.getCluster().getMembers().size(), "the outsider is alone in a cluster of its own");
        assertNull(
                outsider.<String, String>getMap(ClusterSettings.ACTIVE_MAP).get(ClusterRules.ACTIVE_KEY),
                "the outsider cannot read the cluster's active version");
        // What the outsider publishes stays in its own cluster of one.
        RulesLifecycle o = LocalMembers.lifecycle(temp.resolve("outsider"));
        ClusterRules rulesO = rules(outsider, o, 1, other);
        rulesO.join(() -> o.start(RuleFiles.read(LocalMembers.RULES), false));
        RuleFiles v2 = LocalMembers.editedRules(temp.resolve("v2"), "the outsider's version");
        rulesO.activateEverywhere(
                v2, o.compile(v2), "outsider", "outsider's publish", AuditAction.PUBLISH, ActivationAction.PUBLISH);

        assertEquals(v2.version(), LocalMembers.activeVersion(o));
        assertEquals(v1, LocalMembers.activeVersion(a), "the cluster's active version is unchanged");
        assertEquals(v1, LocalMembers.activeVersion(b), "the cluster's active version is unchanged");
        assertFalse(hzA.getMap(ClusterSettings.VERSIONS_MAP).containsKey(v2.version()));
        assertTrue(b.store().find(v2.version()).isEmpty());
        assertEquals(2, hzB.getCluster().getMembers().size());
    }

    @Test
    @Timeout(180)
    void aVersionActiveEntryOrSwitchMessageWithoutAValidSignatureIsIgnoredAndTheActiveVersionStays() throws Exception {
        HazelcastInstance hzA = members.start(members.config(QUORUM, List.of()));
        HazelcastInstance hzB = members.start(members.config(QUORUM, List.of(LocalMembers.address(hzA))));
        LocalMembers.awaitQuorum(hzA, hzB);
        RulesLifecycle a = LocalMembers.lifecycle(temp.resolve("a"));
        RulesLifecycle b = LocalMembers.lifecycle(temp.resolve("b"));
        ClusterRules rulesA = rules(hzA, a, QUORUM, members.secret());
        ClusterRules rulesB = rules(hzB, b, QUORUM, members.secret());
        String v1 = rulesA.join(() -> a.start(RuleFiles.read(LocalMembers.RULES), false))
                .version();
        rulesB.join(LocalMembers::noSeed);
        await(
                "member B recorded version 1",
                () -> b.store().activeVersion().filter(v1::equals).isPresent());
        RuleFiles v2 = LocalMembers.editedRules(temp.resolve("v2"), "an intruder's version");
        String id = v2.version();
        // An intruder that learnt the cluster's name (it travels in clear) joins, but has not the secret.
        HazelcastInstance intruder = members.start(members.config(QUORUM, List.of(LocalMembers.address(hzA))));
        await("the intruder joined", () -> hzA.getCluster().getMembers().size() == 3);
        ClusterSecret wrong = LocalMembers.newSecret();

        try (LogLines log = new LogLines()) {
            intruder.<String, byte[]>getMap(ClusterSettings.VERSIONS_MAP)
                    .set(id, VersionCodec.encode(wrong, v2.fullHash(), Instant.now(), "intruder", null, v2.files()));
            intruder.<String>getTopic(ClusterSettings.SWITCH_TOPIC)
                    .publish(new SwitchTopic(intruder, wrong, Runnable::run)
                            .signed(new JsonObject()
                                    .put("type", "PREPARE")
                                    .put("switchId", "intruder-prepare")
                                    .put("version", id)
                                    .put("fullHash", v2.fullHash())));
            log.await("ignored a rules switch message about version " + id, 2);

            IMap<String, String> active = intruder.getMap(ClusterSettings.ACTIVE_MAP);
            JsonObject entry = ActiveEntry.of(
                    wrong,
                    v2.fullHash(),
                    "intruder-1",
                    "intruder",
                    null,
                    AuditAction.PUBLISH,
                    ActivationAction.PUBLISH);
            active.set(ActiveEntry.KEY, entry.encode());
            String ignoredEntry = "ignored the cluster's active rules entry naming version " + id;
            log.await(ignoredEntry, 2);
            entry.remove("mac");
            active.set(ActiveEntry.KEY, entry.put("switchId", "intruder-2").encode());
            log.await(ignoredEntry, 4);

            // A member copying the cluster's versions (as when it joins) leaves the unsigned copy alone.
            new VersionReplication(hzB.getMap(ClusterSettings.VERSIONS_MAP), b.store(), members.secret()).pullAll();
            log.await("ignored the cluster's copy of rules version " + id, 1);
        }

        assertEquals(v1, LocalMembers.activeVersion(a), "the active version is unchanged");
        assertEquals(v1, LocalMembers.activeVersion(b), "the active version is unchanged");
        assertEquals(v1, a.store().activeVersion().orElseThrow());
        assertEquals(v1, b.store().activeVersion().orElseThrow());
        assertTrue(a.store().find(id).isEmpty(), "member A never fetched the intruder's version");
        assertTrue(b.store().find(id).isEmpty(), "member B never fetched the intruder's version");
    }

    @Test
    @Timeout(120)
    void javaDeserialisationAdmitsTheProjectsClassesAndExceptionsButRefusesAForeignClass() {
        HazelcastInstance hz = members.start(members.config(1, List.of()));
        IMap<String, Object> map = hz.getMap("qf-test-serialisation");

        map.set("exception", new IllegalStateException("what a member answers another with"));
        map.set("records", new RecordBlocks.Append(new byte[] {'{', '}', '\n'}));
        map.set("gadget", new BadAttributeValueExpException("the entry point of a known gadget chain"));

        assertEquals(
                "what a member answers another with",
                assertInstanceOf(IllegalStateException.class, map.get("exception"))
                        .getMessage());
        assertInstanceOf(RecordBlocks.Append.class, map.get("records"), "the records a member appends on another");
        HazelcastSerializationException refused =
                assertThrows(HazelcastSerializationException.class, () -> map.get("gadget"));
        SecurityException cause = assertInstanceOf(SecurityException.class, refused.getCause());
        assertEquals(
                "Resolving class javax.management.BadAttributeValueExpException is not allowed.", cause.getMessage());
    }

    private ClusterRules rules(HazelcastInstance hz, RulesLifecycle lifecycle, int quorum, ClusterSecret secret) {
        ClusterRules rules = new ClusterRules(hz, lifecycle, quorum, secret);
        members.closing(rules::close);
        return rules;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}

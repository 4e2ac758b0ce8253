package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import kr.qfeedback.ServiceConfig;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.lifecycle.AuditLog;
import kr.qfeedback.lifecycle.ClusterUnavailableException;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.rules.ActiveRuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One member of three configured, alone (the minority side of a split): no publish, decisions still recorded. */
class MinorityTest {

    @Test
    @Timeout(120)
    void aMinorityMayNotChangeTheRulesButKeepsRecordingDecisions(@TempDir Path data) throws Exception {
        // Three members configured, so a quorum of two; the other two (ports where nothing listens) never come.
        ClusterSettings threeMembers = ConfiguredSettings.of(ServiceConfig.fromEnvironment(Map.of(
                "QF_CLUSTER_MEMBERS",
                "127.0.0.1:5701,127.0.0.1:5702,127.0.0.1:5703",
                "QF_CLUSTER_PORT",
                "5701",
                "QF_CLUSTER_SECRET",
                "0123456789abcdef0123456789abcdef")));
        assertEquals(2, threeMembers.quorum());
        try (LocalMembers members = new LocalMembers()) {
            HazelcastInstance hz =
                    members.start(members.config(threeMembers.quorum(), List.of("127.0.0.1:1", "127.0.0.1:2")));
            ClusterSettings settings = threeMembers;
            RulesLifecycle lifecycle = new RulesLifecycle(
                    new ActiveRuleSet(),
                    VersionStore.open(data),
                    AuditLog.open(data),
                    new AcceptanceGate(data.resolve("features")),
                    Clock.systemUTC());
            ClusterRules rules = new ClusterRules(hz, lifecycle, settings.quorum(), members.secret());
            ClusterUnavailableException refused =
                    assertThrows(ClusterUnavailableException.class, rules::checkCanChange);
            assertEquals("NO_QUORUM", refused.code());
            // Hazelcast itself refuses writes to the rules maps without the quorum, whoever tries.
            assertThrows(
                    SplitBrainProtectionException.class,
                    () -> hz.<String, String>getMap(ClusterSettings.ACTIVE_MAP).set(ClusterRules.ACTIVE_KEY, "{}"));
            assertThrows(
                    SplitBrainProtectionException.class,
                    () -> hz.<String, byte[]>getMap(ClusterSettings.VERSIONS_MAP)
                            .set("000000000000", new byte[1]));
            String records = RecordGenerations.PREFIX + "lone-member.0";
            hz.<String, String>getMap(records).set("d-1", "{}");
            assertEquals("{}", hz.<String, String>getMap(records).get("d-1"));
        }
    }
}

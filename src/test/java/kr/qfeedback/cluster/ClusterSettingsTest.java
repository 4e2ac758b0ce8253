package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import java.util.Map;
import kr.qfeedback.ServiceConfig;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static final String SECRET = "3f9a0c1d5e7b2a4c6d8e0f1a3b5c7d9e";

    private static ClusterSettings settings(String members, String port) {
        return ConfiguredSettings.of(ServiceConfig.fromEnvironment(
                members == null
                        ? Map.of("QF_CLUSTER_PORT", port)
                        : Map.of("QF_CLUSTER_MEMBERS", members, "QF_CLUSTER_PORT", port, "QF_CLUSTER_SECRET", SECRET)));
    }

    private static IllegalArgumentException refusal(Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> ServiceConfig.fromEnvironment(env));
    }

    @Test
    void membersWithoutASecretRefuseToStartNamingTheVariable() {
        IllegalArgumentException missing = refusal(Map.of("QF_CLUSTER_MEMBERS", "127.0.0.1:5801,127.0.0.1:5802"));
        assertTrue(missing.getMessage().startsWith("QF_CLUSTER_MEMBERS is set, so QF_CLUSTER_SECRET is required"));
        IllegalArgumentException blank =
                refusal(Map.of("QF_CLUSTER_MEMBERS", "127.0.0.1:5801", "QF_CLUSTER_SECRET", "  "));
        assertEquals(missing.getMessage(), blank.getMessage());
    }

    @Test
    void aSecretUnder128BitsOrNotHexOrBase64IsRefusedWithoutShowingIt() {
        String shortHex = "3f9a0c1d5e7b2a4c6d8e0f1a3b5c7d9"; // 31 hex digits: 124 bits
        IllegalArgumentException tooShort =
                refusal(Map.of("QF_CLUSTER_MEMBERS", "127.0.0.1:5801", "QF_CLUSTER_SECRET", shortHex));
        assertTrue(tooShort.getMessage().startsWith("QF_CLUSTER_SECRET is too short"), tooShort.getMessage());
        assertFalse(tooShort.getMessage().contains(shortHex));
        String shortBase64 = "c2VjcmV0LXNlY3JldC1zZ"; // 21 characters: 126 bits
        assertTrue(
                refusal(Map.of("QF_CLUSTER_SECRET", shortBase64)).getMessage().contains("too short"));
        String words = "correct horse battery staple and more words";
        IllegalArgumentException notEncoded =
                refusal(Map.of("QF_CLUSTER_MEMBERS", "127.0.0.1:5801", "QF_CLUSTER_SECRET", words));
        assertTrue(notEncoded.getMessage().startsWith("QF_CLUSTER_SECRET must be written as hex or base64"));
        assertFalse(notEncoded.getMessage().contains(words));

        ServiceConfig base64 = ServiceConfig.fromEnvironment(
                Map.of("QF_CLUSTER_MEMBERS", "127.0.0.1:5801", "QF_CLUSTER_SECRET", "c2VjcmV0LXNlY3JldC1zZQ=="));
        assertFalse(base64.toString().contains("c2VjcmV0LXNlY3JldC1zZQ"), "the secret is never shown");
        ServiceConfig hex = ServiceConfig.fromEnvironment(Map.of("QF_CLUSTER_SECRET", SECRET));
        assertFalse(hex.toString().contains(SECRET), "the secret is never shown");
    }

    @Test
    void theClusterNameIsDerivedFromTheSecretSoOnlyMembersWithItShareOne() {
        String name = settings("127.0.0.1:5801,127.0.0.1:5802", "5801")
                .hazelcastConfig()
                .getClusterName();
        assertTrue(name.matches("q-feedback-[0-9a-f]{32}"), name);
        assertFalse(name.contains(SECRET));
        assertEquals(
                name,
                settings("127.0.0.1:5801,127.0.0.1:5802", "5802")
                        .hazelcastConfig()
                        .getClusterName());
        ServiceConfig other = ServiceConfig.fromEnvironment(
                Map.of("QF_CLUSTER_MEMBERS", "127.0.0.1:5801", "QF_CLUSTER_SECRET", SECRET.replace('3', '4')));
        assertNotEquals(name, ConfiguredSettings.of(other).hazelcastConfig().getClusterName());
        // A cluster of one without a secret makes one up: no other process can ask to join it.
        assertNotEquals(
                settings(null, "5701").hazelcastConfig().getClusterName(),
                settings(null, "5701").hazelcastConfig().getClusterName());
    }

    @Test
    void withoutMembersItIsAClusterOfOneOnLoopbackThatJoinsNoOne() {
        ClusterSettings single = settings(null, "5701");
        assertTrue(single.single());
        assertEquals(1, single.quorum());
        assertEquals("127.0.0.1", single.bindHost());
        Config config = single.hazelcastConfig();
        JoinConfig join = config.getNetworkConfig().getJoin();
        assertFalse(join.getMulticastConfig().isEnabled());
        assertFalse(join.getTcpIpConfig().isEnabled());
        assertFalse(join.getAutoDetectionConfig().isEnabled());
        assertEquals("false", config.getProperty("hazelcast.socket.bind.any"));
        assertTrue(config.getNetworkConfig().getInterfaces().getInterfaces().contains("127.0.0.1"));
        assertEquals(
                null,
                config.getMapConfig(ClusterSettings.ACTIVE_MAP).getSplitBrainProtectionName(),
                "a cluster of one cannot be a minority");
    }

    @Test
    void membersJoinByTcpIpOnlyAndPublishNeedsAMajority() {
        ClusterSettings three = settings("127.0.0.1:5801, 127.0.0.1:5802,127.0.0.1:5803", "5802");
        assertEquals(2, three.quorum());
        assertEquals("127.0.0.1", three.bindHost());
        Config config = three.hazelcastConfig();
        JoinConfig join = config.getNetworkConfig().getJoin();
        assertFalse(join.getMulticastConfig().isEnabled());
        assertTrue(join.getTcpIpConfig().isEnabled());
        assertEquals(3, join.getTcpIpConfig().getMembers().size());
        assertEquals(5802, config.getNetworkConfig().getPort());
        assertFalse(config.getNetworkConfig().isPortAutoIncrement());
        assertEquals(
                2, config.getSplitBrainProtectionConfig(ClusterSettings.QUORUM).getMinimumClusterSize());
        assertEquals(
                ClusterSettings.QUORUM,
                config.getMapConfig(ClusterSettings.VERSIONS_MAP).getSplitBrainProtectionName());
        assertEquals(
                ClusterSettings.QUORUM,
                config.getMapConfig(ClusterSettings.ACTIVE_MAP).getSplitBrainProtectionName());
        String generation = RecordGenerations.PREFIX + "member-1.0";
        assertEquals(
                null,
                config.findMapConfig(generation).getSplitBrainProtectionName(),
                "both sides of a split keep recording decisions");
        assertEquals(
                EvictionPolicy.NONE,
                config.findMapConfig(generation).getEvictionConfig().getEvictionPolicy(),
                "bounded by dropping whole generations, not by sampling on every put");
        assertEquals(
                24 * 60 * 60, config.findMapConfig(generation).getTimeToLiveSeconds(), "README: records are kept 24 h");
        assertEquals(1, config.findMapConfig(generation).getBackupCount());
        assertEquals(
                InMemoryFormat.OBJECT,
                config.findMapConfig(generation).getInMemoryFormat(),
                "record blocks are appended to as they are, not deserialised and serialised per append");
    }

    @Test
    void aMemberNotInTheListCountsTowardsTheQuorum() {
        assertEquals(2, settings("127.0.0.1:5801,127.0.0.1:5802", "5803").quorum());
        assertEquals(2, settings("127.0.0.1:5801", "5802").quorum());
    }

    @Test
    void portRangesAndBadEntriesAreRefusedWithTheVariableNamed() {
        IllegalArgumentException range =
                assertThrows(IllegalArgumentException.class, () -> settings("127.0.0.1:5701-5703", "5701"));
        assertTrue(range.getMessage().contains("QF_CLUSTER_MEMBERS"));
        assertThrows(IllegalArgumentException.class, () -> settings("127.0.0.1", "5701"));
        assertThrows(IllegalArgumentException.class, () -> settings("127.0.0.1:http", "5701"));
    }
}

package kr.qfeedback.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How this node's embedded Hazelcast member is set up, from {@code QF_CLUSTER_MEMBERS} and
 * {@code QF_CLUSTER_PORT}.
 *
 * <ul>
 *   <li>No members: a cluster of one. The member binds 127.0.0.1 only, joins no one (TCP/IP,
 *       multicast and auto-detection all off) and may take the next free port when the default is busy.</li>
 *   <li>Members: TCP/IP join on exactly those {@code host:port} addresses; multicast is never used.
 *       The member binds only the host its own entry names (the entry with this node's port on a
 *       local address; 127.0.0.1 when none does).</li>
 *   <li>Cluster name: derived from {@link ClusterSecret} ({@code QF_CLUSTER_SECRET}); Java
 *       deserialisation limited to the classes {@link SerializationFilter} admits.</li>
 *   <li>Publish quorum: a majority of the configured members (the list counts this node even if it
 *       is not written in it). Writes to the rules maps need it, so a minority side of a split can
 *       not publish or roll back, while every member keeps deciding with its last agreed version.</li>
 * </ul>
 */
public record ClusterSettings(List<String> members, int port, String bindHost, int quorum, ClusterSecret secret) {
    public static final String QUORUM = "qf-publish-quorum";
    public static final String VERSIONS_MAP = "qf-rules-versions";
    public static final String ACTIVE_MAP = "qf-rules-active";
    public static final String DECISIONS_MAP = "qf-decisions";
    /** The names of the record generations ({@link RecordGenerations}): qf-decisions.&lt;member&gt;.&lt;n&gt;. */
    public static final String DECISION_GENERATIONS = DECISIONS_MAP + ".*";

    public static final String SWITCH_TOPIC = "qf-rules-switch";
    /** Decision records kept per member at most: two generations of half this (contract: bounded). */
    public static final int DECISIONS_PER_MEMBER = 200_000;
    /** How long a decision record is kept. */
    public static final int DECISION_TTL_SECONDS = 24 * 60 * 60;

    public ClusterSettings {
        members = List.copyOf(members);
        Objects.requireNonNull(bindHost, "bindHost must not be null");
        Objects.requireNonNull(secret, "secret must not be null");
    }

    public boolean single() {
        return members.isEmpty();
    }

    /**
     * The settings from {@code QF_CLUSTER_MEMBERS}' entries, this member's {@code QF_CLUSTER_PORT} and
     * {@code QF_CLUSTER_SECRET} ({@code secret}; null only without members: a cluster of one then makes up
     * a secret of its own, so that no other process can join it).
     */
    public static ClusterSettings from(List<String> clusterMembers, int clusterPort, ClusterSecret secret) {
        if (secret == null && !clusterMembers.isEmpty()) {
            throw new IllegalArgumentException(
                    "QF_CLUSTER_MEMBERS is set, so " + ClusterSecret.VARIABLE + " is required as well.");
        }
        List<String> members = new ArrayList<>();
        String bind = null;
        boolean selfListed = false;
        for (String entry : clusterMembers) {
            String member = entry.strip();
            int colon = member.lastIndexOf(':');
            if (member.contains("-") || colon <= 0 || colon == member.length() - 1) {
                throw new IllegalArgumentException("QF_CLUSTER_MEMBERS must list host:port entries separated by commas"
                        + " (e.g. 127.0.0.1:5701,127.0.0.1:5702), not '" + entry + "'.");
            }
            String host = member.substring(0, colon);
            int port;
            try {
                port = Integer.parseInt(member.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("QF_CLUSTER_MEMBERS entry '" + entry + "' has no valid port.");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(
                        "QF_CLUSTER_MEMBERS entry '" + entry + "' has a port outside 1–65535.");
            }
            members.add(host + ":" + port);
            if (port == clusterPort && isLocal(host)) {
                selfListed = true;
                bind = bind == null ? address(host) : bind;
            }
        }
        int size = members.isEmpty() ? 1 : members.size() + (selfListed ? 0 : 1);
        return new ClusterSettings(
                members,
                clusterPort,
                bind == null ? "127.0.0.1" : bind,
                size / 2 + 1,
                secret == null ? ClusterSecret.random() : secret);
    }

    /** The Hazelcast configuration of this member. */
    public Config hazelcastConfig() {
        Config config = new Config();
        // Derived from QF_CLUSTER_SECRET: a process without it asks to join another cluster and is turned away.
        config.setClusterName(secret.clusterName());
        SerializationFilter.install(config);
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // The service's own shutdown hook stops HTTP first, then leaves the cluster gracefully.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // Loopback or a LAN: notice a dead member within seconds, not the default minute.
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "15");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
        config.setProperty("hazelcast.partition.count", "71");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(single()).setPortCount(single() ? 20 : 1);
        network.getInterfaces().setEnabled(true).addInterface(bindHost);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(!single()).setMembers(members);

        // Versions and the active pointer are tiny: every member of a 3-node cluster holds a copy.
        MapConfig versions = new MapConfig(VERSIONS_MAP).setBackupCount(1).setAsyncBackupCount(1);
        MapConfig active = new MapConfig(ACTIVE_MAP).setBackupCount(1).setAsyncBackupCount(1);
        if (!single()) {
            // A cluster of one cannot be a minority (and a standalone member never reports the protection as met).
            config.addSplitBrainProtectionConfig(
                    new SplitBrainProtectionConfig(QUORUM, true, quorum).setProtectOn(SplitBrainProtectionOn.WRITE));
            versions.setSplitBrainProtectionName(QUORUM);
            active.setSplitBrainProtectionName(QUORUM);
        }
        config.addMapConfig(versions);
        config.addMapConfig(active);
        // Decision records: in generations per member (RecordGenerations bounds them by dropping whole
        // generations, not by Hazelcast's per-put eviction), expiring, one synchronous backup; both
        // sides of a split keep recording. Kept as objects: a block of records (RecordBlocks) is a
        // byte array already, appended to in place of being deserialised and serialised per append.
        config.addMapConfig(new MapConfig(DECISION_GENERATIONS)
                .setBackupCount(1)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setTimeToLiveSeconds(DECISION_TTL_SECONDS)
                .setEvictionConfig(new EvictionConfig()
                        .setEvictionPolicy(EvictionPolicy.NONE)
                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE)));
        return config;
    }

    private static boolean isLocal(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress()
                    || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }

    private static String address(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            return host;
        }
    }
}

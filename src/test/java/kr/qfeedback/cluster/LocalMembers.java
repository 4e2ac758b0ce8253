package kr.qfeedback.cluster;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.lifecycle.AuditLog;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hazelcast members in this JVM for the rules tests: the service's member settings, on loopback ports
 * the OS picks, with a cluster secret made up for this test alone (so a cluster named for it alone);
 * each started member is stopped on close.
 */
final class LocalMembers implements AutoCloseable, AfterEachCallback {
    static final Path RULES = Path.of(System.getProperty("qfeedback.rules.dir", "rules"));

    private final ClusterSecret secret = newSecret();
    private final List<HazelcastInstance> started = new ArrayList<>();
    private final List<AutoCloseable> services = new ArrayList<>();

    /**
     * The configuration of a member with publish quorum {@code quorum} that joins {@code peers}
     * ({@code host:port}; none for the first member of a cluster).
     */
    Config config(int quorum, List<String> peers) {
        return config(quorum, peers, secret);
    }

    /** As {@link #config(int, List)}, with another cluster secret. */
    static Config config(int quorum, List<String> peers, ClusterSecret secret) {
        // "127.0.0.1:0": this member, on the port the OS picks; the peers are set below.
        Config config = settings(quorum, secret).hazelcastConfig();
        config.getNetworkConfig().getJoin().getTcpIpConfig().setMembers(new ArrayList<>(peers));
        return config;
    }

    /** The settings of this test's members with publish quorum {@code quorum}. */
    ClusterSettings settings(int quorum) {
        return settings(quorum, secret);
    }

    private static ClusterSettings settings(int quorum, ClusterSecret secret) {
        return new ClusterSettings(List.of("127.0.0.1:0"), 0, "127.0.0.1", quorum, secret);
    }

    /** The cluster secret of this test's members. */
    ClusterSecret secret() {
        return secret;
    }

    /** A new random secret as an operator would write it in QF_CLUSTER_SECRET (64 hex digits). */
    static ClusterSecret newSecret() {
        return ClusterSecret.fromEnvironment((UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""), true);
    }

    HazelcastInstance start(Config config) {
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        started.add(hz);
        return hz;
    }

    /**
     * Waits until every one of {@code members} sees the publish quorum: each checks it for the
     * partitions it owns, and learns of a new member a moment after the member joined.
     */
    static void awaitQuorum(HazelcastInstance... members) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (HazelcastInstance hz : members) {
            while (!hz.getSplitBrainProtectionService()
                    .getSplitBrainProtection(ClusterSettings.QUORUM)
                    .hasMinimumSize()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("a member did not see the publish quorum within 60 s");
                }
                Thread.sleep(20);
            }
        }
    }

    /** Stops {@code service} (before the members) on close. */
    void closing(AutoCloseable service) {
        services.add(service);
    }

    static String address(HazelcastInstance hz) {
        Address address = hz.getCluster().getLocalMember().getAddress();
        return address.getHost() + ":" + address.getPort();
    }

    /** A node's rules lifecycle on its own data folder, with no rule set active yet. */
    static RulesLifecycle lifecycle(Path data) {
        return new RulesLifecycle(
                new ActiveRuleSet(),
                VersionStore.open(data),
                AuditLog.open(data),
                new AcceptanceGate(data.resolve("features")),
                Clock.systemUTC());
    }

    /** The seed of a member that must join a cluster with an active version already. */
    static RuleSet noSeed() {
        throw new AssertionError("the cluster had no active version to join");
    }

    static String activeVersion(RulesLifecycle lifecycle) {
        return lifecycle.active().current().orElseThrow().version();
    }

    /** The project's rules copied into {@code dir} with a comment added: another version of the same rules. */
    static RuleFiles editedRules(Path dir, String comment) {
        try (Stream<Path> walk = Files.walk(RULES)) {
            for (Path source : walk.toList()) {
                Path target = dir.resolve(RULES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
            Files.writeString(
                    dir.resolve("messages.yaml"),
                    "\n# " + comment + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RuleFiles.read(dir);
    }

    /** As a field with {@code @RegisterExtension}: the members and services of each test are stopped after it. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable service : services) {
            service.close();
        }
        for (HazelcastInstance hz : started) {
            hz.getLifecycleService().terminate();
        }
    }
}

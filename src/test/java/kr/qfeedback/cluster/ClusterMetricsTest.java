package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.http.FeedbackApi;
import kr.qfeedback.http.ServiceMetrics;
import kr.qfeedback.http.TokenRegistry;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's scrape over HTTP, with two real Hazelcast members: the cluster's series keep the names
 * they always had, and the member and partition gauges say how the partitions are shared.
 */
class ClusterMetricsTest {
    /** Every cluster series name the node showed before Micrometer. */
    private static final List<String> CLUSTER_SERIES = List.of(
            "qf_cluster_members",
            "qf_cluster_joined",
            "qf_cluster_quorum",
            "qf_cluster_quorum_size",
            "qf_rules_switch_seconds",
            "qf_rules_switched_at_seconds",
            "qf_rules_switch_window_seconds",
            "qf_rules_switches_total",
            "qf_decision_records_failed_total");

    @Test
    @Timeout(240)
    void aMembersScrapeShowsTheClusterUnderItsOldNamesAndTheSharedPartitions(@TempDir Path temp) throws Exception {
        try (LocalMembers members = new LocalMembers()) {
            HazelcastInstance hzA = members.start(members.config(2, List.of()));
            HazelcastInstance hzB = members.start(members.config(2, List.of(LocalMembers.address(hzA))));
            RulesLifecycle a = LocalMembers.lifecycle(temp.resolve("a"));
            RulesLifecycle b = LocalMembers.lifecycle(temp.resolve("b"));
            ClusterNode nodeA = node(members, hzA, a);
            ClusterNode nodeB = node(members, hzB, b);
            LocalMembers.awaitQuorum(hzA, hzB);
            nodeA.join(() -> a.start(RuleFiles.read(LocalMembers.RULES), false));
            nodeB.join(LocalMembers::noSeed);

            try (ServiceMetrics metrics = new ServiceMetrics();
                    LiveServer server = LiveServer.withApi(new FeedbackApi(
                                    a.active(),
                                    TokenRegistry.parse(LiveServer.TOKENS),
                                    metrics,
                                    Clock.systemUTC(),
                                    null,
                                    nodeA.decisions(),
                                    nodeA))
                            .start()) {
                String text = scrape(server);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                // Partitions migrate to the second member after it joined; wait until that is over.
                while (value(text, "qf_cluster_member_safe") != 1
                        || value(text, "qf_cluster_partitions_owned") == value(text, "qf_cluster_partitions")) {
                    assertTrue(System.nanoTime() < deadline, "the partitions did not settle within 120 s\n" + text);
                    Thread.sleep(100);
                    text = scrape(server);
                }

                for (String name : CLUSTER_SERIES) {
                    assertTrue(hasSeries(text, name), "missing " + name + "\n" + text);
                }
                assertEquals(2, value(text, "qf_cluster_members"), text);
                assertEquals(1, value(text, "qf_cluster_joined"), text);
                assertEquals(1, value(text, "qf_cluster_quorum"), text);
                assertEquals(2, value(text, "qf_cluster_quorum_size"), text);
                int partitions = hzA.getPartitionService().getPartitions().size();
                assertEquals(partitions, value(text, "qf_cluster_partitions"), "the service's partition count");
                double owned = value(text, "qf_cluster_partitions_owned");
                assertTrue(owned > 0 && owned < partitions, "two members share the partitions: " + owned);
                assertEquals(owned, ownedBy(hzA), "what Hazelcast's partition table says of member A");
                assertEquals(1, value(text, "qf_ready"), text);
            }
        }
    }

    private static ClusterNode node(LocalMembers members, HazelcastInstance hz, RulesLifecycle lifecycle) {
        ClusterNode node = ClusterNode.of(
                new ClusterSettings(List.of("127.0.0.1:0"), 0, "127.0.0.1", 2, members.secret()), hz, lifecycle);
        members.closing(node::close);
        return node;
    }

    private static long ownedBy(HazelcastInstance hz) {
        return hz.getPartitionService().getPartitions().stream()
                .filter(p -> p.getOwner() != null && p.getOwner().localMember())
                .count();
    }

    private static String scrape(LiveServer server) {
        HttpResponse<String> response = server.get("/metrics", LiveServer.AUTHOR_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    private static boolean hasSeries(String text, String name) {
        return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]")
                .matcher(text)
                .find();
    }

    private static double value(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}

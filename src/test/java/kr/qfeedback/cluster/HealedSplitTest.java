package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sides of a cluster that were apart, each on its own version, merge again through Hazelcast's
 * split-brain handler: the side that merges into the other adopts the merged cluster's version.
 */
class HealedSplitTest {
    /** Hazelcast looks for other sides every few seconds here instead of the service's 10 s. */
    private static final String MERGE_EVERY_SECONDS = "2";

    @Test
    @Timeout(240)
    void aMemberThatWasApartAdoptsTheMergedClustersVersionWhenTheSplitHeals(@TempDir Path temp) throws Exception {
        try (LocalMembers members = new LocalMembers()) {
            // The larger side: two members of three configured, a majority.
            HazelcastInstance hzA = members.start(quickMerges(members.config(2, List.of())));
            HazelcastInstance hzB = members.start(quickMerges(members.config(2, List.of(LocalMembers.address(hzA)))));
            // The side that was apart: one member on its own, with a version of its own.
            Config apartConfig = quickMerges(members.config(1, List.of()));
            HazelcastInstance hzC = members.start(apartConfig);
            RulesLifecycle a = LocalMembers.lifecycle(temp.resolve("a"));
            RulesLifecycle b = LocalMembers.lifecycle(temp.resolve("b"));
            RulesLifecycle c = LocalMembers.lifecycle(temp.resolve("c"));
            ClusterNode nodeA = node(members, hzA, a, 2);
            ClusterNode nodeB = node(members, hzB, b, 2);
            ClusterNode nodeC = node(members, hzC, c, 1);
            LocalMembers.awaitQuorum(hzA, hzB);
            LocalMembers.awaitQuorum(hzC); // its quorum of one counts only once the member has seen itself join
            String merged = nodeA.join(() -> a.start(RuleFiles.read(LocalMembers.RULES), false))
                    .version();
            nodeB.join(LocalMembers::noSeed);
            RuleFiles apartRules =
                    LocalMembers.editedRules(temp.resolve("apart"), "the rules of the side that was apart");
            String apart = nodeC.join(() -> c.start(apartRules, false)).version();
            assertNotEquals(merged, apart);
            assertEquals(1, nodeC.members());

            // The network heals: the lone member learns where the others are and merges into the larger side.
            apartConfig.getNetworkConfig().getJoin().getTcpIpConfig().addMember(LocalMembers.address(hzA));
            await("the lone member merged into the larger side", () -> nodeC.members() == 3);
            await(
                    "the lone member adopted the merged cluster's version",
                    () -> merged.equals(LocalMembers.activeVersion(c)));
            await(
                    "the lone member recorded the merged cluster's version on its disk",
                    () -> c.store().activeVersion().filter(merged::equals).isPresent());

            assertTrue(c.store().find(merged).isPresent(), "the merged version was copied to the lone member's disk");
            assertEquals(merged, LocalMembers.activeVersion(a), "the larger side kept its version");
            assertEquals(merged, LocalMembers.activeVersion(b), "the larger side kept its version");
        }
    }

    private static Config quickMerges(Config config) {
        return config.setProperty("hazelcast.merge.first.run.delay.seconds", MERGE_EVERY_SECONDS)
                .setProperty("hazelcast.merge.next.run.delay.seconds", MERGE_EVERY_SECONDS);
    }

    private static ClusterNode node(LocalMembers members, HazelcastInstance hz, RulesLifecycle lifecycle, int quorum) {
        ClusterNode node = ClusterNode.of(members.settings(quorum), hz, lifecycle);
        members.closing(node::close);
        return node;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}

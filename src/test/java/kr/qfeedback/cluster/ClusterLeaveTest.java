package kr.qfeedback.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A stopping member leaves the cluster gracefully and says so only when it did. */
class ClusterLeaveTest {

    @Test
    @Timeout(120)
    void aMemberThatLeavesHandsOverWhatItHeldAndReportsAGracefulLeave(@TempDir Path first, @TempDir Path second)
            throws Exception {
        try (LocalMembers members = new LocalMembers()) {
            HazelcastInstance staying = members.start(members.config(1, List.of()));
            HazelcastInstance leaving = members.start(members.config(1, List.of(LocalMembers.address(staying))));
            LocalMembers.awaitQuorum(staying, leaving);
            ClusterNode node = ClusterNode.of(members.settings(1), leaving, LocalMembers.lifecycle(second));
            IMap<Integer, String> written = leaving.getMap("leave-test");
            for (int i = 0; i < 1000; i++) {
                written.set(i, "value-" + i);
            }

            assertTrue(node.leave(Duration.ofSeconds(20)), "a member with time enough leaves gracefully");

            assertFalse(leaving.getLifecycleService().isRunning());
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (staying.getCluster().getMembers().size() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(20); // the other member learns of the leave a moment later
            }
            assertEquals(1, staying.getCluster().getMembers().size());
            IMap<Integer, String> kept = staying.getMap("leave-test");
            assertEquals(1000, kept.size(), "nothing the leaving member owned is lost");
            assertEquals("value-999", kept.get(999));

            ClusterNode last = ClusterNode.of(members.settings(1), staying, LocalMembers.lifecycle(first));
            assertTrue(last.leave(Duration.ofSeconds(5)), "the last member has nothing to hand over");
        }
    }
}

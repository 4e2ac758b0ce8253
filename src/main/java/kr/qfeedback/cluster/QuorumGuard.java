package kr.qfeedback.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtection;
import java.util.function.Supplier;
import kr.qfeedback.lifecycle.ClusterUnavailableException;

/**
 * Refuses a rules change ({@code NO_QUORUM}) when this member sees fewer members than the publish
 * quorum, or when Hazelcast's split-brain protection does not see it either.
 */
final class QuorumGuard {
    private final HazelcastInstance hz;
    private final int quorum;
    private final Supplier<String> activeVersion;

    /** {@code activeVersion} names the version this member keeps deciding with (null when none). */
    QuorumGuard(HazelcastInstance hz, int quorum, Supplier<String> activeVersion) {
        this.hz = hz;
        this.quorum = quorum;
        this.activeVersion = activeVersion;
    }

    void check() {
        int members = hz.getCluster().getMembers().size();
        if (members < quorum) {
            throw refusal(members);
        }
        if (quorum <= 1) {
            return; // a cluster of one: no split-brain protection is configured
        }
        SplitBrainProtection protection =
                hz.getSplitBrainProtectionService().getSplitBrainProtection(ClusterSettings.QUORUM);
        if (!protection.hasMinimumSize()) {
            throw refusal(members);
        }
    }

    /** The {@code NO_QUORUM} error, naming the members this member sees now. */
    ClusterUnavailableException refusal() {
        return refusal(hz.getCluster().getMembers().size());
    }

    private ClusterUnavailableException refusal(int members) {
        String version = activeVersion.get();
        return new ClusterUnavailableException(
                "NO_QUORUM",
                "This member sees " + members + " cluster member(s) but a rules"
                        + " change needs " + quorum
                        + " (a majority of the configured members), so it may not publish or roll back now."
                        + " It keeps deciding with version " + (version == null ? "none" : version)
                        + "; retry when the cluster is whole again.");
    }

    int quorum() {
        return quorum;
    }
}

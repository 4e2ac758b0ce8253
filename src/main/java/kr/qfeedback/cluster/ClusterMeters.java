package kr.qfeedback.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * The cluster's meters, read at each scrape: members, quorum, this member's partitions and whether
 * it is safe to stop, and the rules switches it took part in. The names are those the node has
 * always shown ({@code qf_cluster_*}, {@code qf_rules_switch*}, {@code qf_decision_records_failed_total}).
 */
final class ClusterMeters implements MeterBinder {
    private final ClusterNode node;
    private final ClusterRules rules;
    private final ClusterDecisions decisions;
    private final HazelcastInstance hz;
    private final int quorumSize;

    ClusterMeters(
            ClusterNode node, ClusterRules rules, ClusterDecisions decisions, HazelcastInstance hz, int quorumSize) {
        this.node = node;
        this.rules = rules;
        this.decisions = decisions;
        this.hz = hz;
        this.quorumSize = quorumSize;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "qf_cluster_members", "Cluster members this node sees, itself included.", m -> node.members());
        gauge(registry, "qf_cluster_joined", "1 once this member has joined its cluster.", m -> node.joined() ? 1 : 0);
        gauge(
                registry,
                "qf_cluster_quorum",
                "1 when this side of the cluster holds the publish quorum (a majority of the"
                        + " configured members); without it publish and rollback are refused.",
                m -> node.quorumPresent() ? 1 : 0);
        gauge(registry, "qf_cluster_quorum_size", "Members needed to publish or roll back.", m -> quorumSize);
        gauge(
                registry,
                "qf_cluster_partitions",
                "Partitions of the cluster's data (decision records, rules versions).",
                ClusterMeters::partitions);
        gauge(
                registry,
                "qf_cluster_partitions_owned",
                "Partitions this member owns (their primary copy); the rest of its data are backups.",
                ClusterMeters::ownedPartitions);
        gauge(
                registry,
                "qf_cluster_member_safe",
                "1 when this member could leave without losing data: no migration is running and the"
                        + " backups of its partitions are in sync; 0 while partitions migrate.",
                ClusterMeters::localMemberSafe);
        gauge(
                registry,
                "qf_rules_switch_seconds",
                "Duration of the last rules switch on this member: on the member that led"
                        + " it, from prepare to every member switched; elsewhere from prepare received to the swap.",
                m -> rules.lastSwitchSeconds());
        gauge(
                registry,
                "qf_rules_switched_at_seconds",
                "When this member last swapped its active rules version (Unix time).",
                m -> rules.switchedAtMicros() / 1e6);
        gauge(
                registry,
                "qf_rules_switch_window_seconds",
                "On the member that led the last switch: how far apart the members'"
                        + " swaps were, i.e. how long two members could answer with different versions.",
                m -> rules.lastWindowSeconds());
        FunctionCounter.builder("qf_rules_switches", rules, ClusterRules::switches)
                .description("Rules switches made on this member.")
                .register(registry);
        FunctionCounter.builder("qf_decision_records_failed", decisions, ClusterDecisions::failed)
                .description("Decision records that could not be written to the cluster.")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String help, ToDoubleFunction<ClusterMeters> value) {
        Gauge.builder(name, this, value).description(help).strongReference(true).register(registry);
    }

    private double partitions() {
        return running() ? hz.getPartitionService().getPartitions().size() : 0;
    }

    private double ownedPartitions() {
        if (!running()) {
            return 0;
        }
        int owned = 0;
        for (Partition partition : hz.getPartitionService().getPartitions()) {
            Member owner = partition.getOwner();
            if (owner != null && owner.localMember()) {
                owned++;
            }
        }
        return owned;
    }

    /** Asks the backups (and the master, for its migrations): the scrape runs on a worker thread. */
    private double localMemberSafe() {
        try {
            return running() && hz.getPartitionService().isLocalMemberSafe() ? 1 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private boolean running() {
        return hz.getLifecycleService().isRunning();
    }
}

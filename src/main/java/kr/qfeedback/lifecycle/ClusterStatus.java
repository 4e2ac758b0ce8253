package kr.qfeedback.lifecycle;

import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What the HTTP layer needs to know of the cluster this node belongs to. As a {@link MeterBinder} it
 * adds the cluster's meters (members, quorum, partitions, rules switch times) to the node's metrics.
 */
public interface ClusterStatus extends MeterBinder {

    /** Whether this member has joined its cluster (a cluster of one joins at once); /health/ready waits for it. */
    boolean joined();

    /** Members this node sees, itself included. */
    int members();
}

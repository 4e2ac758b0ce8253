package kr.qfeedback.lifecycle;

/** What the HTTP layer needs to know of the cluster this node belongs to. */
public interface ClusterStatus {

    /** Whether this member has joined its cluster (a cluster of one joins at once); /health/ready waits for it. */
    boolean joined();

    /** Members this node sees, itself included. */
    int members();

    /** Prometheus text lines for the cluster (members, quorum, switch times), each ending with a newline. */
    String metrics();
}

package kr.qfeedback.lifecycle;

import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;

/**
 * How a validated version reaches every member of a cluster. Without one, {@link RulesLifecycle}
 * activates versions on this node alone (the single-node behaviour). With one, a publish or
 * rollback is validated once, on the member that received it, and then handed to
 * {@link #activateEverywhere}, which switches every member, this one included.
 */
public interface Replication {

    /**
     * Throws {@link ClusterUnavailableException} when this member may not change the active version
     * now, e.g. it is on the minority side of a split and lacks the publish quorum.
     */
    void checkCanChange();

    /** Copies a version the cluster holds into the local store when it is not stored here yet. */
    void ensureStored(String version);

    /**
     * Makes {@code files} (validated and compiled here as {@code compiled}) the active version on
     * every member and returns once they have switched.
     *
     * @throws ClusterUnavailableException when the switch could not be made on every member; nothing changed
     */
    void activateEverywhere(
            RuleFiles files,
            RuleSet compiled,
            String who,
            String note,
            AuditAction action,
            ActivationAction activation);
}

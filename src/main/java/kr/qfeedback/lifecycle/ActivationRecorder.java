package kr.qfeedback.lifecycle;

import java.time.Clock;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an activation on this node: stores the version when new, appends the audit entry with the
 * diff from the version it replaces, records the activation and, when going live here, swaps it in.
 */
final class ActivationRecorder {
    /** The lifecycle's logger: these lines have always been logged under its name. */
    private static final Logger LOG = LoggerFactory.getLogger(RulesLifecycle.class);

    private final ActiveRuleSet active;
    private final VersionStore store;
    private final AuditLog audit;
    private final Clock clock;

    ActivationRecorder(ActiveRuleSet active, VersionStore store, AuditLog audit, Clock clock) {
        this.active = active;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records that the cluster switched this node to {@code files}, already swapped into the active set. */
    void recordSwitch(
            RuleFiles files,
            String previous,
            String who,
            String note,
            AuditAction action,
            ActivationAction activation) {
        var now = clock.instant();
        store.store(files, who, now, note);
        RuleFiles before = previous == null || previous.equals(files.version()) ? null : loadQuietly(previous);
        audit.append(who, now, action, previous, files.version(), RuleDiff.between(before, files), note);
        store.activate(files.version(), who, now, activation);
        LOG.info(
                "rules version {} is active on this member ({} by {}; was {}; audit head {})",
                files.version(),
                action,
                who,
                previous,
                audit.headHash());
    }

    /** Records {@code files} and makes {@code rules} the active set of this node. */
    Activation goLive(
            RuleFiles files,
            RuleSet rules,
            String who,
            String note,
            AuditAction action,
            ActivationAction activation,
            String previous) {
        var now = clock.instant();
        store.store(files, who, now, note);
        RuleFiles before = previous == null ? null : loadQuietly(previous);
        audit.append(who, now, action, previous, files.version(), RuleDiff.between(before, files), note);
        Activation activated = store.activate(files.version(), who, now, activation);
        active.activate(rules);
        LOG.info(
                "rules version {} is active ({} by {}; was {}; audit head {})",
                files.version(),
                action,
                who,
                previous,
                audit.headHash());
        return activated;
    }

    private RuleFiles loadQuietly(String version) {
        try {
            return store.load(version);
        } catch (VersionStoreException e) {
            LOG.warn("the previous version {} could not be read for the audit diff: {}", version, e.getMessage());
            return null;
        }
    }
}

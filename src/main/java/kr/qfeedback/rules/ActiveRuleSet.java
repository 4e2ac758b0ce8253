package kr.qfeedback.rules;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set the service decides with now. Switching is one atomic reference swap: a request
 * that already took the old set finishes with it, later requests see the new one.
 */
public final class ActiveRuleSet {
    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    public Optional<RuleSet> current() {
        return Optional.ofNullable(current.get());
    }

    /** Makes {@code next} active and returns the previous set, if any. */
    public Optional<RuleSet> activate(RuleSet next) {
        return Optional.ofNullable(current.getAndSet(next));
    }
}

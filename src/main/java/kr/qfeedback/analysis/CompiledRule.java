package kr.qfeedback.analysis;

import java.util.Map;
import org.drools.base.base.EnabledBoolean;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.GroupElement;
import org.kie.api.definition.rule.Rule;

/**
 * A compiled rule as Drools keeps it internally ({@code RuleImpl}): the one place the analysis
 * reaches into a Drools {@code impl} package, to read a rule's conditions, salience and consequence.
 */
final class CompiledRule {
    private final RuleImpl impl;

    private CompiledRule(RuleImpl impl) {
        this.impl = impl;
    }

    /** The rule's internal view, or null when the rule is not a Drools {@code RuleImpl}. */
    static CompiledRule of(Rule rule) {
        return rule instanceof RuleImpl impl ? new CompiledRule(impl) : null;
    }

    String name() {
        return impl.getName();
    }

    boolean isQuery() {
        return impl.isQuery();
    }

    boolean hasDynamicSalience() {
        return impl.getSalience() != null && impl.getSalience().isDynamic();
    }

    boolean hasEnabledExpression() {
        return impl.getEnabled() != null && !(impl.getEnabled() instanceof EnabledBoolean);
    }

    boolean hasNamedConsequences() {
        return impl.hasNamedConsequences();
    }

    /** The rule's conditions (its left-hand side). */
    GroupElement conditions() {
        return impl.getLhs();
    }

    /** The declarations the default consequence uses; null when Drools does not say. */
    String[] consequenceDeclarations() {
        return impl.getRequiredDeclarationsForConsequence(RuleImpl.DEFAULT_CONSEQUENCE_NAME);
    }

    /** Every declaration of the rule, by identifier. */
    Map<String, Declaration> declarations() {
        return impl.getDeclarations();
    }
}

package kr.qfeedback.analysis;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.model.Profile;
import org.kie.api.definition.rule.Rule;
import org.mvel2.MVEL;

/**
 * What the compiled rules can observe of a {@link Profile}, read from their conditions (the Rete
 * network only sees a fact through its patterns' constraints and through declarations that other
 * constraints or a consequence use). For every profile field this says either which single-field
 * tests the rules apply to it (e.g. {@code lowestSubjectScore < 60.0}, {@code age <= $maxAge} with
 * the parameter's value), or that the field must be kept exact (compared with another field, bound
 * and used elsewhere, or in a form this reader does not understand). If the rules could observe a
 * profile in any way this reader cannot follow (eval, from, accumulate, a consequence that reads
 * the profile, a dynamic salience, a pattern on a supertype of Profile, a constraint that is not
 * MVEL), the whole profile is {@link #opaque()} and nothing may be grouped.
 *
 * <p>Two profiles whose every field gives the same results on these tests (and the same null-ness)
 * therefore fire exactly the same rules with the same consequences: {@link ProfileClasses} relies
 * on that to evaluate one profile per group. {@link ConditionReader} reads the rules.
 */
final class RuleReads {
    /** One single-field test, compiled for MVEL, with the parameter values it compares with. */
    record Test(String expression, Serializable compiled, Map<String, Object> variables) {}

    /** A test a rule needs to hold for it to fire (on a profile pattern outside any not, or, exists). */
    record Required(String field, Test test) {}

    /** The fields that tell outcomes apart, by which rules apply to an outcome at all. */
    private static final Set<String> OUTCOME_FIELDS = Set.of("stage", "result", "outcome");

    private final List<String> opaqueReasons;
    private final Set<String> exact;
    private final Map<String, List<Test>> tests;
    private final Map<String, TreeSet<BigDecimal>> thresholds;
    private final Map<String, List<String>> needs;
    private final Map<String, List<Required>> required;
    /** Every test each rule applies, wherever it stands in the rule's conditions. */
    private final Map<String, List<Test>> readBy;

    RuleReads(
            List<String> opaqueReasons,
            Set<String> exact,
            Map<String, List<Test>> tests,
            Map<String, TreeSet<BigDecimal>> thresholds,
            Map<String, List<String>> needs,
            Map<String, List<Required>> required,
            Map<String, List<Test>> readBy) {
        this.opaqueReasons = List.copyOf(opaqueReasons);
        this.exact = Set.copyOf(exact);
        this.tests = copied(tests);
        this.thresholds = Map.copyOf(thresholds);
        this.needs = Map.copyOf(needs);
        this.required = copied(required);
        this.readBy = copied(readBy);
    }

    private static <K, V> Map<K, List<V>> copied(Map<K, ? extends Collection<V>> lists) {
        Map<K, List<V>> copy = new HashMap<>();
        lists.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        return Map.copyOf(copy);
    }

    private RuleReads(RuleReads all, Map<String, List<Test>> tests) {
        this.opaqueReasons = all.opaqueReasons;
        this.exact = all.exact;
        this.tests = Map.copyOf(tests);
        this.thresholds = all.thresholds;
        this.needs = all.needs;
        this.required = all.required;
        this.readBy = all.readBy;
    }

    /**
     * The reads of the rules that can fire for the outcome of {@code probe} (its stage, result and
     * outcome): a rule whose own conditions require a stage, result or outcome the probe does not have
     * cannot fire for any profile of that outcome, so its tests need not split that outcome's profiles.
     * A rule is left in whenever that cannot be told (a test that does not run, a condition under not,
     * or, exists). Exact fields and thresholds stay those of all rules.
     */
    RuleReads forOutcome(Profile probe) {
        if (opaque()) {
            return this;
        }
        Set<Test> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Map.Entry<String, List<Test>> rule : readBy.entrySet()) {
            boolean applies = true;
            for (Required r : required.getOrDefault(rule.getKey(), List.of())) {
                if (OUTCOME_FIELDS.contains(r.field()) && Boolean.FALSE.equals(run(r.test(), probe))) {
                    applies = false;
                    break;
                }
            }
            if (applies) {
                used.addAll(rule.getValue());
            }
        }
        Map<String, List<Test>> kept = new HashMap<>();
        tests.forEach((field, list) ->
                kept.put(field, list.stream().filter(used::contains).toList()));
        return new RuleReads(this, kept);
    }

    private static Object run(Test test, Profile probe) {
        try {
            return MVEL.executeExpression(test.compiled(), probe, new HashMap<>(test.variables()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static RuleReads of(RuleSet rules) {
        ConditionReader reader = new ConditionReader(rules.parameters().toFact());
        for (Rule rule : rules.compiledRules()) {
            reader.rule(rule);
        }
        return reader.reads();
    }

    /** True when the rules may observe a profile in a way this reader cannot follow: then no grouping. */
    boolean opaque() {
        return !opaqueReasons.isEmpty();
    }

    List<String> opaqueReasons() {
        return opaqueReasons;
    }

    /** True when every value of the field must be told apart. */
    boolean exact(String field) {
        return opaque() || exact.contains(field);
    }

    /** The single-field tests the rules apply to the field (empty when no rule reads it). */
    List<Test> tests(String field) {
        return tests.getOrDefault(field, List.of());
    }

    /** True when some rule reads the field, in any way. */
    boolean read(String field) {
        return opaque() || exact.contains(field) || !tests(field).isEmpty();
    }

    /** Numbers the rules compare the field with (literals and parameter values), ascending. */
    Set<BigDecimal> thresholds(String field) {
        return Collections.unmodifiableSet(thresholds.getOrDefault(field, new TreeSet<>()));
    }

    /** For a rule name: the fact types other than Profile and PolicyParameters its conditions need. */
    List<String> needs(String ruleName) {
        return needs.getOrDefault(ruleName, List.of());
    }
}

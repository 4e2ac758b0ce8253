package kr.qfeedback.analysis;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.qfeedback.analysis.RuleReads.Required;
import kr.qfeedback.analysis.RuleReads.Test;
import kr.qfeedback.rules.model.PolicyParameters;
import kr.qfeedback.rules.model.Profile;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.definition.rule.Rule;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;

/**
 * Walks the conditions and consequences of compiled rules, one rule at a time, and collects what
 * they read of a profile into {@link RuleReads}. Used once per analysis; not thread-safe.
 */
final class ConditionReader {
    private final PolicyParameters parameters;
    private final List<String> opaqueReasons = new ArrayList<>();
    private final Set<String> exact = new LinkedHashSet<>();
    private final Map<String, List<Test>> tests = new LinkedHashMap<>();
    private final Map<String, TreeSet<BigDecimal>> thresholds = new HashMap<>();
    private final Map<String, List<String>> needs = new HashMap<>();
    private final Map<String, List<Required>> required = new HashMap<>();
    private final Map<String, List<Test>> readBy = new HashMap<>();

    ConditionReader(PolicyParameters parameters) {
        this.parameters = parameters;
    }

    /** What the rules read so far. */
    RuleReads reads() {
        return new RuleReads(opaqueReasons, exact, tests, thresholds, needs, required, readBy);
    }

    void rule(Rule rule) {
        CompiledRule compiled = CompiledRule.of(rule);
        if (compiled == null) {
            opaque(
                    rule.getName(),
                    "is not a Drools RuleImpl (" + rule.getClass().getName() + ")");
            return;
        }
        if (compiled.isQuery()) {
            return;
        }
        String name = compiled.name();
        if (compiled.hasDynamicSalience()) {
            opaque(name, "has a salience expression");
        }
        if (compiled.hasEnabledExpression()) {
            opaque(name, "has an enabled expression");
        }
        if (compiled.hasNamedConsequences()) {
            opaque(name, "has named consequences");
        }
        Set<String> needed = new LinkedHashSet<>();
        walk(name, compiled.conditions(), needed, true);
        String[] used = compiled.consequenceDeclarations();
        if (used == null) {
            if (compiled.declarations().values().stream().anyMatch(d -> isProfile(typeOf(d)))) {
                opaque(name, "binds the profile and its consequence's use of it is unknown");
            }
        } else {
            for (String identifier : used) {
                Declaration d = compiled.declarations().get(identifier);
                if (d == null) {
                    opaque(name, "uses an unknown declaration " + identifier + " in its consequence");
                } else if (isProfile(typeOf(d))) {
                    observeProfileDeclaration(name, d, "its consequence");
                }
            }
        }
        needs.put(name, List.copyOf(needed));
    }

    private void walk(String rule, RuleConditionElement element, Set<String> needed, boolean required) {
        if (element instanceof GroupElement group) {
            for (RuleConditionElement child : group.getChildren()) {
                walk(rule, child, needed, required && group.isAnd());
            }
        } else if (element instanceof org.drools.base.rule.Pattern pattern) {
            pattern(rule, pattern, needed, required);
        } else {
            opaque(rule, "has a " + element.getClass().getSimpleName() + " condition");
        }
    }

    private void pattern(String rule, org.drools.base.rule.Pattern pattern, Set<String> needed, boolean required) {
        Class<?> type = pattern.getObjectType() instanceof ClassObjectType c ? c.getClassType() : null;
        boolean profile = type == Profile.class;
        if (!profile && type != null && type.isAssignableFrom(Profile.class)) {
            opaque(rule, "matches " + type.getSimpleName() + ", which a profile also is");
        }
        if (pattern.getSource() != null) {
            opaque(
                    rule,
                    "has a pattern with a source ("
                            + pattern.getSource().getClass().getSimpleName() + ")");
        }
        if (!profile && type != PolicyParameters.class) {
            needed.add(type == null ? String.valueOf(pattern.getObjectType()) : type.getSimpleName());
        }
        for (Constraint constraint : pattern.getConstraints()) {
            constraint(rule, constraint, profile, required);
        }
    }

    private void constraint(String rule, Constraint constraint, boolean onProfile, boolean mustHold) {
        Map<String, Object> variables = new HashMap<>();
        boolean unresolved = false;
        Declaration[] declarations = constraint.getRequiredDeclarations();
        for (Declaration d : declarations == null ? new Declaration[0] : declarations) {
            Class<?> type = typeOf(d);
            if (isProfile(type)) {
                observeProfileDeclaration(rule, d, "a constraint");
                unresolved = true;
            } else if (type == PolicyParameters.class) {
                try {
                    variables.put(d.getIdentifier(), d.getExtractor().getValue(parameters));
                } catch (RuntimeException e) {
                    unresolved = true;
                }
            } else {
                unresolved = true;
            }
        }
        if (!onProfile) {
            return;
        }
        if (!(constraint instanceof MVELConstraint mvel) || mvel.getExpression() == null) {
            opaque(rule, "has a " + constraint.getClass().getSimpleName() + " on the profile");
            return;
        }
        String expression = mvel.getExpression();
        String code = ConstraintText.code(expression);
        Set<String> fields = ConstraintText.fieldsIn(code, why -> opaque(rule, why));
        if (fields.isEmpty()) {
            return;
        }
        if (fields.size() == 1) {
            String field = fields.iterator().next();
            TreeSet<BigDecimal> numbers = thresholds.computeIfAbsent(field, f -> new TreeSet<>());
            ConstraintText.addNumbers(code, numbers);
            for (Object value : variables.values()) {
                if (value instanceof Number number) {
                    numbers.add(new BigDecimal(number.toString()));
                }
            }
        }
        if (fields.size() > 1 || unresolved) {
            exact.addAll(fields);
            return;
        }
        String field = fields.iterator().next();
        try {
            ParserContext context = new ParserContext();
            context.addPackageImport(Profile.class.getPackageName());
            if (mvel.getPackageNames() != null) {
                mvel.getPackageNames().forEach(context::addPackageImport);
            }
            List<Test> known = tests.computeIfAbsent(field, f -> new ArrayList<>());
            Test test = known.stream()
                    .filter(t ->
                            t.expression().equals(expression) && t.variables().equals(variables))
                    .findFirst()
                    .orElse(null);
            if (test == null) {
                Serializable compiled = MVEL.compileExpression(expression, context);
                test = new Test(expression, compiled, Map.copyOf(variables));
                known.add(test);
            }
            readBy.computeIfAbsent(rule, r -> new ArrayList<>()).add(test);
            if (mustHold) {
                required.computeIfAbsent(rule, r -> new ArrayList<>()).add(new Required(field, test));
            }
        } catch (RuntimeException e) {
            exact.add(field);
        }
    }

    private void observeProfileDeclaration(String rule, Declaration d, String where) {
        if (d.isPatternDeclaration()) {
            opaque(rule, "uses the whole profile (" + d.getIdentifier() + ") in " + where);
            return;
        }
        String field = ConstraintText.fieldReadBy(
                d.getExtractor() == null ? null : d.getExtractor().getNativeReadMethodName());
        if (field == null) {
            opaque(rule, "uses profile binding " + d.getIdentifier() + " in " + where);
        } else {
            exact.add(field);
        }
    }

    private void opaque(String rule, String why) {
        opaqueReasons.add("rule '" + rule + "' " + why);
    }

    private static Class<?> typeOf(Declaration d) {
        return d.getPattern() != null && d.getPattern().getObjectType() instanceof ClassObjectType c
                ? c.getClassType()
                : null;
    }

    /** True for Profile and for any type a profile also is (a binding on such a pattern may hold the profile). */
    private static boolean isProfile(Class<?> type) {
        return type != null && type.isAssignableFrom(Profile.class);
    }
}

package kr.qfeedback.analysis;

import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.model.PolicyParameters;
import kr.qfeedback.rules.model.Profile;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.EnabledBoolean;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.definition.rule.Rule;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;

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
 * on that to evaluate one profile per group.
 */
final class RuleReads {
    /** The profile's fields, in record order. */
    static final List<String> FIELDS = Arrays.stream(Profile.class.getRecordComponents())
            .map(RecordComponent::getName).toList();
    private static final Set<String> FIELD_SET = Set.copyOf(FIELDS);
    /** Methods a constraint could call on the fact without naming a field. */
    private static final Set<String> PROFILE_METHODS = Set.of("toString", "hashCode", "equals", "getClass");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w$.])-?\\d+(?:\\.\\d+)?");

    /** One single-field test, compiled for MVEL, with the parameter values it compares with. */
    record Test(String expression, Serializable compiled, Map<String, Object> variables) {
    }

    /** A test a rule needs to hold for it to fire (on a profile pattern outside any not, or, exists). */
    record Required(String field, Test test) {
    }

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

    private RuleReads(Builder b) {
        this.opaqueReasons = List.copyOf(b.opaqueReasons);
        this.exact = Set.copyOf(b.exact);
        Map<String, List<Test>> t = new HashMap<>();
        b.tests.forEach((field, list) -> t.put(field, List.copyOf(list)));
        this.tests = Map.copyOf(t);
        this.thresholds = Map.copyOf(b.thresholds);
        this.needs = Map.copyOf(b.needs);
        Map<String, List<Required>> r = new HashMap<>();
        b.required.forEach((rule, list) -> r.put(rule, List.copyOf(list)));
        this.required = Map.copyOf(r);
        Map<String, List<Test>> by = new HashMap<>();
        b.readBy.forEach((rule, list) -> by.put(rule, List.copyOf(list)));
        this.readBy = Map.copyOf(by);
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
        tests.forEach((field, list) -> kept.put(field, list.stream().filter(used::contains).toList()));
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
        Builder builder = new Builder(rules.parameters().toFact());
        for (Rule rule : rules.compiledRules()) {
            builder.rule(rule);
        }
        return new RuleReads(builder);
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

    private static final class Builder {
        private final PolicyParameters parameters;
        private final List<String> opaqueReasons = new ArrayList<>();
        private final Set<String> exact = new LinkedHashSet<>();
        private final Map<String, List<Test>> tests = new LinkedHashMap<>();
        private final Map<String, TreeSet<BigDecimal>> thresholds = new HashMap<>();
        private final Map<String, List<String>> needs = new HashMap<>();
        private final Map<String, List<Required>> required = new HashMap<>();
        private final Map<String, List<Test>> readBy = new HashMap<>();

        Builder(PolicyParameters parameters) {
            this.parameters = parameters;
        }

        void rule(Rule rule) {
            if (!(rule instanceof RuleImpl impl)) {
                opaque(rule.getName(), "is not a Drools RuleImpl (" + rule.getClass().getName() + ")");
                return;
            }
            if (impl.isQuery()) {
                return;
            }
            if (impl.getSalience() != null && impl.getSalience().isDynamic()) {
                opaque(impl.getName(), "has a salience expression");
            }
            if (impl.getEnabled() != null && !(impl.getEnabled() instanceof EnabledBoolean)) {
                opaque(impl.getName(), "has an enabled expression");
            }
            if (impl.hasNamedConsequences()) {
                opaque(impl.getName(), "has named consequences");
            }
            Set<String> needed = new LinkedHashSet<>();
            walk(impl, impl.getLhs(), needed, true);
            String[] used = impl.getRequiredDeclarationsForConsequence(RuleImpl.DEFAULT_CONSEQUENCE_NAME);
            if (used == null) {
                if (impl.getDeclarations().values().stream().anyMatch(d -> isProfile(typeOf(d)))) {
                    opaque(impl.getName(), "binds the profile and its consequence's use of it is unknown");
                }
            } else {
                for (String name : used) {
                    Declaration d = impl.getDeclarations().get(name);
                    if (d == null) {
                        opaque(impl.getName(), "uses an unknown declaration " + name + " in its consequence");
                    } else if (isProfile(typeOf(d))) {
                        observeProfileDeclaration(impl.getName(), d, "its consequence");
                    }
                }
            }
            needs.put(impl.getName(), List.copyOf(needed));
        }

        private void walk(RuleImpl rule, RuleConditionElement element, Set<String> needed, boolean required) {
            if (element instanceof GroupElement group) {
                for (RuleConditionElement child : group.getChildren()) {
                    walk(rule, child, needed, required && group.isAnd());
                }
            } else if (element instanceof org.drools.base.rule.Pattern pattern) {
                pattern(rule, pattern, needed, required);
            } else {
                opaque(rule.getName(), "has a " + element.getClass().getSimpleName() + " condition");
            }
        }

        private void pattern(RuleImpl rule, org.drools.base.rule.Pattern pattern, Set<String> needed, boolean required) {
            Class<?> type = pattern.getObjectType() instanceof ClassObjectType c ? c.getClassType() : null;
            boolean profile = type == Profile.class;
            if (!profile && type != null && type.isAssignableFrom(Profile.class)) {
                opaque(rule.getName(), "matches " + type.getSimpleName() + ", which a profile also is");
            }
            if (pattern.getSource() != null) {
                opaque(rule.getName(), "has a pattern with a source (" + pattern.getSource().getClass().getSimpleName() + ")");
            }
            if (!profile && type != PolicyParameters.class) {
                needed.add(type == null ? String.valueOf(pattern.getObjectType()) : type.getSimpleName());
            }
            for (Constraint constraint : pattern.getConstraints()) {
                constraint(rule, constraint, profile, required);
            }
        }

        private void constraint(RuleImpl rule, Constraint constraint, boolean onProfile, boolean mustHold) {
            Map<String, Object> variables = new HashMap<>();
            boolean unresolved = false;
            Declaration[] declarations = constraint.getRequiredDeclarations();
            for (Declaration d : declarations == null ? new Declaration[0] : declarations) {
                Class<?> type = typeOf(d);
                if (isProfile(type)) {
                    observeProfileDeclaration(rule.getName(), d, "a constraint");
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
                opaque(rule.getName(), "has a " + constraint.getClass().getSimpleName() + " on the profile");
                return;
            }
            String expression = mvel.getExpression();
            String code = STRING_LITERAL.matcher(expression).replaceAll("\"\"");
            Set<String> fields = fieldsIn(rule, code);
            if (fields.isEmpty()) {
                return;
            }
            if (fields.size() == 1) {
                String field = fields.iterator().next();
                TreeSet<BigDecimal> numbers = thresholds.computeIfAbsent(field, f -> new TreeSet<>());
                Matcher n = NUMBER.matcher(code);
                while (n.find()) {
                    numbers.add(new BigDecimal(n.group()));
                }
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
                Test test = known.stream().filter(t -> t.expression().equals(expression) && t.variables().equals(variables))
                        .findFirst().orElse(null);
                if (test == null) {
                    Serializable compiled = MVEL.compileExpression(expression, context);
                    test = new Test(expression, compiled, Map.copyOf(variables));
                    known.add(test);
                }
                readBy.computeIfAbsent(rule.getName(), r -> new ArrayList<>()).add(test);
                if (mustHold) {
                    required.computeIfAbsent(rule.getName(), r -> new ArrayList<>()).add(new Required(field, test));
                }
            } catch (RuntimeException e) {
                exact.add(field);
            }
        }

        /** The profile fields an MVEL constraint on a profile pattern names; opaque if it may read the fact otherwise. */
        private Set<String> fieldsIn(RuleImpl rule, String code) {
            Set<String> fields = new LinkedHashSet<>();
            Matcher m = IDENTIFIER.matcher(code);
            while (m.find()) {
                String token = m.group();
                if (token.startsWith("$") || Character.isDigit(token.charAt(0))) {
                    continue;
                }
                char before = previous(code, m.start());
                char after = next(code, m.end());
                if (before == '.') {
                    continue;
                }
                if (token.equals("this")) {
                    opaque(rule.getName(), "refers to the whole profile (this)");
                } else if (FIELD_SET.contains(token)) {
                    fields.add(token);
                } else if (accessorField(token) != null) {
                    fields.add(accessorField(token));
                } else if (after == '(' && PROFILE_METHODS.contains(token)) {
                    opaque(rule.getName(), "calls " + token + "() on the profile");
                }
            }
            return fields;
        }

        private void observeProfileDeclaration(String rule, Declaration d, String where) {
            if (d.isPatternDeclaration()) {
                opaque(rule, "uses the whole profile (" + d.getIdentifier() + ") in " + where);
                return;
            }
            String method = d.getExtractor() == null ? null : d.getExtractor().getNativeReadMethodName();
            String field = method == null ? null : FIELD_SET.contains(method) ? method : accessorField(method);
            if (field == null) {
                opaque(rule, "uses profile binding " + d.getIdentifier() + " in " + where);
            } else {
                exact.add(field);
            }
        }

        private void opaque(String rule, String why) {
            opaqueReasons.add("rule '" + rule + "' " + why);
        }
    }

    private static Class<?> typeOf(Declaration d) {
        return d.getPattern() != null && d.getPattern().getObjectType() instanceof ClassObjectType c ? c.getClassType() : null;
    }

    /** True for Profile and for any type a profile also is (a binding on such a pattern may hold the profile). */
    private static boolean isProfile(Class<?> type) {
        return type != null && type.isAssignableFrom(Profile.class);
    }

    /** {@code getAge} or {@code isScored} to the field it reads, else null. */
    private static String accessorField(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String field = Character.toLowerCase(method.charAt(prefix.length())) + method.substring(prefix.length() + 1);
                if (FIELD_SET.contains(field)) {
                    return field;
                }
            }
        }
        return null;
    }

    private static char previous(String s, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }

    private static char next(String s, int index) {
        for (int i = index; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }
}

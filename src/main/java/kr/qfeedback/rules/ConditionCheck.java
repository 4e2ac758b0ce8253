package kr.qfeedback.rules;

import java.util.List;
import java.util.Set;
import kr.qfeedback.rules.RuleCode.Kind;
import kr.qfeedback.rules.RuleCode.Token;
import kr.qfeedback.rules.RuleCode.Unreadable;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;

/**
 * The allow-list's check of a rule's conditions: patterns on the model's facts combined with
 * {@code and}, {@code or}, {@code not}, {@code exists}, and constraints that only bind and compare.
 */
final class ConditionCheck {
    private final AllowListRefusals refusals;

    ConditionCheck(AllowListRefusals refusals) {
        this.refusals = refusals;
    }

    /** Checks {@code descr}, adding the {@code $names} it binds to {@code bound} and the facts it matches to {@code matched}. */
    void check(GeneratedDrl source, PackageDescr pkg, BaseDescr descr, Set<String> bound, Set<String> matched) {
        if (descr instanceof AndDescr and) {
            for (BaseDescr d : and.getDescrs()) {
                check(source, pkg, d, bound, matched);
            }
        } else if (descr instanceof OrDescr or) {
            for (BaseDescr d : or.getDescrs()) {
                check(source, pkg, d, bound, matched);
            }
        } else if (descr instanceof NotDescr not) {
            for (BaseDescr d : not.getDescrs()) {
                check(source, pkg, d, bound, matched);
            }
        } else if (descr instanceof ExistsDescr exists) {
            for (Object d : exists.getDescrs()) {
                check(source, pkg, (BaseDescr) d, bound, matched);
            }
        } else if (descr instanceof PatternDescr pattern) {
            checkPattern(source, pkg, pattern, bound, matched);
        } else {
            refusals.refuse(source, descr.getLine(), AllowListMessages.condition(descr));
        }
    }

    private void checkPattern(
            GeneratedDrl source, PackageDescr pkg, PatternDescr pattern, Set<String> bound, Set<String> matched) {
        int line = pattern.getLine();
        String type = pattern.getObjectType();
        String model = RuleAllowList.MODEL_PACKAGE;
        String simple = type != null && type.startsWith(model + ".") ? type.substring(model.length() + 1) : type;
        if (pattern.getSource() != null) {
            refusals.refuse(
                    source,
                    line,
                    AllowListMessages.patternSource(String.valueOf(
                            pattern.getSource().getText() != null
                                    ? pattern.getSource().getText()
                                    : pattern.getSource())));
            return;
        }
        if (pattern.isQuery()) {
            refusals.refuse(source, line, AllowListMessages.patternQuery(type));
            return;
        }
        if (!pattern.getBehaviors().isEmpty() || !pattern.getAnnotationNames().isEmpty()) {
            refusals.refuse(source, line, AllowListMessages.patternWindowOrAnnotation(type));
            return;
        }
        if (type == null || !RuleAllowList.PATTERN_TYPES.contains(simple)) {
            if (type == null || type.contains(".") || isClass(pkg, type)) {
                refusals.refuse(source, line, AllowListMessages.patternType(type));
                return;
            }
            // An unknown simple name (a typo): Drools reports it with the names that exist; no code can run.
        } else {
            matched.add(simple);
        }
        if (pattern.getIdentifier() != null) {
            bound.add(pattern.getIdentifier());
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (!(constraint instanceof ExprConstraintDescr expr) || expr.getType() != ExprConstraintDescr.Type.NAMED) {
                refusals.refuse(
                        source,
                        constraint.getLine() > 0 ? constraint.getLine() : line,
                        AllowListMessages.constraintForm(type, constraint.toString()));
                continue;
            }
            checkConstraint(
                    source, constraint.getLine() > 0 ? constraint.getLine() : line, type, expr.getExpression(), bound);
        }
    }

    /** Whether Drools would resolve {@code name} to an existing class (java.lang, the DRL's package, the model). */
    private static boolean isClass(PackageDescr pkg, String name) {
        for (String candidate :
                List.of("java.lang." + name, pkg.getName() + "." + name, RuleAllowList.MODEL_PACKAGE + "." + name)) {
            try {
                Class.forName(candidate, false, RuleAllowList.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not this one
            }
        }
        return false;
    }

    // ---- constraints ----

    private void checkConstraint(GeneratedDrl source, int line, String type, String expression, Set<String> bound) {
        try {
            List<Token> tokens = RuleCode.tokens(expression);
            CodeCursor c = new CodeCursor(tokens);
            if (tokens.size() >= 2
                    && tokens.get(0).kind() == Kind.NAME
                    && tokens.get(1).is(":")) {
                bound.add(tokens.get(0).text());
                c.next();
                c.next();
            }
            orExpr(c);
            if (!c.done()) {
                throw c.unreadable(expression);
            }
        } catch (Unreadable e) {
            refusals.refuse(source, line + e.line, AllowListMessages.constraintCode(type, expression, e.fragment));
        }
    }

    private static void orExpr(CodeCursor c) throws Unreadable {
        andExpr(c);
        while (c.accept("||")) {
            andExpr(c);
        }
    }

    private static void andExpr(CodeCursor c) throws Unreadable {
        unary(c);
        while (c.accept("&&")) {
            unary(c);
        }
    }

    private static void unary(CodeCursor c) throws Unreadable {
        if (c.accept("!")) {
            unary(c);
            return;
        }
        if (c.accept("(")) {
            orExpr(c);
            c.expect(")");
            return;
        }
        operand(c);
        if (c.peekIs("==") || c.peekIs("!=") || c.peekIs("<") || c.peekIs("<=") || c.peekIs(">") || c.peekIs(">=")) {
            c.next();
            operand(c);
        }
    }

    private static void operand(CodeCursor c) throws Unreadable {
        Token t = c.peek();
        if (t == null) {
            throw c.unreadable(null);
        }
        if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER) {
            c.next();
            return;
        }
        if (c.acceptNegativeNumber()) {
            return;
        }
        if (t.is("Flag") && c.peekAt(1) != null && c.peekAt(1).is(".")) {
            c.next();
            c.next();
            c.expectName("of");
            c.expect("(");
            c.expectKind(Kind.STRING);
            c.expect(")");
            return;
        }
        if (t.kind() == Kind.NAME && !t.is("new")) {
            c.next();
            Token after = c.peek();
            if (after != null && (after.is(".") || after.is("("))) {
                throw c.unreadable(null);
            }
            return;
        }
        throw c.unreadable(null);
    }
}

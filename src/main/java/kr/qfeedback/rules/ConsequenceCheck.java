package kr.qfeedback.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.qfeedback.rules.RuleCode.Kind;
import kr.qfeedback.rules.RuleCode.Token;
import kr.qfeedback.rules.RuleCode.Unreadable;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The allow-list's check of a rule's consequence, statement by statement: only making, setting and
 * inserting the facts the rules decide, from literals and bound {@code $names}.
 */
final class ConsequenceCheck {
    private static final Set<String> RESERVED =
            Set.of("drools", "kcontext", "insert", "new", "this", "class", "true", "false", "null");
    private final AllowListRefusals refusals;

    ConsequenceCheck(AllowListRefusals refusals) {
        this.refusals = refusals;
    }

    /** Checks the consequence {@code code} of {@code rule}, adding the facts it inserts to {@code inserted}. */
    void check(GeneratedDrl source, RuleDescr rule, String code, Set<String> bound, Set<String> inserted) {
        List<Token> tokens;
        try {
            tokens = RuleCode.tokens(code);
        } catch (Unreadable e) {
            refusals.refuse(
                    source,
                    firstLineOf(source.drl(), rule.getConsequenceLine(), code) + e.line,
                    AllowListMessages.consequenceCode(e.fragment));
            return;
        }
        Map<String, String> locals = new HashMap<>();
        CodeCursor c = new CodeCursor(tokens);
        while (!c.done()) {
            int start = c.position();
            try {
                statement(c, bound, locals, inserted);
            } catch (Unreadable e) {
                Token from = tokens.get(start);
                refusals.refuse(
                        source,
                        firstLineOf(source.drl(), rule.getConsequenceLine(), code) + from.line(),
                        AllowListMessages.consequenceCode(RuleCode.fragment(code, from.at())));
                return;
            }
        }
    }

    private static void statement(CodeCursor c, Set<String> bound, Map<String, String> locals, Set<String> inserted)
            throws Unreadable {
        Token t = c.peek();
        if (t.is("insert")) {
            c.next();
            c.expect("(");
            if (c.peekIs("new")) {
                inserted.add(construction(c, bound, locals));
            } else {
                Token local = c.expectKind(Kind.NAME);
                String type = locals.get(local.text());
                if (type == null) {
                    throw c.unreadable(null);
                }
                inserted.add(type);
            }
            c.expect(")");
            c.expect(";");
            return;
        }
        if (t.kind() == Kind.NAME && RuleAllowList.INSERTABLE.contains(t.text())) {
            c.next();
            Token local = c.expectKind(Kind.NAME);
            if (local.text().startsWith("$")
                    || bound.contains(local.text())
                    || locals.containsKey(local.text())
                    || RESERVED.contains(local.text())) {
                throw c.unreadable(null);
            }
            c.expect("=");
            String made = construction(c, bound, locals);
            if (!made.equals(t.text())) {
                throw c.unreadable(null);
            }
            c.expect(";");
            locals.put(local.text(), made);
            return;
        }
        if (t.kind() == Kind.NAME && locals.containsKey(t.text())) {
            String type = locals.get(t.text());
            c.next();
            c.expect(".");
            Token setter = c.expectKind(Kind.NAME);
            if (!RuleAllowList.SETTERS.getOrDefault(type, Set.of()).contains(setter.text())) {
                throw c.unreadable(null);
            }
            c.expect("(");
            argument(c, bound);
            c.expect(")");
            c.expect(";");
            return;
        }
        throw c.unreadable(null);
    }

    /** {@code new T(args)}; returns T. */
    private static String construction(CodeCursor c, Set<String> bound, Map<String, String> locals) throws Unreadable {
        c.expectName("new");
        Token type = c.expectKind(Kind.NAME);
        if (!RuleAllowList.INSERTABLE.contains(type.text())) {
            throw c.unreadable(null);
        }
        c.expect("(");
        if (!c.peekIs(")")) {
            argument(c, bound);
            while (c.accept(",")) {
                argument(c, bound);
            }
        }
        c.expect(")");
        return type.text();
    }

    private static void argument(CodeCursor c, Set<String> bound) throws Unreadable {
        Token t = c.peek();
        if (t == null) {
            throw c.unreadable(null);
        }
        if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER || t.is("true") || t.is("false") || t.is("null")) {
            c.next();
            return;
        }
        if (c.acceptNegativeNumber()) {
            return;
        }
        if (t.is("drools")) {
            c.next();
            c.expect(".");
            c.expectName("getRule");
            c.expect("(");
            c.expect(")");
            c.expect(".");
            c.expectName("getName");
            c.expect("(");
            c.expect(")");
            return;
        }
        if (t.kind() == Kind.NAME && bound.contains(t.text())) {
            c.next();
            return;
        }
        throw c.unreadable(null);
    }

    /** The 1-based line of the DRL on which the (stripped) consequence text starts. */
    /** The DRL line the consequence's code starts on; looked up only for a refusal (the DRL is long). */
    private static int firstLineOf(String drl, int thenLine, String code) {
        String[] lines = drl.split("\n", -1);
        String firstCodeLine = code.strip().lines().findFirst().orElse("").strip();
        if (thenLine <= 0 || firstCodeLine.isEmpty()) {
            return Math.max(thenLine, 0);
        }
        for (int i = thenLine - 1; i < lines.length; i++) {
            if (lines[i].contains(firstCodeLine)) {
                return i + 1;
            }
        }
        return thenLine;
    }
}

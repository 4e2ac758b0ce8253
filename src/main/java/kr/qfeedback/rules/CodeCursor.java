package kr.qfeedback.rules;

import java.util.List;
import kr.qfeedback.rules.RuleCode.Kind;
import kr.qfeedback.rules.RuleCode.Token;
import kr.qfeedback.rules.RuleCode.Unreadable;

/** Reads the tokens of a constraint or a consequence once, front to back, for the allow-list's checks. */
final class CodeCursor {
    private final List<Token> tokens;
    private int i;

    CodeCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    boolean done() {
        return i >= tokens.size();
    }

    int position() {
        return i;
    }

    Token peek() {
        return peekAt(0);
    }

    Token peekAt(int ahead) {
        return i + ahead < tokens.size() ? tokens.get(i + ahead) : null;
    }

    boolean peekIs(String s) {
        Token t = peek();
        return t != null && t.is(s);
    }

    Token next() {
        return tokens.get(i++);
    }

    boolean accept(String s) {
        if (peekIs(s)) {
            i++;
            return true;
        }
        return false;
    }

    void expect(String s) throws Unreadable {
        if (!accept(s)) {
            throw unreadable(null);
        }
    }

    void expectName(String s) throws Unreadable {
        Token t = peek();
        if (t == null || t.kind() != Kind.NAME || !t.text().equals(s)) {
            throw unreadable(null);
        }
        i++;
    }

    Token expectKind(Kind kind) throws Unreadable {
        Token t = peek();
        if (t == null || t.kind() != kind) {
            throw unreadable(null);
        }
        i++;
        return t;
    }

    /** Takes a negative number literal ({@code -5}) when one comes next; false otherwise. */
    boolean acceptNegativeNumber() {
        Token t = peek();
        if (t != null && t.is("-") && peekAt(1) != null && peekAt(1).kind() == Kind.NUMBER) {
            next();
            next();
            return true;
        }
        return false;
    }

    Unreadable unreadable(String code) {
        Token t = peek();
        if (t == null) {
            Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            return new Unreadable(last == null ? 0 : last.line(), "");
        }
        return new Unreadable(t.line(), t.kind() == Kind.STRING ? "\"" + t.text() + "\"" : t.text());
    }
}

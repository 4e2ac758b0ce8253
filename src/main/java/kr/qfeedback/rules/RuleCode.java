package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict tokenizer for the little code a rule file may hold: the constraints of a pattern
 * ({@code age <= $maxAge}) and the statements of a consequence
 * ({@code insert( new ExemptionStatus( "EXPIRED" ) );}). It knows names, double-quoted strings
 * without escapes, decimal numbers and a handful of operators; anything else (a backslash, which
 * Java reads as a unicode escape before anything else, a bracket, a brace, {@code +}, {@code @},
 * {@code #}, single quotes, a text block …) is not a token, and the code is refused.
 */
final class RuleCode {

    enum Kind {
        NAME,
        STRING,
        NUMBER,
        SYMBOL
    }

    /** One token, the 0-based line (counted from the start of the code) it is on, and its offset. */
    record Token(Kind kind, String text, int line, int at) {
        boolean is(String s) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(s);
        }
    }

    /** The code could not be read: {@code fragment} is where, {@code line} the 0-based line. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final String fragment;

        Unreadable(int line, String fragment) {
            super(fragment, null, false, false);
            this.line = line;
            this.fragment = fragment;
        }
    }

    private static final String[] SYMBOLS = {
        "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", ",", ";", ".", "=", ":", "-"
    };

    private RuleCode() {}

    static List<Token> tokens(String code) throws Unreadable {
        List<Token> tokens = new ArrayList<>();
        int line = 0;
        int i = 0;
        int n = code.length();
        outer:
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            if (code.startsWith("//", i)) {
                while (i < n && code.charAt(i) != '\n') {
                    if (code.charAt(i) == '\\') {
                        throw new Unreadable(line, fragment(code, i));
                    }
                    i++;
                }
                continue;
            }
            if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new Unreadable(line, fragment(code, i));
                }
                String comment = code.substring(i, end);
                if (comment.indexOf('\\') >= 0) {
                    throw new Unreadable(line, fragment(code, i));
                }
                line += (int) comment.chars().filter(ch -> ch == '\n').count();
                i = end + 2;
                continue;
            }
            if (c == '"') {
                int j = i + 1;
                while (j < n && code.charAt(j) != '"') {
                    char s = code.charAt(j);
                    if (s == '\\' || s == '\n' || s == '\r') {
                        throw new Unreadable(line, fragment(code, i));
                    }
                    j++;
                }
                if (j >= n) {
                    throw new Unreadable(line, fragment(code, i));
                }
                tokens.add(new Token(Kind.STRING, code.substring(i + 1, j), line, i));
                i = j + 1;
                continue;
            }
            if (c >= '0' && c <= '9') {
                int j = i;
                while (j < n && Character.isDigit(code.charAt(j)) && code.charAt(j) < 128) {
                    j++;
                }
                if (j + 1 < n && code.charAt(j) == '.' && code.charAt(j + 1) >= '0' && code.charAt(j + 1) <= '9') {
                    j++;
                    while (j < n && code.charAt(j) >= '0' && code.charAt(j) <= '9') {
                        j++;
                    }
                }
                if (j < n && Character.isJavaIdentifierPart(code.charAt(j))) {
                    // 10L, 0x1F, 1e9, 10d: not a plain decimal literal.
                    throw new Unreadable(line, fragment(code, i));
                }
                tokens.add(new Token(Kind.NUMBER, code.substring(i, j), line, i));
                i = j;
                continue;
            }
            if (Character.isJavaIdentifierStart(c) && c != '\\') {
                int j = i + 1;
                while (j < n
                        && Character.isJavaIdentifierPart(code.charAt(j))
                        && !Character.isIdentifierIgnorable(code.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Kind.NAME, code.substring(i, j), line, i));
                i = j;
                continue;
            }
            for (String symbol : SYMBOLS) {
                if (code.startsWith(symbol, i)) {
                    tokens.add(new Token(Kind.SYMBOL, symbol, line, i));
                    i += symbol.length();
                    continue outer;
                }
            }
            throw new Unreadable(line, fragment(code, i));
        }
        return tokens;
    }

    /** Up to 60 characters of one line of the code, from {@code at}, for a message. */
    static String fragment(String code, int at) {
        int end = code.indexOf('\n', at);
        String rest = (end < 0 ? code.substring(at) : code.substring(at, end)).strip();
        return rest.length() > 60 ? rest.substring(0, 60) + "…" : rest;
    }
}

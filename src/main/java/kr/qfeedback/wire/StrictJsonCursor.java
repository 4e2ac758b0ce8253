package kr.qfeedback.wire;

import java.nio.charset.StandardCharsets;

/**
 * Reads JSON from a byte array in one pass, accepting only a strict, common subset of what
 * Vert.x's parser accepts: no comments, no byte-order mark, no escape sequences in strings, no
 * whole numbers longer than 18 digits or numbers longer than 100 characters, nesting at most {@value #MAX_DEPTH} deep, nothing but JSON white
 * space between tokens. Whatever falls outside that subset, valid or not, ends the reading with
 * {@link Refused}, and the caller hands the body to the full parser. Inside the subset each value
 * is what Jackson gives for it: a string as its UTF-8 text, a whole number as an {@link Integer}
 * when it fits one and a {@link Long} otherwise, any other number as the nearest {@link Double}.
 */
final class StrictJsonCursor {
    /** The body is outside the subset this cursor reads: let the full parser read it. */
    static final class Refused extends Exception {
        static final Refused INSTANCE = new Refused();

        private Refused() {
            super(null, null, false, false);
        }
    }

    static final int MAX_DEPTH = 64;
    private static final int MAX_DIGITS = 18;
    /** Longer numbers are left to the parser (whose own limit is 1000 characters). */
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final byte[][] NO_NAMES = {};
    /** Powers of ten that are exact doubles, for the fast decimal path. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private final byte[] bytes;
    private final int end;
    private int at;

    StrictJsonCursor(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /** Reads {@code bytes} from {@code from} (inclusive) to {@code to} (exclusive). */
    StrictJsonCursor(byte[] bytes, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, bytes.length);
        this.bytes = bytes;
        this.at = from;
        this.end = to;
    }

    /** The next byte after white space, not consumed; -1 at the end. */
    int peek() {
        while (at < end) {
            byte b = bytes[at];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b & 0xFF;
            }
            at++;
        }
        return -1;
    }

    /** Whether only white space is left. */
    boolean atEnd() {
        return peek() == -1;
    }

    /** Consumes {@code expected} after white space. */
    void expect(char expected) throws Refused {
        if (peek() != expected) {
            throw Refused.INSTANCE;
        }
        at++;
    }

    /** Consumes {@code null} when it comes next; false (nothing consumed) when something else does. */
    boolean nullNext() throws Refused {
        if (peek() != 'n') {
            return false;
        }
        literal("null");
        return true;
    }

    /**
     * Starts an object's next member: after {@code {} (first) or a previous member, reads the
     * separator and the name up to its colon. Returns the index of the name in {@code names}, -1 for
     * another name, or -2 when the object ends (its {@code }} consumed).
     */
    int nextMember(byte[][] names, boolean first) throws Refused {
        int next = peek();
        if (next == '}') {
            at++;
            return -2;
        }
        if (!first) {
            if (next != ',') {
                throw Refused.INSTANCE;
            }
            at++;
            next = peek();
        }
        if (next != '"') {
            throw Refused.INSTANCE;
        }
        int start = ++at;
        int stop = closingQuote();
        at = stop + 1;
        expect(':');
        int length = stop - start;
        for (int i = 0; i < names.length; i++) {
            byte[] name = names[i];
            if (name.length == length && java.util.Arrays.equals(bytes, start, stop, name, 0, length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Before an array's next item: after {@code [} (first) or a previous item, reads the separator.
     * False when the array ends (its {@code ]} consumed). After a separator an item must follow.
     */
    boolean nextItem(boolean first) throws Refused {
        int next = peek();
        if (next == ']') {
            at++;
            return false;
        }
        if (!first) {
            if (next != ',') {
                throw Refused.INSTANCE;
            }
            at++;
        }
        return true;
    }

    /** A string, number, boolean or null value, as Jackson gives it; an object or array is refused. */
    Object scalar() throws Refused {
        int next = peek();
        switch (next) {
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (next == '-' || (next >= '0' && next <= '9')) {
                    return number();
                }
                throw Refused.INSTANCE;
        }
    }

    /** Reads past one value of any kind (nested at most {@value #MAX_DEPTH} deep). */
    void skipValue() throws Refused {
        skipValue(0);
    }

    private void skipValue(int depth) throws Refused {
        if (depth > MAX_DEPTH) {
            throw Refused.INSTANCE;
        }
        int next = peek();
        if (next == '{') {
            at++;
            boolean first = true;
            while (nextMember(NO_NAMES, first) != -2) {
                skipValue(depth + 1);
                first = false;
            }
        } else if (next == '[') {
            at++;
            boolean first = true;
            while (nextItem(first)) {
                skipValue(depth + 1);
                first = false;
            }
        } else {
            scalar();
        }
    }

    private String string() throws Refused {
        int start = ++at;
        boolean ascii = true;
        int i = start;
        while (true) {
            if (i >= end) {
                throw Refused.INSTANCE;
            }
            byte b = bytes[i];
            if (b == '"') {
                break;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                throw Refused.INSTANCE;
            }
            if (b < 0) {
                ascii = false;
            }
            i++;
        }
        at = i + 1;
        if (ascii) {
            return new String(bytes, start, i - start, StandardCharsets.ISO_8859_1);
        }
        String text = new String(bytes, start, i - start, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            throw Refused.INSTANCE; // malformed UTF-8 (or a replacement character): the parser decides
        }
        return text;
    }

    /** The index of the quote closing a name that starts at {@link #at}; names are plain ASCII here. */
    private int closingQuote() throws Refused {
        for (int i = at; i < end; i++) {
            byte b = bytes[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0x20) {
                throw Refused.INSTANCE; // escapes, control and non-ASCII bytes in a name: the parser decides
            }
        }
        throw Refused.INSTANCE;
    }

    private void literal(String word) throws Refused {
        int n = word.length();
        if (at + n > end) {
            throw Refused.INSTANCE;
        }
        for (int i = 0; i < n; i++) {
            if (bytes[at + i] != word.charAt(i)) {
                throw Refused.INSTANCE;
            }
        }
        at += n;
        delimiter();
    }

    /** A value must be followed by white space, a separator, a closing bracket or the end. */
    private void delimiter() throws Refused {
        if (at < end) {
            byte b = bytes[at];
            if (b != ',' && b != '}' && b != ']' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                throw Refused.INSTANCE;
            }
        }
    }

    /**
     * A JSON number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. Whole numbers
     * are Integer or Long as Jackson makes them (longer ones are refused); others the nearest
     * double, computed exactly as {@link Double#parseDouble} would (a short decimal by one correctly
     * rounded division).
     */
    private Number number() throws Refused {
        int start = at;
        boolean negative = bytes[at] == '-';
        int i = negative ? at + 1 : at;
        int intStart = i;
        long mantissa = 0;
        int digits = 0;
        while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
            if (++digits <= MAX_DIGITS) {
                mantissa = mantissa * 10 + (bytes[i] - '0');
            }
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && bytes[intStart] == '0')) {
            throw Refused.INSTANCE; // no digits, or a leading zero
        }
        int fractionDigits = 0;
        boolean decimal = false;
        if (i < end && bytes[i] == '.') {
            decimal = true;
            int fractionStart = ++i;
            while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
                if (++digits <= MAX_DIGITS) {
                    mantissa = mantissa * 10 + (bytes[i] - '0');
                }
                i++;
            }
            fractionDigits = i - fractionStart;
            if (fractionDigits == 0) {
                throw Refused.INSTANCE;
            }
        }
        boolean exponent = false;
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            exponent = true;
            i++;
            if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
                i++;
            }
            int exponentStart = i;
            while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
                i++;
            }
            if (i == exponentStart) {
                throw Refused.INSTANCE;
            }
        }
        if (i - start > MAX_NUMBER_LENGTH) {
            throw Refused.INSTANCE;
        }
        at = i;
        delimiter();
        if (!decimal && !exponent) {
            if (digits > MAX_DIGITS) {
                throw Refused.INSTANCE; // Jackson would make a BigInteger: the parser decides
            }
            long value = negative ? -mantissa : mantissa;
            if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                return Integer.valueOf((int) value); // not in a conditional expression: that would make both a Long
            }
            return Long.valueOf(value);
        }
        if (!exponent && digits <= MAX_DIGITS && mantissa < (1L << 53) && fractionDigits < POWERS_OF_TEN.length) {
            // Both operands are exact doubles and IEEE division rounds correctly: this is parseDouble's answer.
            double value = mantissa / POWERS_OF_TEN[fractionDigits];
            return negative ? -value : value;
        }
        return Double.parseDouble(new String(bytes, start, i - start, StandardCharsets.ISO_8859_1));
    }
}

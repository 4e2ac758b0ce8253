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
    private static final byte[][] NO_NAMES = {};

    /** Read by {@link JsonNumbers} too, which moves {@link #at} past the number it reads. */
    final byte[] bytes;

    final int end;
    int at;

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
            if (name.length == length && sameBytes(start, name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the input from {@code start} holds {@code name}: a byte loop, as names are a few bytes long. */
    private boolean sameBytes(int start, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (bytes[start + i] != name[i]) {
                return false;
            }
        }
        return true;
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
                    return JsonNumbers.read(this);
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
    void delimiter() throws Refused {
        if (at < end) {
            byte b = bytes[at];
            if (b != ',' && b != '}' && b != ']' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                throw Refused.INSTANCE;
            }
        }
    }
}

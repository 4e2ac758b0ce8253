package kr.qfeedback.wire;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON text as UTF-8 bytes in one growable array, written by the caller in order: the decision
 * JSON has a fixed shape, so names (with their quotes, colon and the comma before them) are
 * encoded once as byte arrays and copied, and only values are encoded per decision.
 *
 * <p>The bytes are exactly those Jackson's UTF-8 generator writes with its default settings (which
 * is what the rest of the service and Vert.x write): {@code "} and {@code \} escaped with a
 * backslash, control characters as {@code \b \t \n \f \r} or {@code \}{@code u00XX}, every surrogate
 * char (half of a pair, or alone) as {@code \}{@code uXXXX} in capitals, everything else as plain
 * UTF-8; decimals as {@link Double#toString}, non-finite ones quoted. {@code JsonBytesTest} checks this
 * against Jackson on every char.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** For ASCII: 0 = as it is, a letter = backslash and that letter, -1 = {@code \}{@code u00XX}. */
    private static final int[] ESCAPES = new int[128];

    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    /** How many values of one document {@link #repeatedContent} keeps track of. */
    private static final int REMEMBERED = 12;

    private byte[] bytes;
    private int length;
    /** Values written with {@link #repeatedContent} since {@link #forget}, and where their bytes are (from, to). */
    private final Object[] rememberedValues = new Object[REMEMBERED];

    private final int[] rememberedSpans = new int[2 * REMEMBERED];
    private int remembered;

    JsonBytes(int capacity) {
        this.bytes = new byte[capacity];
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code text} as a JSON string (quoted, escaped) in UTF-8: for names and values encoded once. */
    static byte[] encoded(String text) {
        JsonBytes json = new JsonBytes(text.length() * 3 + 8);
        json.string(text);
        return json.toByteArray();
    }

    /** {@code "name":} after {@code before} (a brace or a comma), encoded: a fixed name written once. */
    static byte[] name(char before, String name) {
        return new JsonBytes(name.length() * 3 + 8)
                .raw(before)
                .string(name)
                .raw(':')
                .toByteArray();
    }

    /** Empties the array for the next text (keeps its capacity). */
    JsonBytes clear() {
        length = 0;
        remembered = 0;
        return this;
    }

    /** Starts a new document for {@link #repeatedContent}: the values remembered before are forgotten. */
    JsonBytes forget() {
        remembered = 0;
        return this;
    }

    /**
     * As {@link #stringContent}; a value written so before in this document (the very same string)
     * is copied from where it was written, as every char is escaped on its own (its bytes are the
     * same). The last few values of a document written so are remembered.
     */
    JsonBytes repeatedContent(String text) {
        for (int i = 0, known = Math.min(remembered, REMEMBERED); i < known; i++) {
            if (rememberedValues[i] == text) {
                int from = rememberedSpans[2 * i];
                int n = rememberedSpans[2 * i + 1] - from;
                ensure(n);
                System.arraycopy(bytes, from, bytes, length, n);
                length += n;
                return this;
            }
        }
        int from = length;
        stringContent(text);
        int slot = remembered++ % REMEMBERED; // the oldest makes way
        rememberedValues[slot] = text;
        rememberedSpans[2 * slot] = from;
        rememberedSpans[2 * slot + 1] = length;
        return this;
    }

    int length() {
        return length;
    }

    int capacity() {
        return bytes.length;
    }

    /** The array the bytes are in (the first {@link #length} of it; replaced when it grows). */
    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The bytes in a new Vert.x buffer of exactly their length (one copy). */
    Buffer toBuffer() {
        return Buffer.buffer(length).appendBytes(bytes, 0, length);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    JsonBytes raw(byte[] encoded) {
        return raw(encoded, encoded.length);
    }

    /** The first {@code length} bytes of {@code encoded}. */
    JsonBytes raw(byte[] encoded, int length) {
        ensure(length);
        System.arraycopy(encoded, 0, bytes, this.length, length);
        this.length += length;
        return this;
    }

    /** A non-negative {@code value} in exactly {@code count} decimal digits, zeros in front. */
    JsonBytes digits(long value, int count) {
        ensure(count);
        for (int i = length + count - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += count;
        return this;
    }

    JsonBytes raw(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** A comma before every element of an array or object but the first ({@code index} 0). */
    JsonBytes separator(int index) {
        return index == 0 ? this : raw(',');
    }

    JsonBytes nullValue() {
        return raw(NULL);
    }

    JsonBytes bool(boolean value) {
        return raw(value ? TRUE : FALSE);
    }

    JsonBytes number(long value) {
        if (value >= 0 && value < 10) {
            return raw((char) ('0' + value));
        }
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return asciiText(Long.toString(value));
            }
            raw('-');
            value = -value;
        }
        int count = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            count++;
        }
        return digits(value, count);
    }

    JsonBytes number(double value) {
        if (Double.isFinite(value)) {
            return asciiText(Double.toString(value));
        }
        return string(Double.toString(value)); // "NaN", "Infinity": quoted, as Jackson does by default
    }

    private JsonBytes asciiText(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** {@code text} as the inside of a JSON string (escaped, UTF-8, no quotes), encoded once. */
    static byte[] encodedContent(String text) {
        return new JsonBytes(text.length() * 3 + 8).stringContent(text).toByteArray();
    }

    /** A JSON string, or null. */
    JsonBytes stringOrNull(String text) {
        return text == null ? nullValue() : string(text);
    }

    /** A JSON string: quoted, escaped, UTF-8. */
    JsonBytes string(String text) {
        return raw('"').stringContent(text).raw('"');
    }

    /**
     * The inside of a JSON string (escaped, UTF-8) without its quotes: a string written in pieces
     * reads exactly as the whole, since every char is escaped on its own (surrogates too).
     */
    JsonBytes stringContent(String text) {
        int n = text.length();
        ensure(n * 6); // the worst case: every char as a six-byte escape
        byte[] out = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                int escape = ESCAPES[c];
                if (escape == 0) {
                    out[at++] = (byte) c;
                } else if (escape > 0) {
                    out[at++] = '\\';
                    out[at++] = (byte) escape;
                } else {
                    at = unicodeEscape(out, at, c);
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                at = unicodeEscape(out, at, c);
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = at;
        return this;
    }

    private static int unicodeEscape(byte[] out, int at, char c) {
        out[at++] = '\\';
        out[at++] = 'u';
        out[at++] = HEX[(c >> 12) & 0xF];
        out[at++] = HEX[(c >> 8) & 0xF];
        out[at++] = HEX[(c >> 4) & 0xF];
        out[at++] = HEX[c & 0xF];
        return at;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}

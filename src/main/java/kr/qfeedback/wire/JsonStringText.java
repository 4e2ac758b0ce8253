package kr.qfeedback.wire;

/**
 * The text inside a JSON string that {@link JsonBytes} wrote, read back as UTF-8 bytes without
 * making a string: exactly the bytes {@code String.getBytes(UTF_8)} gives for the text written, so
 * a text encoded once for the JSON can be copied elsewhere (the batch's CSV of text messages).
 * Escapes are undone; a surrogate pair written as two {@code \}{@code u} escapes becomes its
 * four-byte form and a lone surrogate {@code ?}, as {@code getBytes} writes them.
 */
final class JsonStringText {
    private JsonStringText() {}

    /**
     * Writes the text of the escaped content {@code from}–{@code to} of {@code json} into
     * {@code out} from 0 and returns its length; {@code out} needs {@code to - from} bytes (the
     * text is never longer than its escaped form).
     */
    static int unescape(byte[] json, int from, int to, byte[] out) {
        int at = 0;
        int i = from;
        while (i < to) {
            byte b = json[i];
            if (b != '\\') {
                out[at++] = b;
                i++;
                continue;
            }
            byte escape = json[i + 1];
            if (escape != 'u') {
                out[at++] = switch (escape) {
                    case 'b' -> '\b';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'f' -> '\f';
                    case 'r' -> '\r';
                    default -> escape; // the quote, the backslash and the slash stand for themselves
                };
                i += 2;
                continue;
            }
            char c = hex(json, i + 2);
            i += 6;
            if (Character.isHighSurrogate(c) && i + 6 <= to && json[i] == '\\' && json[i + 1] == 'u') {
                char low = hex(json, i + 2);
                if (Character.isLowSurrogate(low)) {
                    at = utf8(out, at, Character.toCodePoint(c, low));
                    i += 6;
                    continue;
                }
            }
            at = Character.isSurrogate(c) ? put(out, at, '?') : utf8(out, at, c);
        }
        return at;
    }

    private static char hex(byte[] json, int at) {
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            value = value << 4 | Character.digit(json[i], 16);
        }
        return (char) value;
    }

    private static int put(byte[] out, int at, char ascii) {
        out[at] = (byte) ascii;
        return at + 1;
    }

    private static int utf8(byte[] out, int at, int codePoint) {
        if (codePoint < 0x80) {
            out[at++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            out[at++] = (byte) (0xC0 | (codePoint >> 6));
            out[at++] = (byte) (0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            out[at++] = (byte) (0xE0 | (codePoint >> 12));
            out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            out[at++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
            out[at++] = (byte) (0xF0 | (codePoint >> 18));
            out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            out[at++] = (byte) (0x80 | (codePoint & 0x3F));
        }
        return at;
    }
}

package kr.qfeedback.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.Text;

/**
 * A chunk's text messages as CSV rows for a sending system ({@code batch --notifications FILE}):
 * {@code candidateId,channel,text}, one row per channel (SMS, LMS), UTF-8, CRLF line ends and a
 * field quoted when it holds a comma, a quote or a line break, its quotes doubled (RFC 4180).
 * The file carries no phone number: the service never receives one. A text is written piece by
 * piece: a fixed piece (a template's literal text, a round's reminder) is encoded once and its
 * bytes kept with it ({@link Text.Fixed#keepRowForm}), so a row mostly copies bytes; the bytes are
 * exactly those of the joined text's {@code getBytes(UTF_8)}.
 */
final class TextMessageRows {
    static final byte[] HEADER = "candidateId,channel,text\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SMS = ",SMS,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LMS = ",LMS,".getBytes(StandardCharsets.US_ASCII);

    /** A piece's kept form ends in one byte of these flags after its text's bytes (quotes doubled). */
    private static final byte QUOTED = 1;
    /** Starts with a low or ends with a high surrogate: it may pair with its neighbour's, so the text is joined. */
    private static final byte JOIN = 2;

    private byte[] bytes = new byte[1 << 14];
    private int length;

    /** The rows of one decision's text messages: its SMS and its LMS. */
    void add(String candidateId, Notifications notifications) {
        row(candidateId, SMS, notifications.smsText());
        row(candidateId, LMS, notifications.lmsText());
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    void clear() {
        length = 0;
    }

    private void row(String candidateId, byte[] channel, Text text) {
        field(candidateId);
        append(channel, channel.length);
        field(text);
        append('\r');
        append('\n');
    }

    /**
     * One field of text, its pieces copied or encoded in turn after a byte left for the opening
     * quote, which is dropped when no piece asks for quoting (a quote inside forces it, so doubling
     * quotes as they come is right). A surrogate that may pair across pieces sends the whole text
     * through {@link #field(String)}.
     */
    void field(Text text) {
        int start = length;
        append('"');
        boolean quote = false;
        for (int i = 0, n = text.parts(); i < n; i++) {
            Object part = text.part(i);
            int flags;
            if (part instanceof Text.Fixed fixed) {
                byte[] form = rowForm(fixed);
                flags = form[form.length - 1];
                append(form, form.length - 1);
            } else {
                flags = value((String) part);
            }
            if ((flags & JOIN) != 0) {
                length = start;
                field(text.toString());
                return;
            }
            quote |= (flags & QUOTED) != 0;
        }
        if (quote) {
            append('"');
        } else {
            System.arraycopy(bytes, start + 1, bytes, start, length - start - 1);
            length--;
        }
    }

    /** One field, quoted when RFC 4180 asks for it. */
    void field(String value) {
        boolean quote = asksForQuotes(value);
        if (quote) {
            append('"');
        }
        append(encoded(value, quote));
        if (quote) {
            append('"');
        }
    }

    /** A fixed piece's bytes with their flags after them, made the first time the piece is met. */
    private static byte[] rowForm(Text.Fixed fixed) {
        if (fixed.rowForm() instanceof byte[] known) {
            return known;
        }
        String text = fixed.text();
        boolean quote = asksForQuotes(text);
        int flags = quote ? QUOTED : 0;
        if (!text.isEmpty()
                && (Character.isLowSurrogate(text.charAt(0))
                        || Character.isHighSurrogate(text.charAt(text.length() - 1)))) {
            flags |= JOIN;
        }
        byte[] encoded = encoded(text, quote);
        byte[] form = Arrays.copyOf(encoded, encoded.length + 1);
        form[encoded.length] = (byte) flags;
        fixed.keepRowForm(form);
        return form;
    }

    /**
     * Appends a value's UTF-8 bytes, its quotes doubled; returns its flags ({@link #JOIN} for any
     * surrogate). Encoded here rather than with {@code getBytes}: a decision has several values, and
     * an array for each cost the full batch ~4 % (docs/performance.md).
     */
    private int value(String value) {
        int n = value.length();
        ensure(n * 3);
        byte[] out = bytes;
        int at = length;
        int flags = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
                if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                    flags = QUOTED;
                    if (c == '"') {
                        out[at++] = '"'; // n * 3 leaves room: a quote takes two of its three
                    }
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                return JOIN; // the caller starts the field again
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = at;
        return flags;
    }

    /** Whether RFC 4180 asks for {@code text} to be quoted: it holds a comma, a quote or a line break. */
    private static boolean asksForQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /** {@code text} in UTF-8, its quotes doubled when it is quoted (a quote makes it so). */
    private static byte[] encoded(String text, boolean quoted) {
        return (quoted ? text.replace("\"", "\"\"") : text).getBytes(StandardCharsets.UTF_8);
    }

    private void append(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
    }

    private void append(byte[] more) {
        append(more, more.length);
    }

    private void append(byte[] more, int count) {
        ensure(count);
        System.arraycopy(more, 0, bytes, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }
}

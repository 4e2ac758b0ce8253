package kr.qfeedback.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import kr.qfeedback.wire.DecisionLines;

/**
 * A chunk's text messages as CSV rows for a sending system ({@code batch --notifications FILE}):
 * {@code candidateId,channel,text}, one row per channel (SMS, LMS), UTF-8, CRLF line ends and a
 * field quoted when it holds a comma, a quote or a line break, its quotes doubled (RFC 4180).
 * The file carries no phone number: the service never receives one. The texts are copied from the
 * decisions' JSON just written ({@link DecisionLines#lastSms}), not encoded a second time.
 */
final class TextMessageRows {
    static final byte[] HEADER = "candidateId,channel,text\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SMS = ",SMS,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LMS = ",LMS,".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[1 << 14];
    private int length;

    /** The rows of the decision {@code lines} holds last: its SMS and its LMS. */
    void add(String candidateId, DecisionLines lines) {
        int sms = lines.lastSms(); // first: it may give the text a larger array
        row(candidateId, SMS, lines.text(), sms);
        int lms = lines.lastLms();
        row(candidateId, LMS, lines.text(), lms);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    void clear() {
        length = 0;
    }

    private void row(String candidateId, byte[] channel, byte[] text, int length) {
        field(candidateId);
        append(channel, channel.length);
        field(text, length);
        append('\r');
        append('\n');
    }

    /**
     * One field of UTF-8 text, quoted when RFC 4180 asks for it (the bytes asked about are ASCII,
     * never part of a Korean letter's), copied in runs between its quotes.
     */
    void field(byte[] text, int length) {
        boolean quote = false;
        for (int i = 0; i < length && !quote; i++) {
            int b = text[i] & 0xFF;
            quote = b <= ',' && (b == ',' || b == '"' || b == '\r' || b == '\n');
        }
        if (!quote) {
            append(text, length);
            return;
        }
        ensure(2 * length + 2);
        bytes[this.length++] = '"';
        int from = 0;
        for (int i = 0; i < length; i++) {
            if (text[i] == '"') { // the run up to it and the quote, then the quote again
                System.arraycopy(text, from, bytes, this.length, i + 1 - from);
                this.length += i + 1 - from;
                bytes[this.length++] = '"';
                from = i + 1;
            }
        }
        System.arraycopy(text, from, bytes, this.length, length - from);
        this.length += length - from;
        bytes[this.length++] = '"';
    }

    /** One field, quoted when RFC 4180 asks for it. */
    void field(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            append(value.getBytes(StandardCharsets.UTF_8));
            return;
        }
        append('"');
        append(value.replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8));
        append('"');
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
            bytes = java.util.Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }
}

package kr.qfeedback.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import kr.qfeedback.feedback.Notifications;

/**
 * A chunk's text messages as CSV rows for a sending system ({@code batch --notifications FILE}):
 * {@code candidateId,channel,text}, one row per channel (SMS, LMS), UTF-8, CRLF line ends and a
 * field quoted when it holds a comma, a quote or a line break, its quotes doubled (RFC 4180).
 * The file carries no phone number: the service never receives one.
 */
final class TextMessageRows {
    static final byte[] HEADER = "candidateId,channel,text\r\n".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[1 << 14];
    private int length;

    void add(String candidateId, Notifications notifications) {
        row(candidateId, "SMS", notifications.sms());
        row(candidateId, "LMS", notifications.lms());
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    void clear() {
        length = 0;
    }

    private void row(String candidateId, String channel, String text) {
        field(candidateId);
        append(',');
        field(channel);
        append(',');
        field(text);
        append('\r');
        append('\n');
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
        ensure(more.length);
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }
}

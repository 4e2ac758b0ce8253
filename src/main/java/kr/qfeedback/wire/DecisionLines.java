package kr.qfeedback.wire;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import kr.qfeedback.feedback.FeedbackDecision;

/**
 * Lines of JSON (UTF-8, each ended by {@code \n}) written one after another into one reusable
 * array, for a writer that sends many at once (the batch): each decision is encoded straight into
 * it, as {@link DecisionJson} writes it without a trace. Where the last decision's text messages
 * lie is kept, so that they can be read back as text ({@link #lastSms}, {@link #lastLms}) without
 * being joined and encoded a second time.
 */
public final class DecisionLines {
    private final JsonBytes json = new JsonBytes(1 << 16);
    /** Where the last decision's SMS and LMS contents are in {@link #json}: from, to, from, to. */
    private final int[] textMessages = {-1, -1, -1, -1};

    private byte[] text = new byte[1 << 12];

    /** Appends the decision's JSON (no trace) and a line break. */
    public void addDecision(FeedbackDecision decision) {
        DecisionJson.append(json, decision, false, textMessages);
        json.raw('\n');
    }

    /** Appends one line as it is (an error object) and a line break. */
    public void addLine(Buffer line) {
        json.raw(line.getBytes()).raw('\n');
        java.util.Arrays.fill(textMessages, -1);
    }

    /** The last decision's SMS as UTF-8 in {@link #text()} from 0 (as {@code sms().getBytes(UTF_8)}); returns its length. */
    public int lastSms() {
        return unescaped(textMessages[0], textMessages[1]);
    }

    /** The last decision's LMS as UTF-8 in {@link #text()} from 0; returns its length. */
    public int lastLms() {
        return unescaped(textMessages[2], textMessages[3]);
    }

    /** The bytes {@link #lastSms} and {@link #lastLms} put their text in (each replaces the other's). */
    public byte[] text() {
        return text;
    }

    private int unescaped(int from, int to) {
        if (from < 0) {
            throw new IllegalStateException("The last line written is not a decision with text messages.");
        }
        if (text.length < to - from) {
            text = new byte[Math.max(to - from, 2 * text.length)];
        }
        return JsonStringText.unescape(json.array(), from, to, text);
    }

    public int length() {
        return json.length();
    }

    public void writeTo(OutputStream out) throws IOException {
        json.writeTo(out);
    }

    /** Empties the lines for reuse (keeps the array). */
    public void clear() {
        json.clear();
        java.util.Arrays.fill(textMessages, -1);
    }
}

package kr.qfeedback.wire;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import kr.qfeedback.feedback.FeedbackDecision;

/**
 * Lines of JSON (UTF-8, each ended by {@code \n}) written one after another into one reusable
 * array, for a writer that sends many at once (the batch): each decision is encoded straight into
 * it, as {@link DecisionJson} writes it without a trace.
 */
public final class DecisionLines {
    private final JsonBytes json = new JsonBytes(1 << 16);

    /** Appends the decision's JSON (no trace) and a line break. */
    public void addDecision(FeedbackDecision decision) {
        DecisionJson.append(json, decision, false);
        json.raw('\n');
    }

    /** Appends one line as it is (an error object) and a line break. */
    public void addLine(Buffer line) {
        json.raw(line.getBytes()).raw('\n');
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
    }
}

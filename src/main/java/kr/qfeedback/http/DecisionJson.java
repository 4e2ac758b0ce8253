package kr.qfeedback.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.TraceEntry;

/**
 * Writes a decision in the contract's JSON shape (UTF-8), {@code trace} only when explaining. The
 * bytes are streamed straight from the records, with the keys in the contract's order; section
 * data keeps its insertion order.
 */
public final class DecisionJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DecisionJson() {
    }

    /** The decision as JSON bytes in a new buffer (written into it directly, no intermediate copy). */
    public static Buffer toBuffer(FeedbackDecision decision, boolean explain) {
        Buffer buffer = Buffer.buffer(4096);
        write(decision, explain, new BufferOutput(buffer));
        return buffer;
    }

    /** Appends to a Vert.x buffer (Jackson writes in chunks of several KiB, so this is called rarely). */
    private static final class BufferOutput extends OutputStream {
        private final Buffer buffer;

        BufferOutput(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.appendBytes(bytes, offset, length);
        }
    }

    /** Writes the decision as JSON to {@code out} (not closed). */
    public static void write(FeedbackDecision decision, boolean explain, OutputStream out) {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("decisionId", decision.decisionId());
            json.writeStringField("rulesVersion", decision.rulesVersion());
            json.writeStringField("asOf", decision.asOf().toString());
            json.writeStringField("outcome", decision.outcome().code());
            json.writeArrayFieldStart("sections");
            for (Section s : decision.sections()) {
                section(json, s);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("notices");
            for (Notice n : decision.notices()) {
                json.writeStartObject();
                json.writeStringField("code", n.code());
                json.writeStringField("message", n.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (explain) {
                json.writeArrayFieldStart("trace");
                for (TraceEntry t : decision.trace()) {
                    json.writeStartObject();
                    json.writeStringField("section", t.section().name());
                    json.writeStringField("rule", t.rule());
                    json.writeStringField("source", t.source());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(JsonGenerator json, Section s) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", s.id().name());
        json.writeNumberField("order", s.order());
        json.writeStringField("tone", s.tone().name());
        json.writeStringField("title", s.title());
        json.writeStringField("body", s.body());
        json.writeFieldName("data");
        object(json, s.data());
        json.writeArrayFieldStart("links");
        for (Link l : s.links()) {
            json.writeStartObject();
            json.writeStringField("label", l.label());
            json.writeStringField("url", l.url());
            json.writeBooleanField("qr", l.qr());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void object(JsonGenerator json, Map<?, ?> map) throws IOException {
        json.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            json.writeFieldName((String) e.getKey());
            value(json, e.getValue());
        }
        json.writeEndObject();
    }

    /** The value types section data holds: objects, arrays, text, whole and decimal numbers, booleans, null. */
    private static void value(JsonGenerator json, Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof String text) {
            json.writeString(text);
        } else if (v instanceof Integer n) {
            json.writeNumber(n.intValue());
        } else if (v instanceof Double n) {
            json.writeNumber(n.doubleValue());
        } else if (v instanceof Long n) {
            json.writeNumber(n.longValue());
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof Map<?, ?> m) {
            object(json, m);
        } else if (v instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                value(json, item);
            }
            json.writeEndArray();
        } else {
            throw new IllegalStateException("Section data holds a " + v.getClass().getName()
                    + ", which the decision JSON does not write.");
        }
    }
}

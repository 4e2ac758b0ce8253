package kr.qfeedback.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.qfeedback.decision.HundredthsTable;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionData;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Tone;
import kr.qfeedback.feedback.TraceEntry;

/**
 * Writes a decision in the contract's JSON shape (UTF-8), {@code trace} only when explaining. The
 * bytes are streamed straight from the records, with the keys in the contract's order; section
 * data keeps its insertion order.
 */
public final class DecisionJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    // Names and fixed values are encoded once (SerializedString keeps their quoted UTF-8 bytes).
    private static final SerializedString DECISION_ID = new SerializedString("decisionId");
    private static final SerializedString RULES_VERSION = new SerializedString("rulesVersion");
    private static final SerializedString AS_OF = new SerializedString("asOf");
    private static final SerializedString OUTCOME = new SerializedString("outcome");
    private static final SerializedString SECTIONS = new SerializedString("sections");
    private static final SerializedString NOTICES = new SerializedString("notices");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString TRACE = new SerializedString("trace");
    private static final SerializedString SECTION = new SerializedString("section");
    private static final SerializedString RULE = new SerializedString("rule");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString ORDER = new SerializedString("order");
    private static final SerializedString TONE = new SerializedString("tone");
    private static final SerializedString TITLE = new SerializedString("title");
    private static final SerializedString BODY = new SerializedString("body");
    private static final SerializedString DATA = new SerializedString("data");
    private static final SerializedString LINKS = new SerializedString("links");
    private static final Map<SectionId, SerializedString> SECTION_IDS = names(SectionId.class);
    private static final Map<Tone, SerializedString> TONES = names(Tone.class);
    /** Data keys come from a short fixed list; a map that grew past this would not be such a list. */
    private static final int MAX_CACHED_KEYS = 512;
    private static final Map<String, SerializedString> DATA_KEYS = new ConcurrentHashMap<>();
    /** A section's links are its message's, the same few lists for every decision: written once as JSON. */
    private static final int MAX_CACHED_LINK_LISTS = 1024;
    private static final Map<List<Link>, SerializedString> LINK_ARRAYS = new ConcurrentHashMap<>();
    /** Scores, averages and pass rates are hundredths from 0 to 100: their JSON text is looked up, not formatted. */
    private static final HundredthsTable<SerializedString> HUNDREDTHS =
            new HundredthsTable<>(d -> new SerializedString(Double.toString(d)), SerializedString[]::new);

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
            field(json, DECISION_ID, decision.decisionId());
            field(json, RULES_VERSION, decision.rulesVersion());
            field(json, AS_OF, decision.asOf().toString());
            field(json, OUTCOME, decision.outcome().code());
            json.writeFieldName(SECTIONS);
            json.writeStartArray();
            for (Section s : decision.sections()) {
                section(json, s);
            }
            json.writeEndArray();
            json.writeFieldName(NOTICES);
            json.writeStartArray();
            for (Notice n : decision.notices()) {
                json.writeStartObject();
                field(json, CODE, n.code());
                field(json, MESSAGE, n.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (explain) {
                json.writeFieldName(TRACE);
                json.writeStartArray();
                for (TraceEntry t : decision.trace()) {
                    json.writeStartObject();
                    field(json, SECTION, SECTION_IDS.get(t.section()));
                    field(json, RULE, t.rule());
                    field(json, SOURCE, t.source());
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
        field(json, ID, SECTION_IDS.get(s.id()));
        json.writeFieldName(ORDER);
        json.writeNumber(s.order());
        field(json, TONE, TONES.get(s.tone()));
        field(json, TITLE, s.title());
        field(json, BODY, s.body());
        json.writeFieldName(DATA);
        object(json, s.data());
        json.writeFieldName(LINKS);
        json.writeRawValue(linkArray(s.links()));
        json.writeEndObject();
    }

    private static void field(JsonGenerator json, SerializedString name, String value) throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }

    private static void field(JsonGenerator json, SerializedString name, SerializedString value) throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }

    /** The links as a JSON array, encoded once per distinct list. */
    private static SerializedString linkArray(List<Link> links) {
        SerializedString known = LINK_ARRAYS.get(links);
        if (known != null) {
            return known;
        }
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartArray();
            for (Link l : links) {
                json.writeStartObject();
                json.writeStringField("label", l.label());
                json.writeStringField("url", l.url());
                json.writeBooleanField("qr", l.qr());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SerializedString array = new SerializedString(text.toString());
        if (LINK_ARRAYS.size() < MAX_CACHED_LINK_LISTS) {
            LINK_ARRAYS.put(List.copyOf(links), array);
        }
        return array;
    }

    private static SerializedString key(String name) {
        SerializedString known = DATA_KEYS.get(name);
        if (known == null) {
            known = new SerializedString(name);
            if (DATA_KEYS.size() < MAX_CACHED_KEYS) {
                DATA_KEYS.put(name, known);
            }
        }
        return known;
    }

    private static <E extends Enum<E>> Map<E, SerializedString> names(Class<E> type) {
        Map<E, SerializedString> names = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            names.put(constant, new SerializedString(constant.name()));
        }
        return names;
    }

    private static void object(JsonGenerator json, Map<?, ?> map) throws IOException {
        json.writeStartObject();
        if (map instanceof SectionData data) {
            for (int i = 0; i < data.size(); i++) {
                json.writeFieldName(key(data.keyAt(i)));
                value(json, data.valueAt(i));
            }
            json.writeEndObject();
            return;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            json.writeFieldName(key((String) e.getKey()));
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
            SerializedString hundredths = HUNDREDTHS.text(n);
            if (hundredths != null) {
                json.writeRawValue(hundredths);
            } else {
                json.writeNumber(n.doubleValue());
            }
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

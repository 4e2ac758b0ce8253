package kr.qfeedback.wire;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.qfeedback.decision.HundredthsTable;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionData;
import kr.qfeedback.feedback.Text;
import kr.qfeedback.feedback.TraceEntry;

/**
 * Writes a decision in the contract's JSON shape (UTF-8), {@code trace} only when explaining, with
 * the keys in the contract's order; section data keeps its insertion order. The shape is fixed, so
 * the names, the enum values, link lists and hundredths are encoded once and copied
 * ({@link JsonBytes}); the bytes are those Jackson would write for the same JSON
 * ({@code OptimisedDecisionsMatchPlainEvaluationTest} compares them with Vert.x's encoding).
 */
public final class DecisionJson {
    private static final byte[] DECISION_ID = JsonBytes.name('{', "decisionId");
    private static final byte[] RULES_VERSION = JsonBytes.name(',', "rulesVersion");
    private static final byte[] AS_OF = JsonBytes.name(',', "asOf");
    private static final byte[] OUTCOME = JsonBytes.name(',', "outcome");
    private static final byte[] SECTIONS = JsonBytes.name(',', "sections");
    private static final byte[] NOTICES = JsonBytes.name(',', "notices");
    private static final byte[] TRACE = JsonBytes.name(',', "trace");
    private static final byte[] CODE = JsonBytes.name('{', "code");
    private static final byte[] MESSAGE = JsonBytes.name(',', "message");
    private static final byte[] SECTION = JsonBytes.name('{', "section");
    private static final byte[] RULE = JsonBytes.name(',', "rule");
    private static final byte[] SOURCE = JsonBytes.name(',', "source");
    private static final byte[] ID = JsonBytes.name('{', "id");
    private static final byte[] ORDER = JsonBytes.name(',', "order");
    private static final byte[] TONE = JsonBytes.name(',', "tone");
    private static final byte[] TITLE = JsonBytes.name(',', "title");
    private static final byte[] BODY = JsonBytes.name(',', "body");
    private static final byte[] DATA = JsonBytes.name(',', "data");
    private static final byte[] LINKS = JsonBytes.name(',', "links");
    private static final byte[] LABEL = JsonBytes.name('{', "label");
    private static final byte[] URL = JsonBytes.name(',', "url");
    private static final byte[] QR = JsonBytes.name(',', "qr");
    private static final byte[] EMPTY_OBJECT = {'{', '}'};
    /** Data keys come from a short fixed list; a map that grew past this would not be such a list. */
    private static final int MAX_CACHED_KEYS = 512;
    /** A data key as {@code "key":}, encoded once. */
    private static final Map<String, byte[]> DATA_KEYS = new ConcurrentHashMap<>();
    /** A section's links are its message's, the same few lists for every decision: encoded once. */
    private static final int MAX_CACHED_LINK_LISTS = 1024;

    private static final Map<List<Link>, byte[]> LINK_ARRAYS = new ConcurrentHashMap<>();

    /** The same few lists, recognised by identity first: a section's links are the very list of its message. */
    private static final IdentityCache<List<Link>, byte[]> RECENT_LINKS =
            new IdentityCache<>(DecisionJson::linkArrayByValue, 256, 1 << 12);
    /** Scores, averages and pass rates are hundredths from 0 to 100: their JSON text is looked up, not formatted. */
    private static final HundredthsTable<byte[]> HUNDREDTHS =
            new HundredthsTable<>(d -> new JsonBytes(8).number(d).toByteArray(), byte[][]::new);
    /** A template's fixed pieces, encoded once: a rule version has a few hundred. */
    private static final IdentityCache<Text.Fixed, byte[]> FIXED_PIECES =
            new IdentityCache<>(fixed -> JsonBytes.encodedContent(fixed.text()), 4096, 1 << 16);
    /** Each kind of section data's keys (constants), encoded once. */
    private static final IdentityCache<SectionData.Keys, byte[][]> DATA_KEY_LISTS =
            new IdentityCache<>(DecisionJson::encodedKeys, 512, 1 << 12);
    /** A qualification's shared rows (its pass-rate trend), encoded once: one per qualification and stage. */
    private static final IdentityCache<SectionData.Rows, byte[]> SHARED_ROWS =
            new IdentityCache<>(DecisionJson::encodedRows, 8192, 1 << 16);
    /** One reusable array per thread; one that grew past this (a long trace) is not kept. */
    private static final int KEPT_CAPACITY = 1 << 16;

    private static final ThreadLocal<JsonBytes> BYTES = ThreadLocal.withInitial(() -> new JsonBytes(8192));

    private DecisionJson() {}

    /** The decision as JSON bytes in a new buffer of exactly their length. */
    public static Buffer toBuffer(FeedbackDecision decision, boolean explain) {
        JsonBytes json = encode(decision, explain);
        Buffer buffer = json.toBuffer();
        release(json);
        return buffer;
    }

    /** Writes the decision as JSON to {@code out} (not closed). */
    public static void write(FeedbackDecision decision, boolean explain, OutputStream out) {
        JsonBytes json = encode(decision, explain);
        try {
            json.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(json);
        }
    }

    private static JsonBytes encode(FeedbackDecision decision, boolean explain) {
        JsonBytes json = BYTES.get().clear();
        json.raw(DECISION_ID).string(decision.decisionId());
        json.raw(RULES_VERSION).raw(EncodedValues.version(decision.rulesVersion()));
        json.raw(AS_OF).raw(EncodedValues.date(decision.asOf()));
        json.raw(OUTCOME).raw(EncodedValues.outcome(decision.outcome()));
        json.raw(SECTIONS).raw('[');
        List<Section> sections = decision.sections();
        for (int i = 0; i < sections.size(); i++) {
            section(json.separator(i), sections.get(i));
        }
        json.raw(']').raw(NOTICES).raw('[');
        List<Notice> notices = decision.notices();
        for (int i = 0; i < notices.size(); i++) {
            Notice n = notices.get(i);
            json.separator(i)
                    .raw(CODE)
                    .string(n.code())
                    .raw(MESSAGE)
                    .string(n.message())
                    .raw('}');
        }
        json.raw(']');
        if (explain) {
            json.raw(TRACE).raw('[');
            List<TraceEntry> trace = decision.trace();
            for (int i = 0; i < trace.size(); i++) {
                TraceEntry t = trace.get(i);
                json.separator(i)
                        .raw(SECTION)
                        .raw(EncodedValues.sectionId(t.section()))
                        .raw(RULE)
                        .string(t.rule())
                        .raw(SOURCE)
                        .string(t.source())
                        .raw('}');
            }
            json.raw(']');
        }
        return json.raw('}');
    }

    private static void release(JsonBytes json) {
        if (json.capacity() > KEPT_CAPACITY) {
            BYTES.remove();
        }
    }

    private static void section(JsonBytes json, Section s) {
        json.raw(ID).raw(EncodedValues.sectionId(s.id()));
        json.raw(ORDER).number(s.order());
        json.raw(TONE).raw(EncodedValues.tone(s.tone()));
        text(json.raw(TITLE), s.titleText());
        text(json.raw(BODY), s.bodyText());
        json.raw(DATA);
        object(json, s.data());
        json.raw(LINKS).raw(RECENT_LINKS.formOf(s.links())).raw('}');
    }

    /** A text as one JSON string: its fixed pieces copied as encoded before, its values encoded now. */
    private static void text(JsonBytes json, Text text) {
        if (text == null) {
            json.nullValue();
            return;
        }
        json.raw('"');
        for (int i = 0, n = text.parts(); i < n; i++) {
            Object part = text.part(i);
            if (part instanceof Text.Fixed fixed) {
                json.raw(FIXED_PIECES.formOf(fixed));
            } else {
                json.stringContent((String) part);
            }
        }
        json.raw('"');
    }

    private static byte[] linkArrayByValue(List<Link> links) {
        byte[] known = LINK_ARRAYS.get(links);
        if (known != null) {
            return known;
        }
        JsonBytes json = new JsonBytes(256).raw('[');
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            json.separator(i)
                    .raw(LABEL)
                    .string(l.label())
                    .raw(URL)
                    .string(l.url())
                    .raw(QR)
                    .bool(l.qr())
                    .raw('}');
        }
        byte[] array = json.raw(']').toByteArray();
        if (LINK_ARRAYS.size() < MAX_CACHED_LINK_LISTS) {
            LINK_ARRAYS.put(List.copyOf(links), array);
        }
        return array;
    }

    /** Each key as {@code "key":} (the caller writes the commas). */
    private static byte[][] encodedKeys(SectionData.Keys keys) {
        byte[][] encoded = new byte[keys.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = key(keys.name(i));
        }
        return encoded;
    }

    private static byte[] key(String name) {
        byte[] known = DATA_KEYS.get(name);
        if (known == null) {
            known = new JsonBytes(name.length() * 3 + 4)
                    .string(name)
                    .raw(':')
                    .toByteArray(); // no comma: the caller writes it
            if (DATA_KEYS.size() < MAX_CACHED_KEYS) {
                DATA_KEYS.put(name, known);
            }
        }
        return known;
    }

    private static void object(JsonBytes json, Map<?, ?> map) {
        if (map.isEmpty()) {
            json.raw(EMPTY_OBJECT);
            return;
        }
        json.raw('{');
        if (map instanceof SectionData data) {
            byte[][] keys = DATA_KEY_LISTS.formOf(data.keys());
            for (int i = 0; i < keys.length; i++) {
                json.separator(i).raw(keys[i]);
                value(json, data.valueAt(i));
            }
        } else {
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    json.raw(',');
                }
                first = false;
                json.raw(key((String) e.getKey()));
                value(json, e.getValue());
            }
        }
        json.raw('}');
    }

    /**
     * The value types section data holds: objects, arrays, text, whole and decimal numbers, booleans,
     * null. The usual types are told by their exact class, cheaper than testing interfaces.
     */
    private static void value(JsonBytes json, Object v) {
        if (v == null) {
            json.nullValue();
            return;
        }
        Class<?> type = v.getClass();
        if (type == String.class) {
            json.string((String) v);
        } else if (type == Integer.class) {
            json.number(((Integer) v).intValue());
        } else if (type == Double.class) {
            double d = (Double) v;
            byte[] hundredths = HUNDREDTHS.text(d);
            if (hundredths != null) {
                json.raw(hundredths);
            } else {
                json.number(d);
            }
        } else if (type == Boolean.class) {
            json.bool((Boolean) v);
        } else if (type == SectionData.class) {
            object(json, (SectionData) v);
        } else if (type == SectionData.Rows.class) {
            json.raw(SHARED_ROWS.formOf((SectionData.Rows) v));
        } else if (type == Long.class) {
            json.number(((Long) v).longValue());
        } else if (v instanceof Map<?, ?> m) {
            object(json, m);
        } else if (v instanceof List<?> list) {
            array(json, list);
        } else {
            throw new IllegalStateException(
                    "Section data holds a " + type.getName() + ", which the decision JSON does not write.");
        }
    }

    private static void array(JsonBytes json, List<?> list) {
        json.raw('[');
        for (int i = 0; i < list.size(); i++) {
            value(json.separator(i), list.get(i));
        }
        json.raw(']');
    }

    /** Shared rows, encoded once: the same bytes {@link #array} writes. */
    private static byte[] encodedRows(SectionData.Rows rows) {
        JsonBytes json = new JsonBytes(64 * rows.size() + 2);
        array(json, rows);
        return json.toByteArray();
    }
}

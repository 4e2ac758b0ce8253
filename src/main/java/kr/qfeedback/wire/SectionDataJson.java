package kr.qfeedback.wire;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.qfeedback.decision.HundredthsTable;
import kr.qfeedback.feedback.SectionData;

/**
 * Writes a section's {@code data}: objects, arrays, text, whole and decimal numbers, booleans and
 * null, with the keys of each kind of data, hundredths and a qualification's shared rows encoded
 * once and copied.
 */
final class SectionDataJson {
    private static final byte[] EMPTY_OBJECT = {'{', '}'};
    /** Data keys come from a short fixed list; a map that grew past this would not be such a list. */
    private static final int MAX_CACHED_KEYS = 512;
    /** A data key as {@code "key":}, encoded once. */
    private static final Map<String, byte[]> DATA_KEYS = new ConcurrentHashMap<>();
    /** Scores, averages and pass rates are hundredths from 0 to 100: their JSON text is looked up, not formatted. */
    private static final HundredthsTable<byte[]> HUNDREDTHS =
            new HundredthsTable<>(d -> new JsonBytes(8).number(d).toByteArray(), byte[][]::new);

    private SectionDataJson() {}

    /**
     * Each key as {@code "key":} (the caller writes the commas), encoded once for each kind of
     * section data (its keys are a constant) and kept with the keys.
     */
    private static byte[][] encodedKeys(SectionData.Keys keys) {
        if (keys.writtenForm() instanceof byte[][] known) {
            return known;
        }
        byte[][] encoded = new byte[keys.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = key(keys.name(i));
        }
        keys.keepWrittenForm(encoded);
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

    /** Section data (or any map of its value types) as a JSON object, keys in their order. */
    static void object(JsonBytes json, Map<?, ?> map) {
        if (map.isEmpty()) {
            json.raw(EMPTY_OBJECT);
            return;
        }
        if (map instanceof SectionData data) {
            if (data.isShared()) {
                json.raw(encodedShared(data));
            } else {
                fields(json, data);
            }
            return;
        }
        json.raw('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                json.raw(',');
            }
            first = false;
            json.raw(key((String) e.getKey()));
            value(json, e.getValue());
        }
        json.raw('}');
    }

    /** Section data as a JSON object, its keys encoded once for its kind. */
    private static JsonBytes fields(JsonBytes json, SectionData data) {
        json.raw('{');
        byte[][] keys = encodedKeys(data.keys());
        for (int i = 0; i < keys.length; i++) {
            json.separator(i).raw(keys[i]);
            value(json, data.valueAt(i));
        }
        return json.raw('}');
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
            json.raw(encodedRows((SectionData.Rows) v));
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

    /** Data many decisions show (a qualification's figures), encoded once and kept with it. */
    private static byte[] encodedShared(SectionData data) {
        if (data.writtenForm() instanceof byte[] known) {
            return known;
        }
        byte[] encoded = fields(new JsonBytes(256), data).toByteArray();
        data.keepWrittenForm(encoded);
        return encoded;
    }

    /**
     * A qualification's shared rows (its pass-rate trend), encoded once and kept with them: the same
     * bytes {@link #array} writes.
     */
    private static byte[] encodedRows(SectionData.Rows rows) {
        if (rows.writtenForm() instanceof byte[] known) {
            return known;
        }
        JsonBytes json = new JsonBytes(64 * rows.size() + 2);
        array(json, rows);
        byte[] encoded = json.toByteArray();
        rows.keepWrittenForm(encoded);
        return encoded;
    }
}

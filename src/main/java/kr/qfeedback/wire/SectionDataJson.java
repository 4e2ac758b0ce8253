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
    /** Each kind of section data's keys (constants), encoded once. */
    private static final IdentityCache<SectionData.Keys, byte[][]> DATA_KEY_LISTS =
            new IdentityCache<>(SectionDataJson::encodedKeys, 512, 1 << 12);
    /** A qualification's shared rows (its pass-rate trend), encoded once: one per qualification and stage. */
    private static final IdentityCache<SectionData.Rows, byte[]> SHARED_ROWS =
            new IdentityCache<>(SectionDataJson::encodedRows, 8192, 1 << 16);

    private SectionDataJson() {}

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

    /** Section data (or any map of its value types) as a JSON object, keys in their order. */
    static void object(JsonBytes json, Map<?, ?> map) {
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

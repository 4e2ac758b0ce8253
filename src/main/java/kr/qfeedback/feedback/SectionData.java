package kr.qfeedback.feedback;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The {@code data} of a section (or one row of it): a small read-only map that keeps its keys in
 * the order given and may hold null values. It is two arrays instead of a linked hash table,
 * because a decision makes a dozen of them and reads each once; {@link #equals}, {@link #hashCode}
 * and {@link #toString} are those of any {@link Map} with the same entries.
 */
public final class SectionData extends AbstractMap<String, Object> {
    private static final SectionData EMPTY = new SectionData(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private SectionData(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * The data with {@code keys} (not copied: pass a constant, and distinct keys) and the values in
     * the same order.
     */
    public static SectionData of(String[] keys, Object... values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + values.length + " values");
        }
        return new SectionData(keys, values);
    }

    /** {@code map} itself when it is section data already, else a read-only copy in its iteration order. */
    public static SectionData copyOf(Map<String, ?> map) {
        if (map instanceof SectionData data) {
            return data;
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        String[] keys = new String[map.size()];
        Object[] values = new Object[keys.length];
        int i = 0;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            keys[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new SectionData(keys, values);
    }

    public static SectionData empty() {
        return EMPTY;
    }

    @Override
    public int size() {
        return keys.length;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The key at {@code index} (0 to size - 1), in the order given. */
    public String keyAt(int index) {
        return keys[index];
    }

    /** The value at {@code index} (0 to size - 1), in the order given; may be null. */
    public Object valueAt(int index) {
        return values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}

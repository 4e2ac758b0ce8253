package kr.qfeedback.feedback;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
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
    /**
     * The keys of one kind of section data, in order: made once (a constant) and shared by every
     * section of that kind, so that a writer can recognise them by identity and keep its encoding
     * of them. Immutable.
     */
    public static final class Keys {
        private final String[] names;

        /** What a writer made of these once (the decision JSON's encoded forms); null until then. */
        private volatile Object writtenForm;

        /** The form {@link #keepWrittenForm} kept, or null: read without a look-up, as these are met often. */
        public Object writtenForm() {
            return writtenForm;
        }

        /** Keeps a writer's form of these; one writer uses it, and it makes the same form every time. */
        public void keepWrittenForm(Object form) {
            writtenForm = form;
        }

        /** @param names distinct keys, in the order they are written */
        public Keys(String... names) {
            this.names = names.clone();
            if (new java.util.HashSet<>(java.util.Arrays.asList(this.names)).size() != this.names.length) {
                throw new IllegalArgumentException("keys must be distinct: " + java.util.Arrays.toString(names));
            }
        }

        public int size() {
            return names.length;
        }

        public String name(int index) {
            return names[index];
        }

        @Override
        public String toString() {
            return java.util.Arrays.toString(names);
        }
    }

    /**
     * Rows of section data that many decisions share (a qualification's pass-rate trend), made
     * once so that a writer can recognise them by identity and encode them once. A read-only list,
     * equal to any list with equal rows. Immutable.
     */
    public static final class Rows extends java.util.AbstractList<Map<String, Object>>
            implements java.util.RandomAccess {
        private final List<Map<String, Object>> rows;

        /** What a writer made of these once (the decision JSON's encoded forms); null until then. */
        private volatile Object writtenForm;

        /** The form {@link #keepWrittenForm} kept, or null: read without a look-up, as these are met often. */
        public Object writtenForm() {
            return writtenForm;
        }

        /** Keeps a writer's form of these; one writer uses it, and it makes the same form every time. */
        public void keepWrittenForm(Object form) {
            writtenForm = form;
        }

        public Rows(List<? extends Map<String, Object>> rows) {
            this.rows = List.copyOf(rows);
        }

        @Override
        public Map<String, Object> get(int index) {
            return rows.get(index);
        }

        @Override
        public int size() {
            return rows.size();
        }
    }

    private static final SectionData EMPTY = new SectionData(new Keys(), new Object[0]);

    private final Keys keys;
    private final Object[] values;
    /** Whether many decisions show this very data ({@link #shared}): a writer may keep its form of it. */
    private final boolean shared;
    /** What a writer made of shared data once (the decision JSON's encoded bytes); null until then. */
    private volatile Object writtenForm;

    private SectionData(Keys keys, Object[] values) {
        this(keys, values, false);
    }

    private SectionData(Keys keys, Object[] values, boolean shared) {
        this.keys = keys;
        this.values = values;
        this.shared = shared;
    }

    /**
     * The same data, marked as shown by many decisions (a qualification's figures, kept once per
     * rule set): a writer then makes its form of it once ({@link #keepWrittenForm}).
     */
    public SectionData shared() {
        return shared ? this : new SectionData(keys, values, true);
    }

    /** Whether this data is {@link #shared}. */
    public boolean isShared() {
        return shared;
    }

    /** The form {@link #keepWrittenForm} kept, or null. */
    public Object writtenForm() {
        return writtenForm;
    }

    /** Keeps a writer's form of shared data; one writer uses it, and it makes the same form every time. */
    public void keepWrittenForm(Object form) {
        if (!shared) {
            throw new IllegalStateException("Only shared section data keeps a written form.");
        }
        writtenForm = form;
    }

    /** The data with {@code keys} (pass a constant) and the values in the same order. */
    public static SectionData of(Keys keys, Object... values) {
        if (keys.size() != values.length) {
            throw new IllegalArgumentException(keys.size() + " keys but " + values.length + " values");
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
        return new SectionData(new Keys(keys), values);
    }

    public static SectionData empty() {
        return EMPTY;
    }

    @Override
    public int size() {
        return values.length;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < values.length; i++) {
            if (keys.name(i).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The keys, shared by all data of this kind. */
    public Keys keys() {
        return keys;
    }

    /** The key at {@code index} (0 to size - 1), in the order given. */
    public String keyAt(int index) {
        return keys.name(index);
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
        for (int i = 0; i < values.length; i++) {
            action.accept(keys.name(i), values[i]);
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
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys.name(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}

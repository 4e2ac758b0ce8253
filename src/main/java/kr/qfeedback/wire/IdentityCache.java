package kr.qfeedback.wire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The forms the encoder makes of values it meets again and again (a message's list of links), kept
 * by the identity of the value, for values that have no field to keep them in (a template's fixed
 * pieces, section data's keys and shared rows keep theirs: reading a field was measured cheaper
 * than this table, see {@code Text.Fixed#writtenForm}). The value last seen in each slot of a
 * small table is recognised without hashing; behind it, a bounded map by identity holds the rest.
 * Safe to share between threads: two threads that miss at once both make the form, and make
 * equal forms.
 *
 * @param <K> the values, compared by identity
 * @param <V> their encoded forms
 */
final class IdentityCache<K, V> {
    /** A value and its form; immutable, so that slots can be shared between threads without locks. */
    private record Slot<K, V>(K key, V form) {}

    /** A key compared by identity (the values may define equality by content, such as lists). */
    private record Identity(Object key, int hash) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.key == key;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Function<? super K, ? extends V> maker;
    private final Slot<K, V>[] recent;
    private final Map<Identity, V> known = new ConcurrentHashMap<>();
    private final int maxKnown;

    /**
     * @param maker makes a value's form; the same value must always give an equal form
     * @param slots size of the table of recent values, a power of two
     * @param maxKnown how many forms the map behind it keeps before it starts again (old rule
     *     versions' values are not kept for ever)
     */
    @SuppressWarnings("unchecked")
    IdentityCache(Function<? super K, ? extends V> maker, int slots, int maxKnown) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        this.maker = maker;
        this.recent = (Slot<K, V>[]) new Slot<?, ?>[slots];
        this.maxKnown = maxKnown;
    }

    /** The form of {@code key}, made the first time it is met. */
    V formOf(K key) {
        // Identity hashes are random already: their low bits pick the slot. Kept small to be inlined.
        int hash = System.identityHashCode(key);
        Slot<K, V> seen = recent[hash & (recent.length - 1)];
        if (seen != null && seen.key() == key) {
            return seen.form();
        }
        return missed(key, hash);
    }

    private V missed(K key, int hash) {
        Identity identity = new Identity(key, hash);
        V form = known.get(identity);
        if (form == null) {
            form = maker.apply(key);
            if (known.size() >= maxKnown) {
                known.clear();
            }
            known.put(identity, form);
        }
        recent[hash & (recent.length - 1)] = new Slot<>(key, form);
        return form;
    }

    /** How many forms the map behind the table holds (for tests). */
    int size() {
        return known.size();
    }
}

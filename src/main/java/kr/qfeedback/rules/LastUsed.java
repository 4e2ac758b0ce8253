package kr.qfeedback.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps that keep only their most recently used entries: what the rules work keeps of its own
 * results (built KieBases, evaluated profile spaces, compiled stored versions, recorded switches).
 */
public final class LastUsed {
    private LastUsed() {}

    /**
     * A map of at most {@code capacity} entries that forgets the least recently used (read or
     * written) first. Not synchronised: its owner guards it.
     */
    public static <K, V> Map<K, V> atMost(int capacity) {
        return new LinkedHashMap<>(2 * capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}

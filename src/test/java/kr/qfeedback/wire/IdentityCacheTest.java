package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdentityCacheTest {

    @Test
    void aValueMetAgainGetsTheFormMadeTheFirstTime() {
        AtomicInteger made = new AtomicInteger();
        IdentityCache<Object, String> cache = new IdentityCache<>(k -> "form " + made.incrementAndGet(), 4, 100);
        Object value = new Object();
        String first = cache.formOf(value);
        assertSame(first, cache.formOf(value));
        assertEquals(1, made.get());
    }

    @Test
    void equalButDistinctValuesEachGetTheirOwnForm() {
        AtomicInteger made = new AtomicInteger();
        IdentityCache<List<String>, String> cache = new IdentityCache<>(k -> k + "#" + made.incrementAndGet(), 4, 100);
        List<String> one = new ArrayList<>(List.of("a"));
        List<String> other = new ArrayList<>(List.of("a"));
        assertEquals("[a]#1", cache.formOf(one));
        assertEquals("[a]#2", cache.formOf(other));
        assertEquals("[a]#1", cache.formOf(one), "recognised by identity, not by equal content");
    }

    @Test
    void valuesThatShareASlotAreStillMadeOnlyOnce() {
        AtomicInteger made = new AtomicInteger();
        IdentityCache<Object, Integer> cache = new IdentityCache<>(k -> made.incrementAndGet(), 1, 100);
        Object[] values = {new Object(), new Object(), new Object()};
        for (int round = 0; round < 5; round++) {
            for (Object v : values) {
                cache.formOf(v);
            }
        }
        assertEquals(3, made.get(), "one slot in front, the map by identity behind it");
    }

    @Test
    void theMapBehindTheTableNeverGrowsPastItsBound() {
        IdentityCache<Object, Object> cache = new IdentityCache<>(k -> k, 1, 10);
        for (int i = 0; i < 1_000; i++) {
            cache.formOf(new Object());
        }
        assertTrue(cache.size() <= 10, "held " + cache.size());
    }

    @Test
    void theTableMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new IdentityCache<>(k -> k, 3, 10));
    }
}

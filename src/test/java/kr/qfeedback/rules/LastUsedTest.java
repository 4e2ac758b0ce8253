package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LastUsedTest {

    @Test
    void aFullMapForgetsTheEntryLeastRecentlyReadOrWritten() {
        Map<String, Integer> map = LastUsed.atMost(2);
        map.put("a", 1);
        map.put("b", 2);
        map.get("a");
        map.put("c", 3);
        assertEquals(List.of("a", "c"), List.copyOf(map.keySet()), "b was used least recently");
    }
}

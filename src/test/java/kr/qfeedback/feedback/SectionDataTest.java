package kr.qfeedback.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionDataTest {
    private static final String[] NAMES = {"validFrom", "daysRemaining", "status", "practicalRoundsLeft"};
    private static final SectionData.Keys KEYS = new SectionData.Keys(NAMES);

    private static Map<String, Object> linked() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("validFrom", "2026-06-12");
        map.put("daysRemaining", 120L);
        map.put("status", null);
        map.put("practicalRoundsLeft", 2);
        return map;
    }

    @Test
    void keepsTheKeysInTheOrderGivenWithNullValuesPresent() {
        SectionData data = SectionData.of(KEYS, "2026-06-12", 120L, null, 2);
        assertEquals(List.of(NAMES), new ArrayList<>(data.keySet()));
        assertTrue(data.containsKey("status"));
        assertNull(data.get("status"));
        assertFalse(data.containsKey("missing"));
        assertNull(data.get("missing"));
        assertEquals(4, data.size());
    }

    @Test
    void equalsHashesAndPrintsLikeALinkedHashMapWithTheSameEntries() {
        SectionData data = SectionData.of(KEYS, "2026-06-12", 120L, null, 2);
        assertEquals(linked(), data);
        assertEquals(data, linked());
        assertEquals(linked().hashCode(), data.hashCode());
        assertEquals(linked().toString(), data.toString());
        assertFalse(data.equals(SectionData.of(KEYS, "2026-06-12", 121L, null, 2)));
    }

    @Test
    void cannotBeChanged() {
        SectionData data = SectionData.of(KEYS, "2026-06-12", 120L, null, 2);
        assertThrows(UnsupportedOperationException.class, () -> data.put("status", "VALID"));
        assertThrows(UnsupportedOperationException.class, () -> data.remove("status"));
        assertThrows(UnsupportedOperationException.class, data::clear);
        var entries = data.entrySet().iterator();
        assertThrows(UnsupportedOperationException.class, () -> entries.next().setValue("x"));
    }

    @Test
    void aCopyOfAnotherMapKeepsItsOrderAndIsNotAffectedByLaterChanges() {
        Map<String, Object> source = linked();
        SectionData copy = SectionData.copyOf(source);
        source.put("status", "VALID");
        assertEquals(List.of(NAMES), new ArrayList<>(copy.keySet()));
        assertEquals(
                List.of(NAMES),
                List.of(
                        copy.keys().name(0),
                        copy.keys().name(1),
                        copy.keys().name(2),
                        copy.keys().name(3)));
        assertNull(copy.get("status"));
        assertSame(copy, SectionData.copyOf(copy));
        assertSame(SectionData.empty(), SectionData.copyOf(Map.of()));
    }

    @Test
    void refusesValuesThatDoNotMatchTheKeys() {
        assertThrows(IllegalArgumentException.class, () -> SectionData.of(KEYS, "2026-06-12", 120L));
    }

    @Test
    void aSectionKeepsItsDataReadOnlyWhateverMapItWasGiven() {
        Map<String, Object> source = linked();
        Section section = new Section(SectionId.WRITTEN_EXEMPTION, 1, Tone.INFO, "제목", "본문", source, List.of());
        source.clear();
        assertEquals(linked(), section.data());
        assertThrows(UnsupportedOperationException.class, () -> section.data().put("status", "VALID"));
    }

    @Test
    void keysMustBeDistinctAndAreSharedByTheDataMadeWithThem() {
        assertEquals(
                "keys must be distinct: [year, year]",
                assertThrows(IllegalArgumentException.class, () -> new SectionData.Keys("year", "year"))
                        .getMessage());
        SectionData.Keys keys = new SectionData.Keys("year", "passRate");
        assertSame(keys, SectionData.of(keys, 2025, 51.2).keys(), "shared by the data made with them");
    }

    @Test
    void sharedRowsReadAsAListOfTheirRows() {
        SectionData.Keys row = new SectionData.Keys("year", "passRate");
        List<Map<String, Object>> plain = List.of(SectionData.of(row, 2024, 41.5), SectionData.of(row, 2025, 38.0));
        SectionData.Rows rows = new SectionData.Rows(plain);
        assertEquals(plain, rows);
        assertEquals(rows, plain);
        assertEquals(plain.hashCode(), rows.hashCode());
        assertThrows(UnsupportedOperationException.class, () -> rows.add(SectionData.of(row, 2026, 40.0)));
    }

    @Test
    void keysAndSharedRowsKeepTheFormAWriterMadeOfThem() {
        SectionData.Keys keys = new SectionData.Keys("year", "passRate");
        SectionData.Rows rows = new SectionData.Rows(java.util.List.of(SectionData.of(keys, 2025, 44.5)));
        org.junit.jupiter.api.Assertions.assertNull(keys.writtenForm());
        org.junit.jupiter.api.Assertions.assertNull(rows.writtenForm());
        byte[][] keyForms = {{1}, {2}};
        byte[] rowForm = {3};
        keys.keepWrittenForm(keyForms);
        rows.keepWrittenForm(rowForm);
        org.junit.jupiter.api.Assertions.assertSame(keyForms, keys.writtenForm());
        org.junit.jupiter.api.Assertions.assertSame(rowForm, rows.writtenForm());
    }
}

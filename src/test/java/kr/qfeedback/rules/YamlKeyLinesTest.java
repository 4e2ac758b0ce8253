package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Where a nested key of a YAML file staff edited is, so that a problem names its line. */
class YamlKeyLinesTest {
    private static final String TEXT = """
            # 문구
            섹션:
              JOBS:
                DEFAULT:
                  제목: "일자리"
                  본문: "본문"
              "TRAINING":
                DEFAULT:
                  # 주석
                  '본문': "훈련"
            알림:
              EXAM_DAY: "시험일"
            """;

    @Test
    void aNameUsedInManySectionsResolvesBelowItsParent() {
        YamlKeyLines lines = new YamlKeyLines(TEXT);
        assertEquals(6, lines.lineOf("섹션", "JOBS", "DEFAULT", "본문"));
        assertEquals(8, lines.lineOf("섹션", "TRAINING", "DEFAULT"));
        assertEquals(10, lines.lineOf("섹션", "TRAINING", "DEFAULT", "본문"), "quoted keys count, comments do not");
        assertEquals(12, lines.lineOf("알림", "EXAM_DAY"));
    }

    @Test
    void aKeyOutsideItsParentIsNotFound() {
        YamlKeyLines lines = new YamlKeyLines(TEXT);
        assertNull(lines.lineOf("섹션", "EXAM_DAY"), "EXAM_DAY is under 알림, not 섹션");
        assertNull(lines.lineOf("섹션", "JOBS", "제목X"));
        assertNull(lines.lineOf("섹션", "JOB"), "a prefix of a key is not the key");
    }

    @Test
    void aFragmentIsLookedForFromTheGivenLineOn() {
        YamlKeyLines lines = new YamlKeyLines(TEXT);
        assertEquals(10, lines.lineContaining(7, "본문"));
        assertEquals(6, lines.lineContaining(null, "본문"));
        assertEquals(7, lines.lineContaining(7, "없는 문구"), "not found: the line it started from");
    }

    @Test
    void aKeyAtAnyDepthAndAValueAreFoundWhereverTheyAre() {
        YamlKeyLines lines = new YamlKeyLines(TEXT);
        assertEquals(12, lines.anyLineOf("EXAM_DAY"));
        assertEquals(3, lines.anyLineOf("JOBS"));
        assertNull(lines.anyLineOf("없는키"));
        assertEquals(5, lines.lineContaining("일자리"));
        assertNull(lines.lineContaining("없는 문구"));
        assertNull(lines.lineContaining(" "), "a blank fragment names no line");
    }
}

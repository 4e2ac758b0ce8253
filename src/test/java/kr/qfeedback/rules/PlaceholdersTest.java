package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filling message templates: unknown values show as "-", optional [ … ] parts drop out when a value inside is unknown. */
class PlaceholdersTest {

    @Test
    void aTextNamesOnlyGivenPlaceholdersWhenEveryNameItHoldsIsOneOfThem() {
        var shared = java.util.EnumSet.of(Placeholder.QUALIFICATION_NAME, Placeholder.STAGE_NAME);
        assertTrue(Placeholders.namesOnly("{qualificationName} {stageName}시험[ 안내]", shared));
        assertTrue(Placeholders.namesOnly("고정된 문구", shared));
        assertFalse(Placeholders.namesOnly("{qualificationName} {totalScore}점", shared));
        assertFalse(Placeholders.namesOnly("{qualificationName} {없는이름}", shared), "an unknown name is not shared");
    }

    @Test
    void knownValuesAreFilledIn() {
        assertEquals(
                "정보처리기사 필기시험 점수는 72.5점입니다",
                Placeholders.fill(
                        "{qualificationName} 필기시험 점수는 {totalScore}점입니다",
                        Map.of("qualificationName", "정보처리기사", "totalScore", "72.5")));
    }

    @Test
    void anUnknownValueIsShownAsADash() {
        Map<String, String> values = new HashMap<>();
        values.put("totalScore", null);

        assertEquals("점수 -점, 합격률 -%", Placeholders.fill("점수 {totalScore}점, 합격률 {passRate}%", values));
        assertEquals("-", Placeholders.UNKNOWN);
    }

    @Test
    void anOptionalPartIsDroppedWhenAValueInsideIsUnknown() {
        String template = "남은 기간은 {daysRemaining}일입니다.[ 응시할 수 있는 회차는 {practicalRoundsLeft}번입니다.]";

        assertEquals("남은 기간은 30일입니다.", Placeholders.fill(template, Map.of("daysRemaining", "30")));
    }

    @Test
    void anOptionalPartIsKeptWithoutItsBracketsWhenEveryValueInsideIsKnown() {
        String template = "남은 기간은 {daysRemaining}일입니다.[ 응시할 수 있는 회차는 {practicalRoundsLeft}번입니다.]";

        assertEquals(
                "남은 기간은 30일입니다. 응시할 수 있는 회차는 2번입니다.",
                Placeholders.fill(template, Map.of("daysRemaining", "30", "practicalRoundsLeft", "2")));
    }

    @Test
    void oneUnknownValueAmongSeveralDropsTheWholeOptionalPart() {
        String template = "결과[ ({year}년 합격률 {passRate}%)] 입니다";

        assertEquals("결과 입니다", Placeholders.fill(template, Map.of("year", "2025")));
        assertEquals(
                "결과 (2025년 합격률 41.2%) 입니다", Placeholders.fill(template, Map.of("year", "2025", "passRate", "41.2")));
    }

    @Test
    void eachOptionalPartIsDecidedOnItsOwn() {
        String template = "[A {average}][B {shortfall}]";

        assertEquals("A 55", Placeholders.fill(template, Map.of("average", "55")));
    }

    @Test
    void anUnknownValueOutsideAnOptionalPartStillShowsAsADash() {
        assertEquals("평균 - ", Placeholders.fill("평균 {average} [과락 {failedSubjects}]", Map.of()));
    }

    @Test
    void anOptionalPartWithoutPlaceholdersIsKept() {
        assertEquals("안내 (참고)", Placeholders.fill("안내 [(참고)]", Map.of()));
    }

    @Test
    void valuesAreInsertedLiterallyEvenWithDollarSignsAndBackslashes() {
        assertEquals("이름: a$1\\b", Placeholders.fill("이름: {qualificationName}", Map.of("qualificationName", "a$1\\b")));
    }

    @Test
    void checkNamesReportsEveryUnknownNameAndUnbalancedBrackets() {
        List<String> reported = new ArrayList<>();

        Placeholders.checkNames("{qualificationName} {noSuchPlaceholder} {round} {score}", reported::add);
        Placeholders.checkNames("{qualificationName", reported::add);
        Placeholders.checkNames("[ {round}", reported::add);

        assertEquals(List.of("noSuchPlaceholder", "score", "{ 또는 } 짝이 맞지 않음", "[ 또는 ] 짝이 맞지 않음"), reported);
    }

    @Test
    void checkNamesAcceptsEveryDocumentedName() {
        List<String> reported = new ArrayList<>();
        Placeholders.NAMES.forEach(name -> Placeholders.checkNames("[{" + name + "}]", reported::add));

        assertTrue(reported.isEmpty(), reported.toString());
    }
}

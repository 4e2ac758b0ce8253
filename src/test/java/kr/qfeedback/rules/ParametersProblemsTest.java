package kr.qfeedback.rules;

import static kr.qfeedback.rules.RuleFolder.assertAtLine;
import static kr.qfeedback.rules.RuleFolder.assertKoreanSaying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A mistake in {@code rules/parameters.yaml} is reported at its line with the accepted range. */
class ParametersProblemsTest {
    private static final String PARAMETERS = "parameters.yaml";
    private static final String PARAMETERS_DISPLAY = "rules/parameters.yaml";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {200, 14, 61, -1})
    void aYouthMaxAgeOutOfRangeIsReportedAtItsLine(int age) {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(PARAMETERS, "청년 할인 최대 나이:", "청년 할인 최대 나이: " + age);

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, PARAMETERS_DISPLAY, line);
        assertKoreanSaying(p, "'청년 할인 최대 나이'", String.valueOf(age), "허용 범위", "15~60 사이의 정수");
    }

    @Test
    void anExpiringDaysValueOutOfRangeIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(PARAMETERS, "필기면제 임박 일수:", "필기면제 임박 일수: 731");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, PARAMETERS_DISPLAY, line);
        assertKoreanSaying(p, "'필기면제 임박 일수'", "731", "0~730 사이의 정수");
    }

    @ParameterizedTest
    @ValueSource(strings = {"서른넷", "34.5", "\"34세\"", "[34]"})
    void aYouthMaxAgeThatIsNotAWholeNumberIsReportedAtItsLine(String value) {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(PARAMETERS, "청년 할인 최대 나이:", "청년 할인 최대 나이: " + value);

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, PARAMETERS_DISPLAY, line);
        assertKoreanSaying(p, "'청년 할인 최대 나이'", "정수가 아닙니다", "15~60 사이의 정수");
    }

    @Test
    void aSurveySwitchOtherThanYesOrNoIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(PARAMETERS, "만족도 조사 진행:", "만족도 조사 진행: 네");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, PARAMETERS_DISPLAY, line);
        assertKoreanSaying(p, "'만족도 조사 진행'", "'예' 또는 '아니오'", "'네'");
    }

    @Test
    void anUnknownRoundEventIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(PARAMETERS, "실기 회차 기준일:", "실기 회차 기준일: 마감일");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, PARAMETERS_DISPLAY, line);
        assertKoreanSaying(p, "'접수시작일' 또는 '시험시작일'", "'마감일'");
    }

    @Test
    void aMisspelledParameterNameIsReportedAtItsLineAndTheMissingOneByName() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(PARAMETERS, "청년 할인 최대 나이:", "청년할인 최대 나이: 34");

        var problems = rules.problems();

        assertEquals(2, problems.size(), () -> RuleFolder.describe(problems));
        RuleProblem unknown = problems.stream()
                .filter(p -> p.message().contains("'청년할인 최대 나이'"))
                .findFirst()
                .orElseThrow();
        assertAtLine(unknown, PARAMETERS_DISPLAY, line);
        assertKoreanSaying(unknown, "알 수 없는 매개변수", "청년 할인 최대 나이");
        RuleProblem missing =
                problems.stream().filter(p -> p != unknown).findFirst().orElseThrow();
        assertEquals(PARAMETERS_DISPLAY, missing.file());
        assertKoreanSaying(missing, "'청년 할인 최대 나이' 값이 없습니다", "15~60 사이의 정수");
    }

    @Test
    void aPassCriterionOutOfRangeIsReportedAtItsGradesLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(
                PARAMETERS, "PROFESSIONAL_ENGINEER:", "    PROFESSIONAL_ENGINEER: { 과목 최저: 없음, 평균 최저: 160 }");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, PARAMETERS_DISPLAY, line);
        assertKoreanSaying(p, "PROFESSIONAL_ENGINEER", "'평균 최저'", "0~100 사이의 정수");
    }

    @Test
    void invalidYamlIsReportedAtTheLineWhereItBreaks() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(PARAMETERS, "청년 할인 최대 나이:", "청년 할인 최대 나이: 34: 35");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, PARAMETERS_DISPLAY, line);
        assertKoreanSaying(p, "YAML 형식이 잘못되었습니다", "'이름: 값' 형식");
    }

    @Test
    void aMissingParameterFileIsReportedByName() {
        RuleProblem p = RuleFolder.copyOfShippedRules(dir).delete(PARAMETERS).onlyProblem();

        assertEquals(PARAMETERS_DISPLAY, p.file());
        assertNull(p.line());
        assertKoreanSaying(p, "파일이 없습니다", "parameters.yaml");
    }
}

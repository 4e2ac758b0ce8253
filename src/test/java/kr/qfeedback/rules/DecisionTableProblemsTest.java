package kr.qfeedback.rules;

import static kr.qfeedback.rules.RuleFolder.assertAtCell;
import static kr.qfeedback.rules.RuleFolder.assertKoreanSaying;

import java.nio.file.Path;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One mistake typed into one cell of {@code rules/sections.drl.xlsx} (sheet 섹션표시; data rows from
 * row 10) is reported at that cell, in Korean, with the values the cell accepts. Each test breaks a
 * fresh copy of the shipped rules.
 */
class DecisionTableProblemsTest {

    @TempDir
    Path dir;

    private RuleFolder rules() {
        return RuleFolder.copyOfShippedRules(dir);
    }

    @Test
    void aLowestSubjectScoreTypedWithAUnitIsReportedAtItsCell() {
        RuleProblem p = rules().cell("H23", "60점").onlyProblem();

        assertAtCell(p, 23, "H");
        assertKoreanSaying(p, "가장 낮은 과목 점수", "'60점'", "0~100");
    }

    @Test
    void aLowestSubjectScoreAboveOneHundredIsReportedAtItsCell() {
        RuleProblem p = rules().cell("H23", 150).onlyProblem();

        assertAtCell(p, 23, "H");
        assertKoreanSaying(p, "'150'", "0~100");
    }

    /** A text cell "060" would reach Drools as the octal literal 060 (= 48) and compile silently. */
    @ParameterizedTest
    @ValueSource(strings = {"060", "09"})
    void aLowestSubjectScoreWithALeadingZeroIsReportedAtItsCell(String typed) {
        RuleProblem p = rules().cell("H23", typed).onlyProblem();

        assertAtCell(p, 23, "H");
        assertKoreanSaying(p, "'" + typed + "'", "0~100", "앞에 0 없이");
    }

    @Test
    void textInTheOrderColumnIsReportedAtItsCell() {
        RuleProblem p = rules().cell("V10", "첫째").onlyProblem();

        assertAtCell(p, 10, "V");
        assertKoreanSaying(p, "'순서'", "'첫째'", "0~9999 사이의 정수");
    }

    @Test
    void aFractionInTheOrderColumnIsReportedAtItsCell() {
        RuleProblem p = rules().cell("V10", 10.5).onlyProblem();

        assertAtCell(p, 10, "V");
        assertKoreanSaying(p, "'10.5'", "0~9999 사이의 정수");
    }

    /** "09" is not a Java int literal and "0010" is octal 8; both used to get past the cell check. */
    @ParameterizedTest
    @ValueSource(strings = {"09", "0010"})
    void anOrderWithALeadingZeroIsReportedAtItsCell(String typed) {
        RuleProblem p = rules().cell("V10", typed).onlyProblem();

        assertAtCell(p, 10, "V");
        assertKoreanSaying(p, "'" + typed + "'", "0~9999 사이의 정수", "앞에 0 없이");
    }

    @ParameterizedTest
    @ValueSource(strings = {"“합격”", "“PASS”", "‘PASS’"})
    void aCurlyQuotePastedIntoAConditionCellIsReportedAtItsCell(String typed) {
        RuleProblem p = rules().cell("D10", typed).onlyProblem();

        assertAtCell(p, 10, "D");
        assertKoreanSaying(p, "'결과'", "둥근 따옴표", "값만 적어");
    }

    @Test
    void aCurlyQuotePastedIntoAnActionCellIsReportedAtItsCell() {
        RuleProblem p = rules().cell("X10", "“WRITTEN_PASS”").onlyProblem();

        assertAtCell(p, 10, "X");
        assertKoreanSaying(p, "'문구'", "둥근 따옴표", "값만 적어");
    }

    @Test
    void aStraightQuoteInAnActionCellIsReportedAtItsCell() {
        RuleProblem p = rules().cell("X10", "\"WRITTEN_PASS\"").onlyProblem();

        assertAtCell(p, 10, "X");
        assertKoreanSaying(p, "따옴표(\")", "따옴표 없이 값만");
    }

    @Test
    void anUnknownSectionIdIsReportedAtTheSectionCell() {
        RuleProblem p = rules().cell("U10", "RESULT_SUMARY").onlyProblem();

        assertAtCell(p, 10, "U");
        assertKoreanSaying(p, "'RESULT_SUMARY'", "알 수 없는 섹션 ID", "RESULT_SUMMARY", "WRITTEN_EXEMPTION", "SURVEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"예", "Y", "1", "OX"})
    void aYesNoCellHoldingSomethingOtherThanOOrXIsReportedAtItsCell(String typed) {
        RuleProblem p = rules().cell("F21", typed).onlyProblem();

        assertAtCell(p, 21, "F");
        assertKoreanSaying(p, "'총점 있음'", "'" + typed + "'", "O(예), X(아니오) 또는 빈 칸");
    }

    @Test
    void anXInTheYouthDiscountColumnIsReportedBecauseThatColumnTakesOnlyO() {
        RuleProblem p = rules().cell("S40", "X").onlyProblem();

        assertAtCell(p, 40, "S");
        assertKoreanSaying(p, "'청년 응시료 할인 대상'", "'X'", "O(해당할 때만) 또는 빈 칸");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            C10 | WRITEN                  | WRITEN      | INTERVIEW, PRACTICAL, WRITTEN
            C41 | PRACTICAL, 면접          | 면접         | INTERVIEW, PRACTICAL, WRITTEN
            D10 | 합격                     | 합격         | ABSENT, FAIL, PASS
            E12 | ENGINEER, MASTER        | MASTER      | CRAFTSMAN, ENGINEER, INDUSTRIAL_ENGINEER, MASTER_CRAFTSMAN, PROFESSIONAL_ENGINEER, SERVICE
            P12 | SUBMIT                  | SUBMIT      | NOT_REQUIRED, NOT_SUBMITTED, NOT_SUBMITTED_OVERDUE, SUBMITTED, UNKNOWN, UNKNOWN_OVERDUE
            Q16 | LEFT, SOME              | SOME        | LEFT, NONE_LEFT, UNKNOWN
            R16 | VALID                   | VALID       | ACTIVE, EXPIRED, EXPIRING
            """)
    void anUnknownValueInAnEnumColumnIsReportedAtItsCellWithTheAcceptedValues(
            String ref, String typed, String unknown, String accepted) {
        RuleProblem p = rules().cell(ref, typed).onlyProblem();

        CellReference at = new CellReference(ref);
        assertAtCell(p, at.getRow() + 1, CellReference.convertNumToColString(at.getCol()));
        assertKoreanSaying(p, "'" + unknown + "'은(는) 알 수 없는 값", "쓸 수 있는 값: " + accepted, "쉼표로 구분");
    }

    @Test
    void anUnknownToneIsReportedAtItsCell() {
        RuleProblem p = rules().cell("W10", "GOOD").onlyProblem();

        assertAtCell(p, 10, "W");
        assertKoreanSaying(p, "'GOOD'", "SUCCESS, FAILURE, WARNING, INFO");
    }

    @Test
    void anUnknownDataStageIsReportedAtItsCell() {
        RuleProblem p = rules().cell("Y25", "NEXT_STAGE").onlyProblem();

        assertAtCell(p, 25, "Y");
        assertKoreanSaying(p, "'NEXT_STAGE'", "SAME", "NEXT");
    }

    @Test
    void aMessageNameThatMessagesYamlLacksIsReportedAtTheTableCell() {
        RuleProblem p = rules().cell("X10", "WRITTEN_PASSED").onlyProblem();

        assertAtCell(p, 10, "X");
        assertKoreanSaying(
                p,
                "'WRITTEN_PASSED'",
                "messages.yaml",
                "RESULT_SUMMARY",
                "WRITTEN_PASS, WRITTEN_PASS_VOID, WRITTEN_FAIL");
    }

    @Test
    void aMessageNameThatExistsOnlyUnderAnotherSectionIsReportedAtTheTableCell() {
        // WRITTEN_EXEMPTION has ACTIVE, but RESULT_SUMMARY does not.
        RuleProblem p = rules().cell("X10", "ACTIVE").onlyProblem();

        assertAtCell(p, 10, "X");
        assertKoreanSaying(p, "'ACTIVE'", "섹션 RESULT_SUMMARY 아래에 없습니다", "WRITTEN_PASS");
    }

    @Test
    void aRowWithASectionButNoOrderIsReportedAtTheOrderCell() {
        RuleProblem p = rules().clearCell("V21").onlyProblem();

        assertAtCell(p, 21, "V");
        assertKoreanSaying(p, "'순서' 칸이 비어 있습니다", "순서, 톤, 문구가 모두");
    }

    @ParameterizedTest
    @CsvSource({"W, 톤", "X, 문구"})
    void aRowWithASectionButNoToneOrMessageIsReportedAtTheEmptyCell(String column, String header) {
        RuleProblem p = rules().clearCell(column + "15").onlyProblem();

        assertAtCell(p, 15, column);
        assertKoreanSaying(p, "'" + header + "' 칸이 비어 있습니다", "순서, 톤, 문구가 모두");
    }

    @Test
    void aRowWithAnOrderButNoSectionIsReportedAtTheSectionCell() {
        RuleProblem p = rules().clearCell("U21").onlyProblem();

        assertAtCell(p, 21, "U");
        assertKoreanSaying(p, "보여 줄 섹션이 비어 있습니다", "섹션 ID도 적어");
    }
}

package kr.qfeedback.rules;

import static kr.qfeedback.rules.RuleFolder.assertAtCell;
import static kr.qfeedback.rules.RuleFolder.assertAtLine;
import static kr.qfeedback.rules.RuleFolder.assertKoreanSaying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped rules compile; broken ones fail with every problem listed, each where staff can find it. */
class RuleSetCompilerTest {

    @TempDir
    Path dir;

    @Test
    void theShippedRulesCompile() {
        RuleFiles files = RuleFiles.read(RuleFolder.SHIPPED);

        RuleSet rules = new RuleSetCompiler().compile(files);

        assertEquals(files.version(), rules.version());
        assertTrue(rules.ruleCount() > 5, "table rows and judgement rules: " + rules.ruleCount());
        assertTrue(
                rules.sourceOf("섹션표시 섹션표시_10").source().equals("rules/sections.drl.xlsx:row 10"),
                rules.sourceOf("섹션표시 섹션표시_10").source());
    }

    @Test
    void severalProblemsInSeveralFilesAreAllReportedNotJustTheFirst() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir)
                .cell("H23", "60점")
                .cell("V10", "첫째")
                .cell("F21", "예");
        int ageLine = rules.replaceLine("parameters.yaml", "청년 할인 최대 나이:", "청년 할인 최대 나이: 200");
        rules.replace(
                "messages.yaml",
                "{round} {qualificationName} 필기시험 결과 합격입니다",
                "{round} {noSuchPlaceholder} 필기시험 결과 합격입니다");
        int drlStart = rules.append("judgements.drl", """
                rule "테스트: 없는 필드"
                when
                    Profile( nosuchField > 1 )
                then
                end
                """);

        List<RuleProblem> problems = rules.problems();

        assertEquals(6, problems.size(), () -> RuleFolder.describe(problems));
        assertAtCell(find(problems, p -> "H".equals(p.column())), 23, "H");
        assertAtCell(find(problems, p -> "V".equals(p.column())), 10, "V");
        assertAtCell(find(problems, p -> "F".equals(p.column())), 21, "F");
        assertAtLine(find(problems, p -> p.file().endsWith("parameters.yaml")), "rules/parameters.yaml", ageLine);
        assertAtLine(
                find(problems, p -> p.file().endsWith("messages.yaml")),
                "rules/messages.yaml",
                rules.lineContaining("messages.yaml", "{noSuchPlaceholder}"));
        assertAtLine(find(problems, p -> p.file().endsWith("judgements.drl")), "rules/judgements.drl", drlStart + 2);
        problems.forEach(p -> assertKoreanSaying(p));
    }

    @Test
    void twoProblemsInOneTableRowAreBothReportedAtTheirCells() {
        List<RuleProblem> problems = RuleFolder.copyOfShippedRules(dir)
                .cell("C23", "필기")
                .cell("W23", "보통")
                .problems();

        assertEquals(2, problems.size(), () -> RuleFolder.describe(problems));
        assertAtCell(problems.get(0), 23, "C");
        assertAtCell(problems.get(1), 23, "W");
    }

    @Test
    void theSameMistakeInTwoRowsIsReportedOncePerRow() {
        List<RuleProblem> problems = RuleFolder.copyOfShippedRules(dir)
                .cell("D10", "합격")
                .cell("D12", "합격")
                .problems();

        assertEquals(2, problems.size(), () -> RuleFolder.describe(problems));
        assertAtCell(problems.get(0), 10, "D");
        assertAtCell(problems.get(1), 12, "D");
    }

    @Test
    void aMissingDecisionTableIsReported() {
        RuleProblem p =
                RuleFolder.copyOfShippedRules(dir).delete(RuleFolder.TABLE).onlyProblem();

        assertEquals(RuleFiles.DISPLAY_ROOT, p.file());
        assertKoreanSaying(p, "*.drl.xlsx", "섹션을 정하는 표");
    }

    @Test
    void aMissingReferenceFileIsReportedByName() {
        RuleProblem p = RuleFolder.copyOfShippedRules(dir)
                .delete("reference/qualifications.json")
                .onlyProblem();

        assertEquals("rules/reference/qualifications.json", p.file());
        assertNull(p.line());
        assertKoreanSaying(p, "기준 자료가 없습니다", "import-reference");
    }

    @Test
    void aFileThatIsNotAWorkbookIsReportedAsUnreadable() throws Exception {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        java.nio.file.Files.writeString(rules.file(RuleFolder.TABLE), "이것은 엑셀 파일이 아닙니다");

        RuleProblem p = rules.onlyProblem();

        assertEquals(RuleFolder.TABLE_DISPLAY, p.file());
        assertNull(p.row());
        assertKoreanSaying(p, "엑셀 파일을 열 수 없습니다", ".xlsx 형식");
    }

    private static RuleProblem find(List<RuleProblem> problems, Predicate<RuleProblem> which) {
        List<RuleProblem> matching = problems.stream().filter(which).toList();
        assertEquals(1, matching.size(), () -> RuleFolder.describe(problems));
        return matching.get(0);
    }
}

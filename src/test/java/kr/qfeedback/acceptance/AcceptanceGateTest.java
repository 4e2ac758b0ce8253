package kr.qfeedback.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptanceGateTest {

    private static RuleSet compile(Path dir) {
        return new RuleSetCompiler().compile(RuleFiles.read(dir));
    }

    @Test
    void theShippedRulesPassEveryShippedScenario() {
        AcceptanceGate.GateResult result = new AcceptanceGate(Path.of("features")).run(compile(Path.of("rules")));
        assertTrue(result.passed(), "failures: " + result.failures());
        assertTrue(result.scenarios() > 40, "scenarios run: " + result.scenarios());
    }

    @Test
    void aCandidateThatChangesTheYouthCutOffFailsTheScenariosThatPinIt(@TempDir Path dir) {
        ShippedRules.copyInto(dir);
        ShippedRules.replace(dir.resolve("parameters.yaml"), "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39");
        AcceptanceGate.GateResult result = new AcceptanceGate(Path.of("features")).run(compile(dir));
        assertFalse(result.passed());
        assertTrue(
                result.failures().stream().allMatch(f -> f.location().startsWith("features/")),
                "locations: " + result.failures());
        assertTrue(
                result.failures().stream().anyMatch(f -> f.location().contains("청년_응시료_할인.feature")),
                "failures: " + result.failures());
    }

    @Test
    void withoutAFeaturesFolderNothingCanBePublished(@TempDir Path dir) {
        AcceptanceGate.GateResult result = new AcceptanceGate(dir.resolve("features")).run(compile(Path.of("rules")));
        assertFalse(result.passed());
        assertEquals(0, result.scenarios());
    }

    static final String SAVED = """
            # language: ko
            기능: 저장한 시나리오

              시나리오: 필기 합격 제목을 통째로 고정한다
                조건 "정보처리기사"(1320, 기사) 응시자가 있다
                그리고 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
                만일 "필기" 시험 결과 "합격", 총점 70점을 받는다
                그러면 "RESULT_SUMMARY" 섹션의 제목에 "%s"가 들어 있다
            """;

    @Test
    void aSavedScenarioRunsAgainstTheCandidateAndAFailureIsNamedWithItsPlaceInTheRulesFolder() {
        RuleSet shipped = ShippedRules.compiled();
        var passing = AcceptanceGate.runSaved(
                shipped,
                java.util.Map.of(
                        "시나리오/제목.feature",
                        SAVED.formatted("필기시험에 합격하셨습니다").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(passing.passed(), "failures: " + passing.failures());
        assertEquals(1, passing.scenarios());

        var failing = AcceptanceGate.runSaved(
                shipped,
                java.util.Map.of(
                        "시나리오/제목.feature",
                        SAVED.formatted("필기시험에 합격했습니다").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(failing.passed());
        assertEquals("필기 합격 제목을 통째로 고정한다", failing.failures().get(0).name());
        assertEquals("rules/시나리오/제목.feature:4", failing.failures().get(0).location());
    }

    @Test
    void aSavedFileThatIsNotGherkinIsReportedAsAFailureInsteadOfStoppingThePublish() {
        var result = AcceptanceGate.runSaved(
                ShippedRules.compiled(),
                java.util.Map.of(
                        "시나리오/망가짐.feature", "기능 없이 쓴 글\n  | 표".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertFalse(result.passed());
        assertEquals("UNREADABLE", result.failures().get(0).status(), result.failures()::toString);
    }
}

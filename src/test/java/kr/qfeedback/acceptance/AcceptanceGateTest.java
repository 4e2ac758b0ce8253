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
}

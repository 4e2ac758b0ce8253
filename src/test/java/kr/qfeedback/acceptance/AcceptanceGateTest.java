package kr.qfeedback.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptanceGateTest {

    private static RuleSet compile(Path dir) {
        return new RuleSetCompiler().compile(RuleFiles.read(dir));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void theShippedRulesPassEveryShippedScenario() {
        AcceptanceGate.GateResult result = new AcceptanceGate(Path.of("features")).run(compile(Path.of("rules")));
        assertTrue(result.passed(), "failures: " + result.failures());
        assertTrue(result.scenarios() > 40, "scenarios run: " + result.scenarios());
    }

    @Test
    void aCandidateThatChangesTheYouthCutOffFailsTheScenariosThatPinIt(@TempDir Path dir) throws IOException {
        copy(Path.of("rules"), dir);
        Path parameters = dir.resolve("parameters.yaml");
        Files.writeString(parameters, Files.readString(parameters, StandardCharsets.UTF_8)
                .replace("청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39"), StandardCharsets.UTF_8);
        AcceptanceGate.GateResult result = new AcceptanceGate(Path.of("features")).run(compile(dir));
        assertFalse(result.passed());
        assertTrue(result.failures().stream().allMatch(f -> f.location().startsWith("features/")), "locations: " + result.failures());
        assertTrue(result.failures().stream().anyMatch(f -> f.location().contains("청년_응시료_할인.feature")), "failures: " + result.failures());
    }

    @Test
    void withoutAFeaturesFolderNothingCanBePublished(@TempDir Path dir) {
        AcceptanceGate.GateResult result = new AcceptanceGate(dir.resolve("features")).run(compile(Path.of("rules")));
        assertFalse(result.passed());
        assertEquals(0, result.scenarios());
    }
}

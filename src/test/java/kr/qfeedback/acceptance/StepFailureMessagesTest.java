package kr.qfeedback.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parameterised steps match every form of their sentence and fail with the Korean message of
 * each form: every scenario below ends in one wrong expectation.
 */
class StepFailureMessagesTest {
    private static final String BACKGROUND = """
            # language: ko
            기능: 틀린 기대
              배경:
                조건 "정보처리기사"(1320, 기사) 응시자가 있다
                그리고 생년월일은 "1999-05-02"이다
                그리고 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
                만일 "필기" 시험에 결시한다
            """;

    private static final Map<String, String> EXPECTED = Map.of(
            "제목에 없다", "RESULT_SUMMARY 섹션의 제목에 \"합격을 축하\"이(가) 없습니다. 제목: ",
            "제목에 있다", "RESULT_SUMMARY 섹션의 제목에 \"응시하지 않으셨습니다\"이(가) 있으면 안 됩니다. 제목: ",
            "본문에 없다", "RESULT_SUMMARY 섹션의 본문에 \"합격을 축하\"이(가) 없습니다. 본문: ",
            "값이 있다", "RESULT_SUMMARY 섹션의 \"result\" 값이 다릅니다. 기대: (없음), 실제: ABSENT",
            "목록이 아니다", "RESULT_SUMMARY 섹션의 \"stage\" 값이 다릅니다. 기대: (빈 목록), 실제: WRITTEN",
            "안내가 없다", "안내(notices)에 UNKNOWN_QUALIFICATION가 없습니다.",
            "과락 과목", "SCORE_BREAKDOWN 섹션이 보여야 하는데 보이지 않습니다.",
            "과락 없음", "SCORE_BREAKDOWN 섹션이 보여야 하는데 보이지 않습니다.");

    @Test
    void everyFormOfAMergedStepMatchesAndFailsInKorean(@TempDir Path dir) throws IOException {
        Path features = Files.createDirectories(dir.resolve("features"));
        String scenarios = BACKGROUND + """
                  시나리오: 제목에 없다
                    그러면 "RESULT_SUMMARY" 섹션의 제목에 "합격을 축하"가 들어 있다
                  시나리오: 제목에 있다
                    그러면 "RESULT_SUMMARY" 섹션의 제목에 "응시하지 않으셨습니다"가 들어 있지 않다
                  시나리오: 본문에 없다
                    그러면 "RESULT_SUMMARY" 섹션의 본문에 "합격을 축하"가 들어 있다
                  시나리오: 값이 있다
                    그러면 "RESULT_SUMMARY" 섹션의 "result"는 값이 없다
                  시나리오: 목록이 아니다
                    그러면 "RESULT_SUMMARY" 섹션의 "stage"는 빈 목록이다
                  시나리오: 안내가 없다
                    그러면 안내 "NO_DOCUMENT_WINDOW"는 없다
                    그리고 안내 "UNKNOWN_QUALIFICATION"이 있다
                  시나리오: 과락 과목
                    그러면 과목별 점수에서 과락으로 표시된 과목은 "소프트웨어개발"이다
                  시나리오: 과락 없음
                    그러면 과목별 점수에서 과락으로 표시된 과목은 없다
                """;
        Files.writeString(features.resolve("틀린_기대.feature"), scenarios, StandardCharsets.UTF_8);

        AcceptanceGate.GateResult result = new AcceptanceGate(features).run(CompiledRules.get());

        assertEquals(EXPECTED.size(), result.scenarios());
        Map<String, String> errors = result.failures().stream()
                .collect(Collectors.toMap(AcceptanceGate.ScenarioResult::name, f -> String.valueOf(f.error())));
        assertEquals(EXPECTED.keySet(), errors.keySet(), "failed scenarios: " + result.failures());
        EXPECTED.forEach(
                (name, message) -> assertTrue(errors.get(name).startsWith(message), name + ": " + errors.get(name)));
        assertTrue(
                result.failures().stream().allMatch(f -> f.status().equals("FAILED")),
                "statuses: "
                        + result.failures().stream()
                                .map(AcceptanceGate.ScenarioResult::status)
                                .toList());
    }

    @Test
    void aScenarioStartsWithNothingOfThePreviousOne(@TempDir Path dir) throws IOException {
        Path features = Files.createDirectories(dir.resolve("features"));
        String scenarios = """
                # language: ko
                기능: 시나리오마다 새 요청
                  시나리오: 필기 결시
                    조건 "정보처리기사"(1320, 기사) 응시자가 있다
                    그리고 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
                    만일 "필기" 시험에 결시한다
                    그러면 결과는 "WRITTEN_ABSENT"이다
                  시나리오: 앞 시나리오의 응시자가 남지 않는다
                    조건 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
                    만일 "필기" 시험에 결시한다
                    그러면 결과는 "WRITTEN_ABSENT"이다
                """;
        Files.writeString(features.resolve("새_요청.feature"), scenarios, StandardCharsets.UTF_8);

        AcceptanceGate.GateResult result = new AcceptanceGate(features).run(CompiledRules.get());

        assertEquals(2, result.scenarios());
        List<String> failed = result.failures().stream()
                .map(AcceptanceGate.ScenarioResult::name)
                .toList();
        assertEquals(List.of("앞 시나리오의 응시자가 남지 않는다"), failed, "failures: " + result.failures());
    }
}

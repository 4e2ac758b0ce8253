package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledTemplateTest {
    private static final Map<String, String> VALUES = Map.of(
            "qualificationName", "정보처리기사",
            "totalScore", "58.5",
            "daysRemaining", "30",
            "failedSubjects", "데이터베이스, 네트워크");

    private static String compiled(String template, Map<String, String> values) {
        return CompiledTemplate.of(template).fill(p -> values.get(p.placeholderName()));
    }

    @Test
    void fillsPlaceholdersAndOptionalPartsExactlyAsThePlainFill() {
        List<String> templates = List.of(
                "{qualificationName} 필기시험 점수는 {totalScore}점입니다",
                "남은 기간은 {daysRemaining}일입니다.[ 과락 과목: {failedSubjects}]",
                "[{passRate}% ]합격률이 알려지지 않았습니다",
                "알 수 없는 이름 {noSuchPlaceholder} 은 '-' 로 읽힙니다",
                "[{noSuchPlaceholder} 는 선택 부분을 지웁니다]끝",
                "자리 표시자가 없는 문장",
                "짝이 맞지 않는 { 괄호 {totalScore}",
                "");
        for (String template : templates) {
            assertEquals(Placeholders.fill(template, VALUES), compiled(template, VALUES), template);
            assertEquals(Placeholders.fill(template, Map.of()), compiled(template, Map.of()), template);
        }
    }

    @Test
    void everyPlaceholderNameIsOneConstant() {
        Map<String, Placeholder> seen = new HashMap<>();
        for (Placeholder p : Placeholder.values()) {
            assertEquals(null, seen.put(p.placeholderName(), p), p.placeholderName());
            assertEquals(p, Placeholder.named(p.placeholderName()));
        }
        assertEquals(Placeholders.NAMES.size(), Placeholder.values().length);
        assertEquals(null, Placeholder.named("noSuchPlaceholder"));
    }
}

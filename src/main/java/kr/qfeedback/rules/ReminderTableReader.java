package kr.qfeedback.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.Stage;

/**
 * Reads the reminder table of parameters.yaml ({@code 알림 일정표}), the survey's last day and the
 * result link, naming the line of every problem in Korean.
 */
final class ReminderTableReader {
    static final String TABLE = "알림 일정표";
    static final String SURVEY_END = "만족도 조사 마감일";
    static final String RESULT_LINK = "결과 안내 주소";
    static final int MAX_DAYS_AHEAD = 60;

    private final String path;
    private final YamlKeyLines lines;
    private final List<RuleProblem> problems;

    ReminderTableReader(String path, YamlKeyLines lines, List<RuleProblem> problems) {
        this.path = path;
        this.lines = lines;
        this.problems = problems;
    }

    ReminderTable read(JsonNode root) {
        return new ReminderTable(table(root.get(TABLE)), surveyEnd(root.get(SURVEY_END)), link(root.get(RESULT_LINK)));
    }

    private Map<String, Map<ReminderKind, Integer>> table(JsonNode table) {
        Map<String, Map<ReminderKind, Integer>> byOutcome = new HashMap<>();
        if (table == null || !table.isObject()) {
            problems.add(RuleProblem.atLine(
                    path,
                    lines.anyLineOf(TABLE),
                    "'" + TABLE + "'이(가) 없거나 표 형식이 아닙니다. 결과별로 한 줄씩 적어 주세요."
                            + " 예: WRITTEN_FAIL: { 접수 시작: 1, 접수 마감: 1, 시험일: 3 }"));
            return byOutcome;
        }
        List<String> outcomes = outcomes();
        table.fields().forEachRemaining(row -> {
            Integer line = lines.anyLineOf(row.getKey());
            if (!outcomes.contains(row.getKey())) {
                problems.add(RuleProblem.atLine(
                        path,
                        line,
                        "'" + TABLE + "'의 결과 '" + row.getKey() + "'을(를) 알 수 없습니다. 쓸 수 있는 결과: "
                                + String.join(", ", outcomes) + "."));
                return;
            }
            Map<ReminderKind, Integer> kinds = new EnumMap<>(ReminderKind.class);
            if (!row.getValue().isObject()) {
                problems.add(RuleProblem.atLine(
                        path, line, "'" + TABLE + "'의 " + row.getKey() + " 줄은 { 알림 종류: 며칠 전, … } 형식이어야 합니다."));
                return;
            }
            row.getValue().fields().forEachRemaining(cell -> {
                ReminderKind kind = ReminderTable.kindNamed(cell.getKey());
                String where = "'" + TABLE + "'의 " + row.getKey() + " 줄 '" + cell.getKey() + "' 칸";
                if (kind == null) {
                    problems.add(RuleProblem.atLine(
                            path,
                            line,
                            where + ": 알 수 없는 알림 종류입니다. 쓸 수 있는 종류: " + String.join(", ", ReminderTable.NAMES.values())
                                    + "."));
                } else if (!cell.getValue().isIntegralNumber()
                        || cell.getValue().asInt() < 0
                        || cell.getValue().asInt() > MAX_DAYS_AHEAD) {
                    problems.add(RuleProblem.atLine(
                            path,
                            line,
                            where + ": 값 '" + cell.getValue().asText() + "'은(는) 며칠 전에 알릴지를 나타내는 0~" + MAX_DAYS_AHEAD
                                    + " 사이의 정수여야 합니다."));
                } else {
                    kinds.put(kind, cell.getValue().asInt());
                }
            });
            byOutcome.put(row.getKey(), kinds);
        });
        return byOutcome;
    }

    private LocalDate surveyEnd(JsonNode value) {
        String text = value == null || value.isNull() ? "없음" : value.asText().strip();
        if (text.equals("없음")) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(RuleProblem.atLine(
                    path,
                    lines.anyLineOf(SURVEY_END),
                    "'" + SURVEY_END + "' 값 '" + text + "'은(는) 날짜가 아닙니다. 2026-12-31 처럼 적거나, 마감일이 없으면 '없음'이라고 적어 주세요."));
            return null;
        }
    }

    private String link(JsonNode value) {
        String text = value == null ? "" : value.asText().strip();
        if (!text.matches("https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~/-]*)?")) {
            problems.add(RuleProblem.atLine(
                    path,
                    lines.anyLineOf(RESULT_LINK),
                    "'" + RESULT_LINK + "' 값 '" + text + "'은(는) 쓸 수 없습니다. https:// 로 시작하는 주소를 적어 주세요"
                            + "(물음표·개인정보 없이, 예: https://www.q-net.or.kr)."));
            return "https://www.q-net.or.kr";
        }
        return text;
    }

    /** Every outcome code, WRITTEN_PASS … INTERVIEW_ABSENT. */
    static List<String> outcomes() {
        List<String> codes = new java.util.ArrayList<>();
        for (Stage stage : Stage.values()) {
            for (ExamResult result : ExamResult.values()) {
                codes.add(stage.name() + "_" + result.name());
            }
        }
        return codes;
    }
}

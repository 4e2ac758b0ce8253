package kr.qfeedback.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.PassCriterion;

/**
 * Reads the pass criteria of {@code parameters.yaml}: the default per grade and stage
 * ({@code 합격기준 기본값}) and the per-qualification exceptions ({@code 종목별 합격기준 예외}) with their
 * sources, each value checked against its range.
 */
final class PassCriteriaReader {
    static final String CRITERIA = "합격기준 기본값";
    static final String WRITTEN = "필기";
    static final String SECOND = "실기·면접";
    static final String SUBJECT_MIN = "과목 최저";
    static final String AVERAGE_MIN = "평균 최저";
    static final String NONE = "없음";
    static final String EXCEPTIONS = "종목별 합격기준 예외";
    static final String EXCEPTION_CODE = "종목";
    static final String EXCEPTION_STAGE = "단계";
    static final String EXCEPTION_SOURCE = "근거";

    private final String path;
    private final YamlKeyLines lines;
    private final List<RuleProblem> problems;

    /** Problems found are added to {@code problems}, located in the file {@code path}. */
    PassCriteriaReader(String path, YamlKeyLines lines, List<RuleProblem> problems) {
        this.path = path;
        this.lines = lines;
        this.problems = problems;
    }

    /** The default criterion of each grade for {@code stage} ({@link #WRITTEN} or {@link #SECOND}). */
    Map<Grade, PassCriterion> criteria(JsonNode root, String stage) {
        Map<Grade, PassCriterion> result = new EnumMap<>(Grade.class);
        JsonNode table = root.path(CRITERIA).path(stage);
        if (!table.isObject()) {
            problems.add(RuleProblem.inFile(
                    path, "'" + CRITERIA + "' 아래에 '" + stage + "' 표가 없습니다. 등급마다 과목 최저와 평균 최저를 적어 주세요."));
            return result;
        }
        for (Grade grade : Grade.values()) {
            JsonNode row = table.get(grade.name());
            if (row == null || !row.isObject()) {
                problems.add(
                        RuleProblem.inFile(path, "'" + CRITERIA + "' '" + stage + "'에 " + grade.name() + " 행이 없습니다."));
                continue;
            }
            PassCriterion criterion = criterion(row, "'" + stage + "' " + grade.name(), lines.anyLineOf(grade.name()));
            if (criterion != null) {
                result.put(grade, criterion);
            }
        }
        return result;
    }

    /** A {과목 최저, 평균 최저} pair; null (with a problem named after {@code what}) when it is not one. */
    private PassCriterion criterion(JsonNode row, String what, Integer line) {
        JsonNode subject = row.get(SUBJECT_MIN);
        JsonNode average = row.get(AVERAGE_MIN);
        Integer subjectMinimum = null;
        if (subject == null || !(subject.isIntegralNumber() || NONE.equals(subject.asText()))) {
            problems.add(
                    RuleProblem.atLine(path, line, what + "의 '" + SUBJECT_MIN + "'은(는) 0~100 사이의 정수 또는 '없음'이어야 합니다."));
        } else if (subject.isIntegralNumber()) {
            subjectMinimum = subject.asInt();
            if (subjectMinimum < 0 || subjectMinimum > 100) {
                problems.add(RuleProblem.atLine(
                        path, line, what + "의 '" + SUBJECT_MIN + "' " + subjectMinimum + "은(는) 0~100 사이여야 합니다."));
            }
        }
        if (average == null || !average.isIntegralNumber() || average.asInt() < 0 || average.asInt() > 100) {
            problems.add(RuleProblem.atLine(path, line, what + "의 '" + AVERAGE_MIN + "'은(는) 0~100 사이의 정수여야 합니다."));
            return null;
        }
        return new PassCriterion(subjectMinimum, average.asInt());
    }

    /** The per-qualification exceptions: each names the 종목, the stage, the criterion and its source. */
    List<Parameters.CriterionException> exceptions(JsonNode root) {
        List<Parameters.CriterionException> result = new ArrayList<>();
        JsonNode list = root.get(EXCEPTIONS);
        if (list == null || list.isNull()) {
            return result;
        }
        if (!list.isArray()) {
            problems.add(RuleProblem.atLine(
                    path, lines.anyLineOf(EXCEPTIONS), "'" + EXCEPTIONS + "'은(는) '- 종목: …' 항목의 목록이어야 합니다(없으면 [] )."));
            return result;
        }
        Set<String> seen = new TreeSet<>();
        for (JsonNode item : list) {
            String code = ParametersReader.code(item.path(EXCEPTION_CODE).asText(""));
            String what =
                    "'" + EXCEPTIONS + "'의 종목 '" + item.path(EXCEPTION_CODE).asText("") + "'";
            Integer line = lines.lineContaining(item.path(EXCEPTION_CODE).asText("(없음)"));
            if (code == null) {
                problems.add(RuleProblem.atLine(
                        path, line, what + ": '" + EXCEPTION_CODE + "'은(는) 네 자리 종목코드로 시작해야 합니다(예: 2085 … ). "));
                continue;
            }
            String stageText = item.path(EXCEPTION_STAGE).asText("");
            if (!stageText.equals(WRITTEN) && !stageText.equals(SECOND)) {
                problems.add(RuleProblem.atLine(
                        path,
                        line,
                        what + ": '" + EXCEPTION_STAGE + "'은(는) '" + WRITTEN + "' 또는 '" + SECOND + "'이어야 합니다(지금: '"
                                + stageText + "')."));
                continue;
            }
            String source = item.path(EXCEPTION_SOURCE).asText("").strip();
            if (source.isEmpty()) {
                problems.add(RuleProblem.atLine(
                        path, line, what + ": 예외에는 '" + EXCEPTION_SOURCE + "'(예: 종목정보 취득방법의 합격기준 문장)을 적어야 합니다."));
                continue;
            }
            if (!seen.add(code + "/" + stageText)) {
                problems.add(RuleProblem.atLine(path, line, what + ": 같은 종목·단계의 예외가 두 번 있습니다. 하나만 남겨 주세요."));
                continue;
            }
            PassCriterion criterion = criterion(item, what, line);
            if (criterion != null) {
                result.add(new Parameters.CriterionException(code, stageText.equals(SECOND), criterion, source));
            }
        }
        return result;
    }
}

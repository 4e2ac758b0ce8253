package kr.qfeedback.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.PassCriterion;

/** Reads {@code parameters.yaml}, checking every value against its accepted range. */
public final class ParametersReader {
    public static final String FILE = "parameters.yaml";
    static final String EXPIRING_DAYS = "필기면제 임박 일수";
    static final String EXEMPTION_YEARS = "필기면제 기간 년수";
    static final String ROUND_EVENT = "실기 회차 기준일";
    static final String YOUTH_MAX_AGE = "청년 할인 최대 나이";
    static final String SURVEY = "만족도 조사 진행";
    static final String CRITERIA = "합격기준 기본값";
    static final String WRITTEN = "필기";
    static final String SECOND = "실기·면접";
    static final String SUBJECT_MIN = "과목 최저";
    static final String AVERAGE_MIN = "평균 최저";
    static final String NONE = "없음";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String path;
    private final String text;
    private final List<RuleProblem> problems = new ArrayList<>();

    private ParametersReader(String path, byte[] content) {
        this.path = path;
        this.text = new String(content, StandardCharsets.UTF_8);
    }

    /** Reads the file; problems found are added to {@code sink}; empty when the file is unusable. */
    public static Optional<Parameters> read(String path, byte[] content, List<RuleProblem> sink) {
        ParametersReader reader = new ParametersReader(path, content);
        Optional<Parameters> result = reader.parse();
        sink.addAll(reader.problems);
        return reader.problems.isEmpty() ? result : Optional.empty();
    }

    private Optional<Parameters> parse() {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(RuleProblem.atLine(path, e.getLocation() == null ? null : e.getLocation().getLineNr(),
                    "YAML 형식이 잘못되었습니다(" + e.getOriginalMessage() + "). '이름: 값' 형식으로 적어 주세요."));
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            problems.add(RuleProblem.inFile(path, "매개변수 파일이 비어 있거나 '이름: 값' 목록이 아닙니다."));
            return Optional.empty();
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!List.of(EXPIRING_DAYS, EXEMPTION_YEARS, ROUND_EVENT, YOUTH_MAX_AGE, SURVEY, CRITERIA).contains(name)) {
                problems.add(RuleProblem.atLine(path, lineOf(name), "알 수 없는 매개변수 '" + name + "'입니다. 쓸 수 있는 이름: "
                        + String.join(", ", EXPIRING_DAYS, EXEMPTION_YEARS, ROUND_EVENT, YOUTH_MAX_AGE, SURVEY, CRITERIA) + "."));
            }
        });
        int expiring = integer(root, EXPIRING_DAYS, 0, 730);
        int years = integer(root, EXEMPTION_YEARS, 1, 5);
        int youth = integer(root, YOUTH_MAX_AGE, 15, 60);
        boolean survey = yesNo(root, SURVEY);
        RoundEvent event = roundEvent(root);
        Map<Grade, PassCriterion> written = criteria(root, WRITTEN);
        Map<Grade, PassCriterion> second = criteria(root, SECOND);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parameters(expiring, years, event, youth, survey, written, second));
    }

    private int integer(JsonNode node, String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null) {
            problems.add(RuleProblem.inFile(path, "'" + name + "' 값이 없습니다. " + min + "~" + max + " 사이의 정수를 적어 주세요."));
            return min;
        }
        if (!value.isIntegralNumber()) {
            problems.add(RuleProblem.atLine(path, lineOf(name), "'" + name + "' 값 '" + value.asText() + "'은(는) 정수가 아닙니다. "
                    + min + "~" + max + " 사이의 정수를 적어 주세요."));
            return min;
        }
        int v = value.asInt();
        if (v < min || v > max) {
            problems.add(RuleProblem.atLine(path, lineOf(name), "'" + name + "' 값 " + v + "은(는) 허용 범위를 벗어났습니다. "
                    + min + "~" + max + " 사이의 정수를 적어 주세요."));
        }
        return v;
    }

    private boolean yesNo(JsonNode node, String name) {
        JsonNode value = node.get(name);
        String text = value == null ? "" : value.asText().strip();
        if (text.equals("예")) {
            return true;
        }
        if (!text.equals("아니오")) {
            problems.add(RuleProblem.atLine(path, lineOf(name), "'" + name + "' 값은 '예' 또는 '아니오'여야 합니다(지금: '" + text + "')."));
        }
        return false;
    }

    private RoundEvent roundEvent(JsonNode node) {
        JsonNode value = node.get(ROUND_EVENT);
        String text = value == null ? "" : value.asText().strip();
        switch (text) {
            case "접수시작일":
                return RoundEvent.REGISTRATION_START;
            case "시험시작일":
                return RoundEvent.EXAM_START;
            default:
                problems.add(RuleProblem.atLine(path, lineOf(ROUND_EVENT), "'" + ROUND_EVENT
                        + "' 값은 '접수시작일' 또는 '시험시작일'이어야 합니다(지금: '" + text + "')."));
                return RoundEvent.REGISTRATION_START;
        }
    }

    private Map<Grade, PassCriterion> criteria(JsonNode root, String stage) {
        Map<Grade, PassCriterion> result = new EnumMap<>(Grade.class);
        JsonNode table = root.path(CRITERIA).path(stage);
        if (!table.isObject()) {
            problems.add(RuleProblem.inFile(path, "'" + CRITERIA + "' 아래에 '" + stage + "' 표가 없습니다. 등급마다 과목 최저와 평균 최저를 적어 주세요."));
            return result;
        }
        for (Grade grade : Grade.values()) {
            JsonNode row = table.get(grade.name());
            if (row == null || !row.isObject()) {
                problems.add(RuleProblem.inFile(path, "'" + CRITERIA + "' '" + stage + "'에 " + grade.name() + " 행이 없습니다."));
                continue;
            }
            JsonNode subject = row.get(SUBJECT_MIN);
            JsonNode average = row.get(AVERAGE_MIN);
            Integer subjectMinimum = null;
            if (subject == null || !(subject.isIntegralNumber() || NONE.equals(subject.asText()))) {
                problems.add(RuleProblem.atLine(path, lineOf(grade.name()), "'" + stage + "' " + grade.name()
                        + "의 '" + SUBJECT_MIN + "'은(는) 0~100 사이의 정수 또는 '없음'이어야 합니다."));
            } else if (subject.isIntegralNumber()) {
                subjectMinimum = subject.asInt();
                if (subjectMinimum < 0 || subjectMinimum > 100) {
                    problems.add(RuleProblem.atLine(path, lineOf(grade.name()), "'" + stage + "' " + grade.name()
                            + "의 '" + SUBJECT_MIN + "' " + subjectMinimum + "은(는) 0~100 사이여야 합니다."));
                }
            }
            if (average == null || !average.isIntegralNumber() || average.asInt() < 0 || average.asInt() > 100) {
                problems.add(RuleProblem.atLine(path, lineOf(grade.name()), "'" + stage + "' " + grade.name()
                        + "의 '" + AVERAGE_MIN + "'은(는) 0~100 사이의 정수여야 합니다."));
                continue;
            }
            result.put(grade, new PassCriterion(subjectMinimum, average.asInt()));
        }
        return result;
    }

    private Integer lineOf(String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith(key + ":") || l.startsWith(key + " :")) {
                return i + 1;
            }
        }
        return null;
    }
}

package kr.qfeedback.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.PassCriterion;

/**
 * Reads {@code parameters.yaml}, checking every value against its accepted range; the pass
 * criteria are read by {@link PassCriteriaReader}.
 */
public final class ParametersReader {
    public static final String FILE = "parameters.yaml";
    static final String EXPIRING_DAYS = "필기면제 임박 일수";
    static final String EXEMPTION_YEARS = "필기면제 기간 년수";
    static final String ROUND_EVENT = "실기 회차 기준일";
    static final String YOUTH_MAX_AGE = "청년 할인 최대 나이";
    static final String YOUTH_ENABLED = "청년 응시료 할인 진행";
    static final String PROVISO = "면제 회차 부족 시 다음 필기 면제";
    static final String SCHEDULE_SOURCE = "일정이 서로 다를 때 따를 일정";
    static final String PROVISO_ROUNDS = "면제 기간 최소 회차";
    static final String DOCUMENTS = "응시자격 서류 제출 대상";
    static final String DOCUMENT_GRADES = "등급";
    static final String DOCUMENT_QUALIFICATIONS = "종목";
    private static final List<String> NAMES = List.of(
            "필기면제 임박 일수",
            "필기면제 기간 년수",
            "면제 회차 부족 시 다음 필기 면제",
            "면제 기간 최소 회차",
            "실기 회차 기준일",
            "일정이 서로 다를 때 따를 일정",
            "청년 할인 최대 나이",
            "청년 응시료 할인 진행",
            "만족도 조사 진행",
            "합격기준 기본값",
            "종목별 합격기준 예외",
            "응시자격 서류 제출 대상",
            LinkHosts.NAME,
            ReminderTableReader.TABLE,
            ReminderTableReader.SURVEY_END,
            ReminderTableReader.RESULT_LINK);
    private static final Pattern CODE = Pattern.compile("^(\\d{4})(\\s.*)?$");
    static final String SURVEY = "만족도 조사 진행";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String path;
    private final String text;
    private final YamlKeyLines lines;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final PassCriteriaReader criteria;

    private ParametersReader(String path, byte[] content) {
        this.path = path;
        this.text = new String(content, StandardCharsets.UTF_8);
        this.lines = new YamlKeyLines(text);
        this.criteria = new PassCriteriaReader(path, lines, problems);
    }

    /** Reads the file; problems found are added to {@code sink}; empty when the file is unusable. */
    public static Optional<Parameters> read(String path, byte[] content, List<RuleProblem> sink) {
        ParametersReader reader = new ParametersReader(path, content);
        Optional<Parameters> result = reader.parse();
        sink.addAll(reader.problems);
        return reader.problems.isEmpty() ? result : Optional.empty();
    }

    private Optional<Parameters> parse() {
        Optional<RuleProblem> alias = YamlAliases.firstIn(path, text);
        if (alias.isPresent()) {
            problems.add(alias.get());
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(RuleProblem.atLine(
                    path,
                    e.getLocation() == null ? null : e.getLocation().getLineNr(),
                    "YAML 형식이 잘못되었습니다(" + YamlSyntax.problem(e) + "). '이름: 값' 형식으로 적어 주세요."));
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            problems.add(RuleProblem.inFile(path, "매개변수 파일이 비어 있거나 '이름: 값' 목록이 아닙니다."));
            return Optional.empty();
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!NAMES.contains(name)) {
                problems.add(RuleProblem.atLine(
                        path,
                        lines.anyLineOf(name),
                        "알 수 없는 매개변수 '" + name + "'입니다. 쓸 수 있는 이름: " + String.join(", ", NAMES) + "."));
            }
        });
        int expiring = integer(root, EXPIRING_DAYS, 0, 730);
        int years = integer(root, EXEMPTION_YEARS, 1, 5);
        boolean proviso = yesNo(root, PROVISO);
        boolean series = scheduleSource(root);
        int provisoRounds = integer(root, PROVISO_ROUNDS, 1, 12);
        int youth = integer(root, YOUTH_MAX_AGE, 15, 60);
        boolean youthEnabled = yesNo(root, YOUTH_ENABLED);
        boolean survey = yesNo(root, SURVEY);
        RoundEvent event = roundEvent(root);
        Map<Grade, PassCriterion> written = criteria.criteria(root, PassCriteriaReader.WRITTEN);
        Map<Grade, PassCriterion> second = criteria.criteria(root, PassCriteriaReader.SECOND);
        List<Parameters.CriterionException> exceptions = criteria.exceptions(root);
        Set<Grade> documentGrades = documentGrades(root);
        Set<String> documentCodes = documentQualifications(root);
        Set<String> linkHosts = LinkHosts.read(root, path, lines, problems);
        ReminderTable reminders = new ReminderTableReader(path, lines, problems).read(root);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parameters(
                expiring,
                years,
                event,
                series,
                proviso,
                provisoRounds,
                youth,
                youthEnabled,
                survey,
                written,
                second,
                exceptions,
                documentGrades,
                documentCodes,
                linkHosts,
                reminders));
    }

    private int integer(JsonNode node, String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null) {
            problems.add(RuleProblem.inFile(path, "'" + name + "' 값이 없습니다. " + min + "~" + max + " 사이의 정수를 적어 주세요."));
            return min;
        }
        if (!value.isIntegralNumber()) {
            problems.add(RuleProblem.atLine(
                    path,
                    lines.anyLineOf(name),
                    "'" + name + "' 값 '" + value.asText() + "'은(는) 정수가 아닙니다. " + min + "~" + max + " 사이의 정수를 적어 주세요."));
            return min;
        }
        int v = value.asInt();
        if (v < min || v > max) {
            problems.add(RuleProblem.atLine(
                    path,
                    lines.anyLineOf(name),
                    "'" + name + "' 값 " + v + "은(는) 허용 범위를 벗어났습니다. " + min + "~" + max + " 사이의 정수를 적어 주세요."));
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
            problems.add(RuleProblem.atLine(
                    path, lines.anyLineOf(name), "'" + name + "' 값은 '예' 또는 '아니오'여야 합니다(지금: '" + text + "')."));
        }
        return false;
    }

    private boolean scheduleSource(JsonNode node) {
        JsonNode value = node.get(SCHEDULE_SOURCE);
        String text = value == null ? "" : value.asText().strip();
        if (text.equals("계열 일정")) {
            return true;
        }
        if (!text.equals("종목 일정")) {
            problems.add(RuleProblem.atLine(
                    path,
                    lines.anyLineOf(SCHEDULE_SOURCE),
                    "'" + SCHEDULE_SOURCE + "' 값은 '종목 일정' 또는 '계열 일정'이어야 합니다(지금: '" + text + "')."));
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
                problems.add(RuleProblem.atLine(
                        path,
                        lines.anyLineOf(ROUND_EVENT),
                        "'" + ROUND_EVENT + "' 값은 '접수시작일' 또는 '시험시작일'이어야 합니다(지금: '" + text + "')."));
                return RoundEvent.REGISTRATION_START;
        }
    }

    private Set<Grade> documentGrades(JsonNode root) {
        Set<Grade> grades = java.util.EnumSet.noneOf(Grade.class);
        JsonNode list = root.path(DOCUMENTS).path(DOCUMENT_GRADES);
        if (!list.isArray()) {
            problems.add(RuleProblem.inFile(
                    path,
                    "'" + DOCUMENTS + "' 아래에 '" + DOCUMENT_GRADES
                            + "' 목록이 없습니다. 예: 등급: [ENGINEER, INDUSTRIAL_ENGINEER]"));
            return grades;
        }
        for (JsonNode item : list) {
            try {
                grades.add(Grade.valueOf(item.asText("").strip()));
            } catch (IllegalArgumentException e) {
                problems.add(RuleProblem.atLine(
                        path,
                        lines.anyLineOf(DOCUMENT_GRADES),
                        "'" + DOCUMENTS + "'의 등급 '" + item.asText("")
                                + "'을(를) 알 수 없습니다. 쓸 수 있는 값: PROFESSIONAL_ENGINEER, MASTER_CRAFTSMAN, ENGINEER, "
                                + "INDUSTRIAL_ENGINEER, CRAFTSMAN, SERVICE."));
            }
        }
        return grades;
    }

    private Set<String> documentQualifications(JsonNode root) {
        Set<String> codes = new TreeSet<>();
        JsonNode list = root.path(DOCUMENTS).path(DOCUMENT_QUALIFICATIONS);
        if (list.isMissingNode() || list.isNull()) {
            return codes;
        }
        if (!list.isArray()) {
            problems.add(RuleProblem.atLine(
                    path,
                    lines.anyLineOf(DOCUMENT_QUALIFICATIONS),
                    "'" + DOCUMENTS + "'의 '" + DOCUMENT_QUALIFICATIONS
                            + "'은(는) 종목 목록이어야 합니다. 예: 종목: [\"9540 임상심리사2급\"]"));
            return codes;
        }
        for (JsonNode item : list) {
            String code = code(item.asText(""));
            if (code == null) {
                problems.add(RuleProblem.atLine(
                        path,
                        lines.lineContaining(item.asText("")),
                        "'" + DOCUMENTS + "'의 종목 '" + item.asText("")
                                + "'은(는) 네 자리 종목코드로 시작해야 합니다(예: \"9540 임상심리사2급\")."));
            } else {
                codes.add(code);
            }
        }
        return codes;
    }

    /** The four-digit 종목코드 at the start of an entry such as "9540 임상심리사2급"; null when there is none. */
    static String code(String entry) {
        Matcher m = CODE.matcher(entry.strip());
        return m.matches() ? m.group(1) : null;
    }
}

package kr.qfeedback.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.SectionId;

/**
 * Reads {@code messages.yaml}: checks section ids, required texts, placeholders, that every text is
 * plain and every link https to an allowed host ({@link DisplayTexts}).
 */
public final class MessagesReader {
    public static final String FILE = "messages.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String TERMS = "용어";
    private static final String SECTIONS = "섹션";
    private static final String NOTICES = "안내";
    static final String REMINDERS = "알림";
    static final String TEXT_MESSAGES = "문자";
    static final String SMS = "SMS";
    static final String LMS = "LMS";

    private final String path;
    private final String text;
    private final YamlKeyLines keyLines;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Set<String> linkHosts;

    private MessagesReader(String path, byte[] content, Set<String> linkHosts) {
        this.path = path;
        this.text = new String(content, StandardCharsets.UTF_8);
        this.keyLines = new YamlKeyLines(text);
        this.linkHosts = linkHosts;
    }

    /** Reads the file without checking the links' hosts (the table formatter only needs the names). */
    public static Optional<MessageCatalogue> read(String path, byte[] content, List<RuleProblem> sink) {
        return read(path, content, sink, null);
    }

    /**
     * Reads the file; links must point to {@code linkHosts} (null: the hosts are unknown because
     * parameters.yaml is unusable, and only https is checked).
     */
    public static Optional<MessageCatalogue> read(
            String path, byte[] content, List<RuleProblem> sink, Set<String> linkHosts) {
        MessagesReader reader = new MessagesReader(path, content, linkHosts);
        Optional<MessageCatalogue> result = reader.parse();
        sink.addAll(reader.problems);
        return reader.problems.isEmpty() ? result : Optional.empty();
    }

    private Optional<MessageCatalogue> parse() {
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
                    "YAML 형식이 잘못되었습니다(" + YamlSyntax.problem(e) + "). 들여쓰기와 따옴표를 확인해 주세요."));
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            problems.add(RuleProblem.inFile(path, "문구 파일이 비어 있습니다. '용어', '섹션', '안내' 항목이 있어야 합니다."));
            return Optional.empty();
        }
        Map<String, Map<String, String>> terms = new LinkedHashMap<>();
        root.path(TERMS).fields().forEachRemaining(group -> {
            Map<String, String> names = new LinkedHashMap<>();
            group.getValue().fields().forEachRemaining(e -> {
                checkPlain(
                        e.getValue().asText(),
                        TERMS + " " + group.getKey() + " / " + e.getKey(),
                        () -> lineOfKey(TERMS, group.getKey(), e.getKey()));
                names.put(e.getKey(), e.getValue().asText());
            });
            terms.put(group.getKey(), names);
        });
        Map<SectionId, Map<String, MessageTemplate>> sections = new EnumMap<>(SectionId.class);
        JsonNode sectionsNode = root.path(SECTIONS);
        if (!sectionsNode.isObject()) {
            problems.add(RuleProblem.inFile(path, "'" + SECTIONS + "' 항목이 없습니다. 섹션 ID 아래에 문구 이름별 제목과 본문을 적어 주세요."));
        }
        sectionsNode.fields().forEachRemaining(entry -> {
            Optional<SectionId> id = SectionId.parse(entry.getKey());
            if (id.isEmpty()) {
                problems.add(RuleProblem.atLine(
                        path,
                        lineOfKey(SECTIONS, entry.getKey()),
                        "알 수 없는 섹션 ID '" + entry.getKey()
                                + "'입니다. 계약서의 섹션 ID(예: RESULT_SUMMARY, WRITTEN_EXEMPTION)만 쓸 수 있습니다."));
                return;
            }
            Map<String, MessageTemplate> variants = new LinkedHashMap<>();
            entry.getValue()
                    .fields()
                    .forEachRemaining(v ->
                            template(id.get(), v.getKey(), v.getValue()).ifPresent(t -> variants.put(v.getKey(), t)));
            sections.put(id.get(), variants);
        });
        Map<String, String> notices = new LinkedHashMap<>();
        root.path(NOTICES).fields().forEachRemaining(e -> {
            refuseReminders(e.getValue().asText(), NOTICES + " " + e.getKey(), lineOfKey(NOTICES, e.getKey()));
            checkPlaceholders(e.getValue().asText(), NOTICES + " " + e.getKey(), lineOfKey(NOTICES, e.getKey()));
            checkPlain(e.getValue().asText(), NOTICES + " " + e.getKey(), () -> lineOfKey(NOTICES, e.getKey()));
            notices.put(e.getKey(), e.getValue().asText());
        });
        Map<ReminderKind, String> reminders = new EnumMap<>(ReminderKind.class);
        for (ReminderKind kind : ReminderKind.values()) {
            String where = REMINDERS + " " + kind.name();
            String template = required(root.path(REMINDERS).path(kind.name()), where, lineOfKey(REMINDERS));
            checkBounded(template, where, lineOfKey(REMINDERS, kind.name()), false);
            reminders.put(kind, template);
        }
        root.path(REMINDERS).fieldNames().forEachRemaining(name -> {
            if (java.util.Arrays.stream(ReminderKind.values())
                    .noneMatch(k -> k.name().equals(name))) {
                problems.add(RuleProblem.atLine(
                        path,
                        lineOfKey(REMINDERS, name),
                        "알 수 없는 알림 종류 '" + name + "'입니다. 쓸 수 있는 종류: DOCUMENTS_DUE, REGISTRATION_OPENS,"
                                + " REGISTRATION_CLOSES, EXAM_DAY, EXEMPTION_ENDS, SURVEY_ENDS."));
            }
        });
        String sms = required(root.path(TEXT_MESSAGES).path(SMS), TEXT_MESSAGES + " " + SMS, lineOfKey(TEXT_MESSAGES));
        checkBounded(sms, TEXT_MESSAGES + " " + SMS, lineOfKey(TEXT_MESSAGES, SMS), false);
        String lms = required(root.path(TEXT_MESSAGES).path(LMS), TEXT_MESSAGES + " " + LMS, lineOfKey(TEXT_MESSAGES));
        checkBounded(lms, TEXT_MESSAGES + " " + LMS, lineOfKey(TEXT_MESSAGES, LMS), true);
        return Optional.of(new MessageCatalogue(sections, notices, terms, reminders, sms, lms));
    }

    /** The text of a required template, or "" after a problem naming it. */
    private String required(JsonNode node, String where, Integer line) {
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(RuleProblem.atLine(path, line, "'" + where + "' 문구가 없습니다. 따옴표 안에 문구를 적어 주세요."));
            return "";
        }
        return node.asText();
    }

    /**
     * Reminder and text-message templates may name only the placeholders whose longest value is
     * known ({@link TextMessageLimits#BOUNDED}); {@code {reminders}} only in the LMS.
     */
    private void checkBounded(String template, String where, Integer line, boolean lms) {
        checkPlaceholders(template, where, line);
        for (String name : Placeholders.namesIn(template)) {
            Placeholder p = Placeholder.named(name);
            if (p != null && !TextMessageLimits.BOUNDED.contains(p) && !(lms && p == Placeholder.REMINDERS)) {
                problems.add(RuleProblem.atLine(
                        path,
                        line,
                        "'" + where + "'에는 자리표시자 {" + name + "}를 쓸 수 없습니다. 알림과 문자에는 길이가 정해진 값만 쓸 수 있습니다: "
                                + TextMessageLimits.boundedNames() + (lms ? ", reminders" : "") + "."));
            }
        }
    }

    private Optional<MessageTemplate> template(SectionId section, String name, JsonNode node) {
        String where = section + " / " + name;
        Integer line = lineOfKey(SECTIONS, section.name(), name);
        String title = node.path("제목").asText("");
        String body = node.path("본문").asText("");
        if (title.isBlank() || body.isBlank()) {
            problems.add(RuleProblem.atLine(path, line, "문구 '" + where + "'에 제목과 본문이 모두 있어야 합니다."));
            return Optional.empty();
        }
        checkPlaceholders(title, where + " 제목", lineOfKey(SECTIONS, section.name(), name, "제목"));
        refuseReminders(title + body, where, line);
        checkPlaceholders(body, where + " 본문", lineOfKey(SECTIONS, section.name(), name, "본문"));
        checkPlain(title, where + " 제목", () -> lineOfKey(SECTIONS, section.name(), name, "제목"));
        checkPlain(body, where + " 본문", () -> lineOfKey(SECTIONS, section.name(), name, "본문"));
        List<Link> links = new ArrayList<>();
        for (JsonNode link : node.path("링크")) {
            String label = link.path("이름").asText("");
            String url = link.path("주소").asText("");
            String qr = link.path("QR").asText("아니오");
            Integer linkLine = lineContaining(line, url.isEmpty() ? label : url);
            if (label.isBlank()) {
                problems.add(RuleProblem.atLine(
                        path, linkLine, "문구 '" + where + "'의 링크에는 이름과 https:// 로 시작하는 주소가 있어야 합니다."));
                continue;
            }
            checkPlain(label, where + " 링크 이름", () -> linkLine);
            Optional<String> unsafe = DisplayTexts.linkProblem(url, linkHosts);
            if (unsafe.isPresent()) {
                problems.add(RuleProblem.atLine(path, linkLine, "문구 '" + where + "'의 링크: " + unsafe.get()));
                continue;
            }
            if (!qr.equals("예") && !qr.equals("아니오")) {
                problems.add(RuleProblem.atLine(path, line, "문구 '" + where + "'의 링크 QR 값은 '예' 또는 '아니오'여야 합니다."));
            }
            links.add(new Link(label, url, qr.equals("예")));
        }
        return Optional.of(new MessageTemplate(title, body, links));
    }

    /** A title, body, link name, notice or term must be plain text; the line is looked up only for a problem. */
    private void checkPlain(String shown, String where, java.util.function.Supplier<Integer> line) {
        DisplayTexts.markupIn(shown)
                .ifPresent(why -> problems.add(RuleProblem.atLine(path, line.get(), "'" + where + "'에 " + why)));
    }

    /** The 1-based line, from {@code from} on (the whole file when null), that first contains {@code fragment}. */
    private Integer lineContaining(Integer from, String fragment) {
        return keyLines.lineContaining(from, fragment);
    }

    private void refuseReminders(String template, String where, Integer line) {
        if (Placeholders.namesIn(template).contains(Placeholder.REMINDERS.placeholderName())) {
            problems.add(RuleProblem.atLine(
                    path, line, "'" + where + "'에는 {reminders}를 쓸 수 없습니다. 알림 목록은 문자(LMS)에만 넣을 수 있습니다."));
        }
    }

    private void checkPlaceholders(String template, String where, Integer line) {
        Placeholders.checkNames(
                template,
                unknown -> problems.add(RuleProblem.atLine(
                        path,
                        line,
                        "'" + where
                                + "'에 쓸 수 없는 자리표시자 {" + unknown
                                + "}가 있습니다. rules/README.md 의 자리표시자 표에 있는 이름만 쓸 수 있습니다.")));
    }

    /** The 1-based line of the last key of a nested path ({@link YamlKeyLines#lineOf}). */
    private Integer lineOfKey(String... keys) {
        return keyLines.lineOf(keys);
    }
}

package kr.qfeedback.rules;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceCatalogue;

/**
 * Refuses a text-message template (messages.yaml, 문자 SMS and LMS) that could exceed its limit
 * in EUC-KR bytes ({@link Notifications#SMS_BYTES}, {@link Notifications#LMS_BYTES}) when filled
 * with the longest values the rules and the reference data allow: the longest qualification name
 * and round label of the reference, the longest term, a date (2026.03.20), the result link, and for
 * {@code {reminders}} every reminder kind's longest text at once. An optional part counts as kept;
 * a two-form particle ("은(는)") counts as written.
 */
public final class TextMessageLimits {
    /** The placeholders reminder and text-message templates may name: each has a longest value. */
    public static final Set<Placeholder> BOUNDED = EnumSet.of(
            Placeholder.QUALIFICATION_NAME,
            Placeholder.GRADE_NAME,
            Placeholder.STAGE_NAME,
            Placeholder.NEXT_STAGE_NAME,
            Placeholder.SCHEDULE_STAGE_NAME,
            Placeholder.RESULT_NAME,
            Placeholder.ROUND,
            Placeholder.ROUND_LABEL,
            Placeholder.TOTAL_SCORE,
            Placeholder.AS_OF,
            Placeholder.DEADLINE,
            Placeholder.REGISTRATION_START,
            Placeholder.REGISTRATION_END,
            Placeholder.EXAM_DATE,
            Placeholder.VALID_FROM,
            Placeholder.VALID_UNTIL,
            Placeholder.SURVEY_END,
            Placeholder.RESULT_LINK);
    /** The longest round a request may name that is shown in a text message ("2026-1" reads "2026년 제1회"). */
    static final String LONGEST_ROUND = "9999년 제999회";
    /** Every date is shown as 2026.03.20 (requests carry years 1900–2200). */
    static final String LONGEST_DATE = "2026.03.20";
    /** Scores are 0–100 with one decimal. */
    static final String LONGEST_SCORE = "99.5";
    /** Reminders are listed in the LMS as "- text", one a line. */
    public static final String REMINDER_PREFIX = "- ";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private TextMessageLimits() {}

    public static String boundedNames() {
        return BOUNDED.stream().map(Placeholder::placeholderName).collect(Collectors.joining(", "));
    }

    /** Adds a problem for each template of {@code messagesFile} that could exceed its limit. */
    public static void check(
            String path,
            byte[] messagesFile,
            MessageCatalogue messages,
            Parameters parameters,
            ReferenceCatalogue reference,
            List<RuleProblem> problems) {
        YamlKeyLines text = new YamlKeyLines(new String(messagesFile, StandardCharsets.UTF_8));
        Map<Placeholder, Integer> longest = longestValues(messages, parameters, reference);
        int reminders = 0;
        for (ReminderKind kind : ReminderKind.values()) {
            String template = messages.reminders().get(kind);
            unencodable(
                    path,
                    text.lineOf(MessagesReader.REMINDERS, kind.name()),
                    MessagesReader.REMINDERS + " " + kind.name(),
                    template,
                    problems);
            reminders += EucKrBytes.of(REMINDER_PREFIX) + longest(template, longest) + 1;
        }
        longest.put(Placeholder.REMINDERS, reminders);
        limit(path, text, MessagesReader.SMS, messages.sms(), Notifications.SMS_BYTES, longest, problems);
        limit(path, text, MessagesReader.LMS, messages.lms(), Notifications.LMS_BYTES, longest, problems);
    }

    private static void limit(
            String path,
            YamlKeyLines text,
            String key,
            String template,
            int limit,
            Map<Placeholder, Integer> longest,
            List<RuleProblem> problems) {
        Integer line = text.lineOf(MessagesReader.TEXT_MESSAGES, key);
        String where = MessagesReader.TEXT_MESSAGES + " " + key;
        unencodable(path, line, where, template, problems);
        int bytes = longest(template, longest);
        if (bytes > limit) {
            problems.add(RuleProblem.atLine(
                    path,
                    line,
                    "'" + where + "' 문구는 가장 긴 값(가장 긴 종목명·회차·날짜 등)을 넣으면 EUC-KR로 " + bytes
                            + "바이트가 되어 " + key + " 한도 " + limit + "바이트를 넘습니다. 문구를 " + (bytes - limit)
                            + "바이트(한글 " + ((bytes - limit + 1) / 2) + "자) 이상 줄여 주세요."));
        }
    }

    private static void unencodable(
            String path, Integer line, String where, String template, List<RuleProblem> problems) {
        int at = EucKrBytes.firstUnencodable(template);
        if (at >= 0) {
            problems.add(RuleProblem.atLine(
                    path,
                    line,
                    "'" + where + "' 문구의 글자 '" + template.charAt(at) + "'은(는) 문자(EUC-KR)로 보낼 수 없습니다. 다른 글자로 바꿔 주세요."));
        }
    }

    /** The most EUC-KR bytes {@code template} can fill to. */
    public static int longest(String template, Map<Placeholder, Integer> longest) {
        var m = PLACEHOLDER.matcher(template);
        int bytes = 0;
        int at = 0;
        while (m.find()) {
            bytes += literalBytes(template.substring(at, m.start()));
            Placeholder p = Placeholder.named(m.group(1));
            bytes += Math.max(Placeholders.UNKNOWN.length(), p == null ? 0 : longest.getOrDefault(p, 0));
            at = m.end();
        }
        return bytes + literalBytes(template.substring(at));
    }

    private static int literalBytes(String literal) {
        return EucKrBytes.of(literal.replace("[", "").replace("]", ""));
    }

    /** The longest value of each bounded placeholder (EUC-KR bytes). */
    public static Map<Placeholder, Integer> longestValues(
            MessageCatalogue messages, Parameters parameters, ReferenceCatalogue reference) {
        Map<Placeholder, Integer> longest = new EnumMap<>(Placeholder.class);
        int name = 0;
        int label = 0;
        if (reference != null) {
            for (Qualification q : reference.all()) {
                name = Math.max(name, EucKrBytes.of(q.name()));
                for (ExamRound r : q.rounds()) {
                    label = Math.max(label, r.label() == null ? 0 : EucKrBytes.of(r.label()));
                }
            }
        }
        longest.put(Placeholder.QUALIFICATION_NAME, name);
        longest.put(Placeholder.ROUND_LABEL, label);
        longest.put(
                Placeholder.GRADE_NAME,
                longestTerm(messages, MessageCatalogue.GRADE_TERMS, kr.qfeedback.feedback.Grade.values()));
        int stage = longestTerm(messages, MessageCatalogue.STAGE_TERMS, kr.qfeedback.feedback.Stage.values());
        longest.put(Placeholder.STAGE_NAME, stage);
        longest.put(Placeholder.NEXT_STAGE_NAME, stage);
        longest.put(Placeholder.SCHEDULE_STAGE_NAME, stage);
        longest.put(
                Placeholder.RESULT_NAME,
                longestTerm(messages, MessageCatalogue.RESULT_TERMS, kr.qfeedback.feedback.ExamResult.values()));
        longest.put(Placeholder.ROUND, EucKrBytes.of(LONGEST_ROUND));
        longest.put(Placeholder.TOTAL_SCORE, EucKrBytes.of(LONGEST_SCORE));
        for (Placeholder date : List.of(
                Placeholder.AS_OF,
                Placeholder.DEADLINE,
                Placeholder.REGISTRATION_START,
                Placeholder.REGISTRATION_END,
                Placeholder.EXAM_DATE,
                Placeholder.VALID_FROM,
                Placeholder.VALID_UNTIL,
                Placeholder.SURVEY_END)) {
            longest.put(date, EucKrBytes.of(LONGEST_DATE));
        }
        longest.put(
                Placeholder.RESULT_LINK, EucKrBytes.of(parameters.reminders().resultLink()));
        return longest;
    }

    private static int longestTerm(MessageCatalogue messages, String group, Enum<?>[] codes) {
        int longest = 0;
        for (Enum<?> code : codes) {
            longest = Math.max(longest, EucKrBytes.of(messages.term(group, code.name())));
        }
        for (String term : messages.terms().getOrDefault(group, Map.of()).values()) {
            longest = Math.max(longest, EucKrBytes.of(term));
        }
        return longest;
    }
}

package kr.qfeedback.rules;

import java.util.Map;
import java.util.Optional;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.SectionId;

/**
 * Everything a candidate reads, from {@code rules/messages.yaml}: section templates by section and
 * message name, notice texts, the Korean terms for codes (단계, 결과, 등급, 면제 상태), the text of
 * each reminder kind and the SMS and LMS templates.
 */
public record MessageCatalogue(
        Map<SectionId, Map<String, MessageTemplate>> sections,
        Map<String, String> notices,
        Map<String, Map<String, String>> terms,
        Map<ReminderKind, String> reminders,
        String sms,
        String lms) {

    public static final String STAGE_TERMS = "단계";
    public static final String RESULT_TERMS = "결과";
    public static final String GRADE_TERMS = "등급";
    public static final String EXEMPTION_TERMS = "면제 상태";

    public MessageCatalogue {
        sections = Map.copyOf(sections);
        notices = Map.copyOf(notices);
        terms = Map.copyOf(terms);
        reminders = Map.copyOf(reminders);
    }

    public Optional<MessageTemplate> template(SectionId section, String message) {
        return Optional.ofNullable(sections.getOrDefault(section, Map.of()).get(message));
    }

    /** The Korean term for a code, or the code itself when staff have not named it. */
    public String term(String group, String code) {
        if (code == null) {
            return null;
        }
        return terms.getOrDefault(group, Map.of()).getOrDefault(code, code);
    }
}

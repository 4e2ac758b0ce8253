package kr.qfeedback.rules;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.qfeedback.feedback.ReminderKind;

/**
 * The staff's reminder table ({@code 알림 일정표} in parameters.yaml): which dated next steps each
 * outcome reminds of and how many days ahead a calendar alerts for each; with the survey's last
 * day and the page link text messages carry.
 *
 * @param byOutcome  outcome code (e.g. WRITTEN_PASS) → kind → days ahead; an outcome or kind not
 *                   listed reminds of nothing
 * @param surveyEnd  the satisfaction survey's last day, null when none is set
 * @param resultLink the link to the result page that text messages carry (no personal data)
 */
public record ReminderTable(Map<String, Map<ReminderKind, Integer>> byOutcome, LocalDate surveyEnd, String resultLink) {
    /** The Korean names staff write for each kind, in the table's column order. */
    public static final Map<ReminderKind, String> NAMES = names();

    public ReminderTable {
        Objects.requireNonNull(resultLink, "resultLink must not be null");
        Map<String, Map<ReminderKind, Integer>> copy = new java.util.HashMap<>();
        byOutcome.forEach((outcome, kinds) -> copy.put(outcome, Map.copyOf(kinds)));
        byOutcome = Map.copyOf(copy);
    }

    /** Days ahead for {@code kind} after {@code outcome}, or -1 when the table does not remind of it. */
    public int daysAhead(String outcome, ReminderKind kind) {
        Integer days = byOutcome.getOrDefault(outcome, Map.of()).get(kind);
        return days == null ? -1 : days;
    }

    /** The kind staff call {@code name}, or null. */
    public static ReminderKind kindNamed(String name) {
        for (Map.Entry<ReminderKind, String> e : NAMES.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Map<ReminderKind, String> names() {
        Map<ReminderKind, String> names = new EnumMap<>(ReminderKind.class);
        List<String> korean = List.of("서류 마감", "접수 시작", "접수 마감", "시험일", "면제 종료", "설문 마감");
        for (ReminderKind kind : ReminderKind.values()) {
            names.put(kind, korean.get(kind.ordinal()));
        }
        return java.util.Collections.unmodifiableMap(names);
    }
}

package kr.qfeedback.decision;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.Text;
import kr.qfeedback.rules.CompiledTemplate;
import kr.qfeedback.rules.MessageCatalogue;
import kr.qfeedback.rules.Placeholder;
import kr.qfeedback.rules.Placeholders;

/**
 * The reminder texts of a round that read the same for every candidate of it (a template that
 * names only the qualification, the round and its dates), filled once per rule set and round
 * instead of once per decision; each is one fixed piece, so writers encode it once too. A template
 * that names a candidate's own value (a score, the request's round) is filled every time.
 */
final class RoundReminderTexts {
    private static final Set<Placeholder> SAME_FOR_THE_ROUND = EnumSet.of(
            Placeholder.QUALIFICATION_NAME,
            Placeholder.SCHEDULE_STAGE_NAME,
            Placeholder.ROUND_LABEL,
            Placeholder.REGISTRATION_START,
            Placeholder.REGISTRATION_END,
            Placeholder.EXAM_DATE,
            Placeholder.RESULT_LINK,
            Placeholder.SURVEY_END);
    private static final int KINDS = ReminderKind.values().length;

    private final boolean[] sameForTheRound = new boolean[KINDS];

    RoundReminderTexts(MessageCatalogue messages) {
        for (ReminderKind kind : ReminderKind.values()) {
            String template = messages.reminders().get(kind);
            sameForTheRound[kind.ordinal()] = template != null
                    && Placeholders.namesIn(template).stream()
                            .allMatch(n -> SAME_FOR_THE_ROUND.contains(Placeholder.named(n)));
        }
    }

    /**
     * The text of {@code kind} for {@code round} of {@code qualification} (of this rule set's fact
     * deriver), filled with {@code values} (which must give that round's values) the first time;
     * null when the kind's template reads a candidate's own value.
     */
    Text text(
            ReminderKind kind,
            QualificationFacts qualification,
            ScheduleEntry round,
            CompiledTemplate template,
            CompiledTemplate.Values values) {
        if (!sameForTheRound[kind.ordinal()] || qualification == null) {
            return null;
        }
        // per qualification: two qualifications on one series schedule have equal entries
        ConcurrentHashMap<ScheduleEntry, Text[]> byRound = qualification.reminderTexts;
        Text[] texts = byRound.get(round);
        if (texts == null) {
            texts = byRound.computeIfAbsent(round, r -> new Text[KINDS]);
        }
        Text text = texts[kind.ordinal()];
        if (text == null) { // two threads may both fill it: the same text either way
            text = Text.of(List.of(new Text.Fixed(template.fill(values))));
            texts[kind.ordinal()] = text;
        }
        return text;
    }
}

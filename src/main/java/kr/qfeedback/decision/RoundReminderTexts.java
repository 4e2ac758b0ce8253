package kr.qfeedback.decision;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.Text;
import kr.qfeedback.rules.CompiledTemplate;
import kr.qfeedback.rules.MessageCatalogue;
import kr.qfeedback.rules.Placeholder;
import kr.qfeedback.rules.Placeholders;

/**
 * The reminder texts that read the same for every candidate of a qualification with the same
 * round or deadline (a template that names only the qualification, the round and its dates, or the
 * documents' deadline), filled once per rule set, qualification and key instead of once per
 * decision. Each is one fixed piece ({@link Text#fixed}): the decision JSON encodes it
 * once and keeps the bytes in the piece, and the LMS that lists it copies them. A template
 * that names a candidate's own value (a score, the request's round) is filled every time.
 */
final class RoundReminderTexts {
    /** What a text may name to read the same for everybody with the same key (a round, a deadline). */
    private static final Set<Placeholder> SAME_FOR_EVERYBODY =
            EnumSet.of(Placeholder.QUALIFICATION_NAME, Placeholder.RESULT_LINK, Placeholder.SURVEY_END);

    private static final Set<Placeholder> SAME_FOR_THE_ROUND = EnumSet.of(
            Placeholder.SCHEDULE_STAGE_NAME,
            Placeholder.ROUND_LABEL,
            Placeholder.REGISTRATION_START,
            Placeholder.REGISTRATION_END,
            Placeholder.EXAM_DATE);
    private static final int KINDS = ReminderKind.values().length;

    private final boolean[] sameForTheRound = new boolean[KINDS];

    RoundReminderTexts(MessageCatalogue messages) {
        for (ReminderKind kind : ReminderKind.values()) {
            String template = messages.reminders().get(kind);
            Set<Placeholder> same = EnumSet.copyOf(SAME_FOR_EVERYBODY);
            switch (kind) {
                case DOCUMENTS_DUE -> same.add(Placeholder.DEADLINE);
                case REGISTRATION_OPENS, REGISTRATION_CLOSES, EXAM_DAY -> same.addAll(SAME_FOR_THE_ROUND);
                default -> {}
            }
            sameForTheRound[kind.ordinal()] = template != null && Placeholders.namesOnly(template, same);
        }
    }

    /**
     * The text of {@code kind} for {@code key} (the round's entry, or the documents' deadline) of
     * {@code qualification} (of this rule set's fact deriver), filled with
     * {@code values} (which must give that key's values) the first time; null when the kind's
     * template reads a candidate's own value.
     */
    Text text(
            ReminderKind kind,
            QualificationFacts qualification,
            Object key,
            CompiledTemplate template,
            CompiledTemplate.Values values) {
        if (!sameForTheRound[kind.ordinal()] || qualification == null) {
            return null;
        }
        Text[] texts = textsOf(qualification, key);
        Text text = texts[kind.ordinal()];
        if (text == null) { // two threads may both fill it: the same text either way
            text = Text.fixed(template.fill(values));
            texts[kind.ordinal()] = text;
        }
        return text;
    }

    /**
     * A key's texts and the key, kept as the qualification's last: a decision asks three times for
     * its round's entry (the same instance, from the qualification's timetable), and the next
     * candidate of that qualification mostly for the same one.
     */
    record Last(Object key, Text[] texts) {}

    private static Text[] textsOf(QualificationFacts qualification, Object key) {
        Last last = qualification.lastRound;
        if (last != null && last.key() == key) {
            return last.texts();
        }
        // per qualification: two qualifications on one series schedule have equal entries
        ConcurrentHashMap<Object, Text[]> byKey = qualification.reminderTexts;
        Text[] texts = byKey.get(key);
        if (texts == null) {
            texts = byKey.computeIfAbsent(key, r -> new Text[KINDS]);
        }
        if (key instanceof ScheduleEntry) { // dates are made per decision: never the same instance
            qualification.lastRound = new Last(key, texts);
        }
        return texts;
    }
}

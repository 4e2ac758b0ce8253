package kr.qfeedback.decision;

import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.rules.CompiledTemplate;
import kr.qfeedback.rules.MessageCatalogue;
import kr.qfeedback.rules.Parameters;
import kr.qfeedback.rules.Placeholder;
import kr.qfeedback.rules.TextMessageLimits;

/**
 * The placeholder values of reminder and text-message templates: only those whose longest value
 * the rule checks know ({@link TextMessageLimits#BOUNDED}), so that a filled SMS never exceeds what
 * validation allowed. The qualification's name is the reference data's (a name the caller sent is
 * not used), the round only in Q-Net's form ("2026년 제1회"), the schedule values those of the
 * reminder's round, and a written pass made void by missing documents reads as such.
 */
final class TextMessageValues implements CompiledTemplate.Values {
    static final String VOID_PASS_TERM = "PASS_VOID";

    private final PlaceholderValues common;
    private final DerivedFacts facts;
    private final Parameters parameters;
    private final MessageCatalogue messages;
    private ScheduleEntry round;
    private String reminders;

    TextMessageValues(PlaceholderValues common, DerivedFacts facts, Parameters parameters, MessageCatalogue messages) {
        this.common = common;
        this.facts = facts;
        this.parameters = parameters;
        this.messages = messages;
    }

    /** The round whose dates the next reminder texts name (null for none). */
    TextMessageValues round(ScheduleEntry round) {
        this.round = round;
        return this;
    }

    /** The reminder lines the LMS lists, null when there are none. */
    TextMessageValues reminders(String reminders) {
        this.reminders = reminders;
        return this;
    }

    @Override
    public String valueOf(Placeholder p) {
        switch (p) {
            case QUALIFICATION_NAME:
                return facts.qualification() == null
                        ? null
                        : facts.qualification().name();
            case ROUND: {
                String sent = facts.request().exam().round();
                String shown = Display.round(sent);
                return shown == null || shown.equals(sent) ? null : shown;
            }
            case RESULT_NAME:
                return voidPass() ? messages.term(MessageCatalogue.RESULT_TERMS, VOID_PASS_TERM) : common.common(p);
            case SCHEDULE_STAGE_NAME:
                return round == null
                        ? null
                        : messages.term(
                                MessageCatalogue.STAGE_TERMS, round.stage().name());
            case ROUND_LABEL:
                return round == null ? null : round.roundLabel();
            case REGISTRATION_START:
                return round == null ? null : Display.date(round.registrationStart());
            case REGISTRATION_END:
                return round == null ? null : Display.date(round.registrationEnd());
            case EXAM_DATE:
                return round == null ? null : Display.date(round.examDate());
            case SURVEY_END:
                return Display.date(parameters.reminders().surveyEnd());
            case RESULT_LINK:
                return parameters.reminders().resultLink();
            case REMINDERS:
                return reminders;
            default:
                return TextMessageLimits.BOUNDED.contains(p) ? common.common(p) : null;
        }
    }

    /** A written pass whose documents were not in by the deadline: void (규 14조). */
    boolean voidPass() {
        var exam = facts.request().exam();
        return exam.stage() == Stage.WRITTEN
                && exam.result() == ExamResult.PASS
                && ReminderPlanner.VOID_PASS.equals(facts.documents());
    }
}

package kr.qfeedback.decision;

import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.rules.CodeTerms;
import kr.qfeedback.rules.CompiledTemplate;
import kr.qfeedback.rules.MessageCatalogue;
import kr.qfeedback.rules.Parameters;
import kr.qfeedback.rules.Placeholder;
import kr.qfeedback.rules.Placeholders;
import kr.qfeedback.rules.RuleOutcome;
import kr.qfeedback.rules.SectionChoice;

/**
 * The values of the named placeholders ({@link Placeholders#NAMES}) of one decision, formatted for
 * Korean sentences; codes are turned into the terms staff chose in messages.yaml. A value is
 * computed only when a template asks for it; null means unknown.
 */
final class PlaceholderValues {
    /** Marks a placeholder already computed as unknown in {@link #computed}. */
    private static final String UNKNOWN = new String("unknown");

    private static final int COUNT = Placeholder.values().length;
    private final MessageCatalogue messages;
    private final CodeTerms terms;
    private final Parameters parameters;
    private final DerivedFacts facts;
    private final RuleOutcome outcome;
    /** Common values already computed for this decision by ordinal, null when not yet: most appear in several sections. */
    private final String[] computed = new String[COUNT];

    PlaceholderValues(
            MessageCatalogue messages,
            CodeTerms terms,
            Parameters parameters,
            DerivedFacts facts,
            RuleOutcome outcome) {
        this.messages = messages;
        this.terms = terms;
        this.parameters = parameters;
        this.facts = facts;
        this.outcome = outcome;
    }

    /** The value of a placeholder that does not depend on the section (notices use only these). */
    String common(Placeholder name) {
        String known = computed[name.ordinal()];
        if (known == null) {
            known = compute(name);
            computed[name.ordinal()] = known == null ? UNKNOWN : known;
        }
        return known == UNKNOWN ? null : known;
    }

    private String compute(Placeholder name) {
        var request = facts.request();
        var exam = request.exam();
        ScoreFacts scores = facts.scores();
        PassCriterion criterion = scores.criterion();
        ExemptionWindow w = facts.exemption();
        return switch (name) {
            case QUALIFICATION_NAME -> facts.qualificationName();
            case QUALIFICATION_CODE -> request.qualification().code();
            case FIELD ->
                facts.qualification() == null ? null : facts.qualification().field();
            case GRADE_NAME -> terms.grade(request.qualification().grade());
            case STAGE_NAME -> stageName(exam.stage());
            case NEXT_STAGE_NAME -> stageName(request.qualification().grade().secondStage());
            case RESULT_NAME -> terms.result(exam.result());
            case ROUND -> Display.round(exam.round());
            case TOTAL_SCORE -> Display.number(exam.totalScore());
            case AVERAGE -> Display.number(scores.average());
            case AS_OF -> Display.date(request.asOf());
            case SUBJECT_MINIMUM -> criterion == null ? null : Display.number(criterion.subjectMinimum());
            case AVERAGE_MINIMUM -> criterion == null ? null : Display.number(criterion.averageMinimum());
            case SHORTFALL ->
                scores.shortfall() == null || scores.shortfall() == 0 ? null : Display.number(scores.shortfall());
            case FAILED_SUBJECTS -> join(scores.subjectsBelowMinimum());
            case SUBJECTS -> join(scores.weakestFirst());
            case WEAKEST ->
                scores.weakestFirst().isEmpty() ? null : scores.weakestFirst().get(0);
            case VALID_FROM -> w == null ? null : Display.date(w.validFrom());
            case VALID_UNTIL -> w == null ? null : Display.date(w.validUntil());
            case DAYS_REMAINING -> w == null ? null : Display.whole(w.daysRemaining());
            case PRACTICAL_ROUNDS_LEFT ->
                w == null || w.practicalRoundsLeft() == null || w.practicalRoundsLeft() == 0
                        ? null
                        : Display.whole(w.practicalRoundsLeft());
            case STATUS_NAME -> messages.term(MessageCatalogue.EXEMPTION_TERMS, outcome.exemptionStatus());
            case DEADLINE -> Display.date(facts.documentDeadline());
            case MAX_AGE -> outcome.youthMaxAge() == null ? null : Display.whole(outcome.youthMaxAge());
            case YOUTH_BORN_FROM ->
                outcome.youthMaxAge() == null
                        ? null
                        : Display.date(
                                java.time.LocalDate.of(request.asOf().getYear() - outcome.youthMaxAge() - 1, 1, 1));
            case EXEMPTION_YEARS -> Display.whole(parameters.exemptionYears());
            case EXPIRING_DAYS -> Display.whole(parameters.exemptionExpiringDays());
            case PROVISO_ROUNDS ->
                w == null || !w.nextWrittenExempt() ? null : Display.whole(parameters.provisoMinimumRounds());
            case MEAN_MINIMUM -> criterion == null || wholePaper() ? null : Display.number(criterion.averageMinimum());
            case WHOLE_PAPER_MINIMUM ->
                criterion == null || !wholePaper() ? null : Display.number(criterion.averageMinimum());
            case DOCUMENT_START -> Display.date(facts.documentStart());
            case FEE -> Display.won(fee());
            case RELATED_QUALIFICATIONS ->
                facts.reference() == null ? null : facts.reference().relatedText();
            default -> null;
        };
    }

    /** The values for one section: those that depend on which stage its data is about, then the common ones. */
    CompiledTemplate.Values forSection(SectionChoice choice, Map<String, Object> data) {
        return name -> sectionValue(name, choice, data);
    }

    private String sectionValue(Placeholder name, SectionChoice choice, Map<String, Object> data) {
        switch (name) {
            case TREND_STAGE_NAME:
                return stageName(SectionDataAssembler.stageFor(choice, facts));
            case SCHEDULE_STAGE_NAME, ROUND_LABEL, REGISTRATION_START, REGISTRATION_END, EXAM_DATE: {
                ScheduleEntry round = SectionDataAssembler.scheduleFor(choice, facts);
                if (round == null) {
                    return null;
                }
                return switch (name) {
                    case SCHEDULE_STAGE_NAME -> stageName(round.stage());
                    case ROUND_LABEL -> round.roundLabel();
                    case REGISTRATION_START -> Display.date(round.registrationStart());
                    case REGISTRATION_END -> Display.date(round.registrationEnd());
                    default -> Display.date(round.examDate());
                };
            }
            case YEAR,
                    APPLICANTS,
                    PASSERS,
                    PASS_RATE,
                    PASSER_AVERAGE,
                    TOP_PERCENT,
                    WRITTEN_PASS_RATE,
                    SECOND_STAGE_PASS_RATE:
                return Display.number((Number) data.get(name.placeholderName()));
            case FIRST_YEAR, LAST_YEAR, LAST_PASS_RATE: {
                if (!(data.get("years") instanceof List<?> years) || years.isEmpty()) {
                    return null;
                }
                Map<?, ?> first = (Map<?, ?>) years.get(0);
                Map<?, ?> last = (Map<?, ?>) years.get(years.size() - 1);
                return switch (name) {
                    case FIRST_YEAR -> text(first.get("year"));
                    case LAST_YEAR -> text(last.get("year"));
                    default -> Display.number((Number) last.get("passRate"));
                };
            }
            default:
                return common(name);
        }
    }

    /** Whether this stage is judged on the whole paper out of 100 rather than the subjects' mean. */
    private boolean wholePaper() {
        var request = facts.request();
        return parameters.judgedOnWholePaper(
                request.qualification().grade(), request.exam().stage().isSecond());
    }

    /** The fee of the stage the candidate sits next (that of the next round shown), null when unknown. */
    private Integer fee() {
        var q = facts.qualification();
        ScheduleEntry next = facts.sameStageRound();
        if (q == null) {
            return null;
        }
        Stage stage = next != null ? next.stage() : facts.request().exam().stage();
        return stage == Stage.WRITTEN ? q.writtenFee() : q.secondStageFee();
    }

    private String stageName(Stage stage) {
        return terms.stage(stage);
    }

    /** {@code String.valueOf(value)}, a year made once. */
    private static String text(Object value) {
        return value instanceof Integer year ? Display.whole(year) : String.valueOf(value);
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? null : String.join(", ", names);
    }
}

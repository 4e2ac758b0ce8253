package kr.qfeedback.decision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.rules.MessageCatalogue;
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
    private final MessageCatalogue messages;
    private final DerivedFacts facts;
    private final RuleOutcome outcome;
    /** Common values already computed for this decision: most appear in several sections. */
    private final Map<String, String> computed = new HashMap<>(32);

    PlaceholderValues(MessageCatalogue messages, DerivedFacts facts, RuleOutcome outcome) {
        this.messages = messages;
        this.facts = facts;
        this.outcome = outcome;
    }

    /** The value of a placeholder that does not depend on the section (notices use only these). */
    String common(String name) {
        String known = computed.get(name);
        if (known == null) {
            known = compute(name);
            computed.put(name, known == null ? UNKNOWN : known);
        }
        return known == UNKNOWN ? null : known;
    }

    private String compute(String name) {
        var request = facts.request();
        var exam = request.exam();
        ScoreFacts scores = facts.scores();
        PassCriterion criterion = scores.criterion();
        ExemptionWindow w = facts.exemption();
        return switch (name) {
            case "qualificationName" -> facts.qualificationName();
            case "qualificationCode" -> request.qualification().code();
            case "field" -> facts.qualification() == null ? null : facts.qualification().field();
            case "gradeName" -> messages.term(MessageCatalogue.GRADE_TERMS, request.qualification().grade().name());
            case "stageName" -> stageName(exam.stage());
            case "nextStageName" -> stageName(request.qualification().grade().secondStage());
            case "resultName" -> messages.term(MessageCatalogue.RESULT_TERMS, exam.result().name());
            case "round" -> exam.round();
            case "totalScore" -> Display.number(exam.totalScore());
            case "average" -> Display.number(scores.average());
            case "asOf" -> Display.date(request.asOf());
            case "subjectMinimum" -> criterion == null ? null : Display.number(criterion.subjectMinimum());
            case "averageMinimum" -> criterion == null ? null : Display.number(criterion.averageMinimum());
            case "shortfall" -> scores.shortfall() == null || scores.shortfall() == 0 ? null : Display.number(scores.shortfall());
            case "failedSubjects" -> join(scores.subjectsBelowMinimum());
            case "subjects" -> join(scores.weakestFirst());
            case "weakest" -> scores.weakestFirst().isEmpty() ? null : scores.weakestFirst().get(0);
            case "validFrom" -> w == null ? null : Display.date(w.validFrom());
            case "validUntil" -> w == null ? null : Display.date(w.validUntil());
            case "daysRemaining" -> w == null ? null : Long.toString(w.daysRemaining());
            case "practicalRoundsLeft" -> w == null || w.practicalRoundsLeft() == null ? null : w.practicalRoundsLeft().toString();
            case "statusName" -> messages.term(MessageCatalogue.EXEMPTION_TERMS, outcome.exemptionStatus());
            case "deadline" -> Display.date(facts.documentDeadline());
            case "maxAge" -> outcome.youthMaxAge() == null ? null : outcome.youthMaxAge().toString();
            default -> null;
        };
    }

    /** The values for one section: those that depend on which stage its data is about, then the common ones. */
    Function<String, String> forSection(SectionChoice choice, Map<String, Object> data) {
        return name -> sectionValue(name, choice, data);
    }

    private String sectionValue(String name, SectionChoice choice, Map<String, Object> data) {
        switch (name) {
            case "trendStageName":
                return stageName(SectionDataAssembler.stageFor(choice, facts));
            case "scheduleStageName", "roundLabel", "registrationStart", "registrationEnd", "examDate": {
                ScheduleEntry round = SectionDataAssembler.scheduleFor(choice, facts);
                if (round == null) {
                    return null;
                }
                return switch (name) {
                    case "scheduleStageName" -> stageName(round.stage());
                    case "roundLabel" -> round.roundLabel();
                    case "registrationStart" -> Display.date(round.registrationStart());
                    case "registrationEnd" -> Display.date(round.registrationEnd());
                    default -> Display.date(round.examDate());
                };
            }
            case "year", "applicants", "passers", "passRate", "passerAverage", "topPercent", "writtenPassRate",
                    "secondStagePassRate":
                return Display.number((Number) data.get(name));
            case "firstYear", "lastYear", "lastPassRate": {
                if (!(data.get("years") instanceof List<?> years) || years.isEmpty()) {
                    return null;
                }
                Map<?, ?> first = (Map<?, ?>) years.get(0);
                Map<?, ?> last = (Map<?, ?>) years.get(years.size() - 1);
                return switch (name) {
                    case "firstYear" -> String.valueOf(first.get("year"));
                    case "lastYear" -> String.valueOf(last.get("year"));
                    default -> Display.number((Number) last.get("passRate"));
                };
            }
            default:
                return common(name);
        }
    }

    private String stageName(Stage stage) {
        return stage == null ? null : messages.term(MessageCatalogue.STAGE_TERMS, stage.name());
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? null : String.join(", ", names);
    }
}

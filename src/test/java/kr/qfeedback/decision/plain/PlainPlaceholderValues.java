package kr.qfeedback.decision.plain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.rules.MessageCatalogue;

import kr.qfeedback.rules.RuleOutcome;
import kr.qfeedback.rules.SectionChoice;

/**
 * The values of the named placeholders ({@link PlainPlaceholders#NAMES}) for one section of one
 * decision, formatted for Korean sentences. Codes are turned into the terms staff chose in
 * messages.yaml.
 */
final class PlainPlaceholderValues {
    private final MessageCatalogue messages;

    PlainPlaceholderValues(MessageCatalogue messages) {
        this.messages = messages;
    }

    Map<String, String> common(PlainDerivedFacts facts, RuleOutcome outcome) {
        Map<String, String> v = new HashMap<>();
        var request = facts.request();
        var exam = request.exam();
        PlainScoreFacts scores = facts.scores();
        v.put("qualificationName", facts.qualificationName());
        v.put("qualificationCode", request.qualification().code());
        v.put("field", facts.qualification() == null ? null : facts.qualification().field());
        v.put("gradeName", messages.term(MessageCatalogue.GRADE_TERMS, request.qualification().grade().name()));
        v.put("stageName", stageName(exam.stage()));
        v.put("nextStageName", stageName(request.qualification().grade().secondStage()));
        v.put("resultName", messages.term(MessageCatalogue.RESULT_TERMS, exam.result().name()));
        v.put("round", exam.round());
        v.put("totalScore", PlainDisplay.number(exam.totalScore()));
        v.put("average", PlainDisplay.number(scores.average()));
        v.put("asOf", PlainDisplay.date(request.asOf()));
        v.put("subjectMinimum", scores.criterion() == null ? null : PlainDisplay.number(scores.criterion().subjectMinimum()));
        v.put("averageMinimum", scores.criterion() == null ? null : PlainDisplay.number(scores.criterion().averageMinimum()));
        v.put("shortfall", scores.shortfall() == null || scores.shortfall() == 0 ? null : PlainDisplay.number(scores.shortfall()));
        v.put("failedSubjects", join(scores.subjectsBelowMinimum()));
        v.put("subjects", join(scores.weakestFirst()));
        v.put("weakest", scores.weakestFirst().isEmpty() ? null : scores.weakestFirst().get(0));
        PlainExemptionWindow w = facts.exemption();
        if (w != null) {
            v.put("validFrom", PlainDisplay.date(w.validFrom()));
            v.put("validUntil", PlainDisplay.date(w.validUntil()));
            v.put("daysRemaining", Long.toString(w.daysRemaining()));
            v.put("practicalRoundsLeft", w.practicalRoundsLeft() == null ? null : w.practicalRoundsLeft().toString());
        }
        v.put("statusName", messages.term(MessageCatalogue.EXEMPTION_TERMS, outcome.exemptionStatus()));
        v.put("deadline", PlainDisplay.date(facts.documentDeadline()));
        v.put("maxAge", outcome.youthMaxAge() == null ? null : outcome.youthMaxAge().toString());
        return v;
    }

    /** Adds the values that depend on which stage the section's data is about. */
    Map<String, String> forSection(Map<String, String> common, SectionChoice choice, PlainDerivedFacts facts,
                                   Map<String, Object> data) {
        Map<String, String> v = new HashMap<>(common);
        Stage stage = PlainSectionDataAssembler.stageFor(choice, facts);
        v.put("trendStageName", stageName(stage));
        PlainScheduleEntry round = PlainSectionDataAssembler.scheduleFor(choice, facts);
        if (round != null) {
            v.put("scheduleStageName", stageName(round.stage()));
            v.put("roundLabel", round.roundLabel());
            v.put("registrationStart", PlainDisplay.date(round.registrationStart()));
            v.put("registrationEnd", PlainDisplay.date(round.registrationEnd()));
            v.put("examDate", PlainDisplay.date(round.examDate()));
        }
        for (String key : List.of("year", "applicants", "passers", "passRate", "passerAverage", "topPercent",
                "writtenPassRate", "secondStagePassRate")) {
            if (data.containsKey(key)) {
                v.put(key, PlainDisplay.number((Number) data.get(key)));
            }
        }
        Object years = data.get("years");
        if (years instanceof List<?> list && !list.isEmpty()) {
            Map<?, ?> first = (Map<?, ?>) list.get(0);
            Map<?, ?> last = (Map<?, ?>) list.get(list.size() - 1);
            v.put("firstYear", String.valueOf(first.get("year")));
            v.put("lastYear", String.valueOf(last.get("year")));
            v.put("lastPassRate", PlainDisplay.number((Number) last.get("passRate")));
        }
        return v;
    }

    private String stageName(Stage stage) {
        return stage == null ? null : messages.term(MessageCatalogue.STAGE_TERMS, stage.name());
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? null : String.join(", ", names);
    }

}

package kr.qfeedback.decision.plain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.rules.MessageCatalogue;
import kr.qfeedback.rules.Parameters;
import kr.qfeedback.rules.RuleOutcome;
import kr.qfeedback.rules.SectionChoice;

/**
 * The values of the named placeholders ({@link PlainPlaceholders#NAMES}) for one section of one
 * decision, formatted for Korean sentences. Codes are turned into the terms staff chose in
 * messages.yaml.
 */
final class PlainPlaceholderValues {
    private final MessageCatalogue messages;
    private final Parameters parameters;

    PlainPlaceholderValues(MessageCatalogue messages, Parameters parameters) {
        this.messages = messages;
        this.parameters = parameters;
    }

    Map<String, String> common(PlainDerivedFacts facts, RuleOutcome outcome) {
        Map<String, String> v = new HashMap<>();
        var request = facts.request();
        var exam = request.exam();
        PlainScoreFacts scores = facts.scores();
        v.put("qualificationName", facts.qualificationName());
        v.put("qualificationCode", request.qualification().code());
        v.put(
                "field",
                facts.qualification() == null ? null : facts.qualification().field());
        v.put(
                "gradeName",
                messages.term(
                        MessageCatalogue.GRADE_TERMS,
                        request.qualification().grade().name()));
        v.put("stageName", stageName(exam.stage()));
        v.put("nextStageName", stageName(request.qualification().grade().secondStage()));
        v.put(
                "resultName",
                messages.term(MessageCatalogue.RESULT_TERMS, exam.result().name()));
        v.put("round", PlainDisplay.round(exam.round()));
        v.put("totalScore", PlainDisplay.number(exam.totalScore()));
        v.put("average", PlainDisplay.number(scores.average()));
        v.put("asOf", PlainDisplay.date(request.asOf()));
        v.put(
                "subjectMinimum",
                scores.criterion() == null
                        ? null
                        : PlainDisplay.number(scores.criterion().subjectMinimum()));
        v.put(
                "averageMinimum",
                scores.criterion() == null
                        ? null
                        : PlainDisplay.number(scores.criterion().averageMinimum()));
        v.put(
                "shortfall",
                scores.shortfall() == null || scores.shortfall() == 0 ? null : PlainDisplay.number(scores.shortfall()));
        v.put("failedSubjects", join(scores.subjectsBelowMinimum()));
        v.put("subjects", join(scores.weakestFirst()));
        v.put(
                "weakest",
                scores.weakestFirst().isEmpty() ? null : scores.weakestFirst().get(0));
        PlainExemptionWindow w = facts.exemption();
        if (w != null) {
            v.put("validFrom", PlainDisplay.date(w.validFrom()));
            v.put("validUntil", PlainDisplay.date(w.validUntil()));
            v.put("daysRemaining", Long.toString(w.daysRemaining()));
            v.put(
                    "practicalRoundsLeft",
                    w.practicalRoundsLeft() == null || w.practicalRoundsLeft() == 0
                            ? null
                            : w.practicalRoundsLeft().toString());
            v.put("provisoRounds", w.nextWrittenExempt() ? Integer.toString(parameters.provisoMinimumRounds()) : null);
        }
        v.put("statusName", messages.term(MessageCatalogue.EXEMPTION_TERMS, outcome.exemptionStatus()));
        v.put("deadline", PlainDisplay.date(facts.documentDeadline()));
        v.put(
                "maxAge",
                outcome.youthMaxAge() == null ? null : outcome.youthMaxAge().toString());
        // Born on or after 1 January of the year that makes the programme's age (asOf year − 1 − birth year) the
        // maximum.
        v.put(
                "youthBornFrom",
                outcome.youthMaxAge() == null
                        ? null
                        : PlainDisplay.date(LocalDate.of(request.asOf().getYear() - 1 - outcome.youthMaxAge(), 1, 1)));
        v.put("exemptionYears", Integer.toString(parameters.exemptionYears()));
        v.put("expiringDays", Integer.toString(parameters.exemptionExpiringDays()));
        boolean wholePaper = PlainFactDeriver.wholePaper(
                parameters, request.qualification().grade(), exam.stage().isSecond());
        if (scores.criterion() != null) {
            v.put(
                    wholePaper ? "wholePaperMinimum" : "meanMinimum",
                    PlainDisplay.number(scores.criterion().averageMinimum()));
        }
        v.put("documentStart", PlainDisplay.date(facts.documentStart()));
        v.put("fee", PlainDisplay.won(fee(facts)));
        v.put("relatedQualifications", join(facts.relatedQualifications()));
        return v;
    }

    /** Adds the values that depend on which stage the section's data is about. */
    Map<String, String> forSection(
            Map<String, String> common, SectionChoice choice, PlainDerivedFacts facts, Map<String, Object> data) {
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
        for (String key : List.of(
                "year",
                "applicants",
                "passers",
                "passRate",
                "passerAverage",
                "topPercent",
                "writtenPassRate",
                "secondStagePassRate")) {
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

    /** The fee of the stage the candidate sits next: that of the next round shown, else of this exam's stage. */
    static Integer fee(PlainDerivedFacts facts) {
        if (facts.qualification() == null) {
            return null;
        }
        Stage stage = facts.sameStageRound() != null
                ? facts.sameStageRound().stage()
                : facts.request().exam().stage();
        return stage == Stage.WRITTEN
                ? facts.qualification().writtenFee()
                : facts.qualification().secondStageFee();
    }

    private String stageName(Stage stage) {
        return stage == null ? null : messages.term(MessageCatalogue.STAGE_TERMS, stage.name());
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? null : String.join(", ", names);
    }
}

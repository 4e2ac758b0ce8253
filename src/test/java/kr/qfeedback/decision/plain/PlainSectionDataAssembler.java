package kr.qfeedback.decision.plain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.YearlyPassRate;
import kr.qfeedback.rules.DataStage;
import kr.qfeedback.rules.RuleOutcome;
import kr.qfeedback.rules.SectionChoice;

/**
 * Builds the {@code data} object of each section from the derived facts and what the rules
 * decided. Every field the contract's catalogue names is present, null when unknown; a few
 * further fields help Q-Net render the section.
 */
final class PlainSectionDataAssembler {

    Map<String, Object> dataFor(SectionChoice choice, PlainDerivedFacts facts, RuleOutcome outcome) {
        Map<String, Object> data = new LinkedHashMap<>();
        var exam = facts.request().exam();
        PlainScoreFacts scores = facts.scores();
        switch (choice.id()) {
            case RESULT_SUMMARY -> {
                data.put("result", exam.result().name());
                data.put("stage", exam.stage().name());
                data.put("finalPass", facts.outcome().finalPass());
                data.put("totalScore", exam.totalScore());
            }
            case SCORE_BREAKDOWN -> {
                List<Map<String, Object>> subjects = new ArrayList<>();
                for (SubjectScore s : exam.subjects()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", s.name());
                    row.put("score", s.score());
                    row.put("belowSubjectMinimum", scores.belowSubjectMinimum(s));
                    subjects.add(row);
                }
                data.put("subjects", subjects);
                data.put("average", scores.average());
                data.put("totalScore", exam.totalScore());
            }
            case PASS_CRITERIA -> {
                data.put(
                        "subjectMinimum",
                        scores.criterion() == null ? null : scores.criterion().subjectMinimum());
                data.put(
                        "averageMinimum",
                        scores.criterion() == null ? null : scores.criterion().averageMinimum());
                data.put("shortfall", scores.shortfall());
                data.put("failedSubjects", scores.subjectsBelowMinimum());
                data.put("average", scores.average());
            }
            case WEAK_SUBJECTS -> data.put("subjects", scores.weakestFirst());
            case PASSER_COMPARISON -> {
                YearlyPassRate latest = latest(facts.statisticsOf(stageFor(choice, facts)));
                data.put("passerAverage", null);
                data.put("topPercent", null);
                data.put("year", latest == null ? null : latest.year());
                data.put("applicants", latest == null ? null : latest.applicants());
                data.put("passers", latest == null ? null : latest.passers());
                data.put("passRate", latest == null ? null : latest.passRate());
            }
            case PASS_RATE_TREND -> {
                Stage stage = stageFor(choice, facts);
                List<Map<String, Object>> years = new ArrayList<>();
                for (YearlyPassRate y : sorted(facts.statisticsOf(stage))) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("year", y.year());
                    row.put("passRate", y.passRate());
                    years.add(row);
                }
                data.put("stage", stage == null ? null : stage.name());
                data.put("years", years);
            }
            case PREP_PERIOD -> {
                Stage second = facts.request().qualification().grade().secondStage();
                YearlyPassRate written = latest(facts.statisticsOf(Stage.WRITTEN));
                YearlyPassRate practical = written == null
                        ? latest(facts.statisticsOf(second))
                        : facts.statisticsOf(second).stream()
                                .filter(r -> r.year() == written.year() && r.applicants() > 0)
                                .findFirst()
                                .orElse(null);
                data.put(
                        "year",
                        written != null
                                ? Integer.valueOf(written.year())
                                : practical == null ? null : practical.year());
                data.put("writtenPassRate", written == null ? null : written.passRate());
                data.put("secondStagePassRate", practical == null ? null : practical.passRate());
            }
            case WRITTEN_EXEMPTION -> {
                PlainExemptionWindow w = facts.exemption();
                data.put("validFrom", iso(w == null ? null : w.validFrom()));
                data.put("validUntil", iso(w == null ? null : w.validUntil()));
                data.put("daysRemaining", w == null ? null : w.daysRemaining());
                data.put("status", outcome.exemptionStatus());
                data.put("practicalRoundsLeft", w == null ? null : w.practicalRoundsLeft());
                data.put("nextWrittenExempt", w == null ? null : w.nextWrittenExempt());
            }
            case ELIGIBILITY_DOCUMENTS -> {
                LocalDate deadline = facts.documentDeadline();
                data.put("deadline", iso(deadline));
                data.put("submissionStart", iso(facts.documentStart()));
                data.put(
                        "deadlinePassed",
                        deadline == null ? null : facts.request().asOf().isAfter(deadline));
                data.put(
                        "eligibilityText",
                        facts.qualification() == null
                                ? null
                                : facts.qualification().eligibilityText());
            }
            case REAPPLY -> {
                PlainScheduleEntry next = facts.sameStageRound();
                data.put("stage", (next != null ? next.stage() : exam.stage()).name());
                data.put("fee", PlainPlaceholderValues.fee(facts));
            }
            case NEXT_EXAM_SCHEDULE -> {
                PlainScheduleEntry round = scheduleFor(choice, facts);
                data.put("stage", round == null ? null : round.stage().name());
                data.put("registrationStart", iso(round == null ? null : round.registrationStart()));
                data.put("registrationEnd", iso(round == null ? null : round.registrationEnd()));
                data.put("examDate", iso(round == null ? null : round.examDate()));
                data.put("round", round == null ? null : round.roundLabel());
            }
            case YOUTH_FEE_DISCOUNT -> data.put("maxAge", outcome.youthMaxAge());
            case RELATED_QUALIFICATIONS -> {
                data.put(
                        "field",
                        facts.qualification() == null
                                ? null
                                : facts.qualification().field());
                data.put("sameField", facts.relatedQualifications());
            }
            default -> {}
        }
        return data;
    }

    static Stage stageFor(SectionChoice choice, PlainDerivedFacts facts) {
        return choice.dataStage() == DataStage.NEXT
                ? facts.nextStage()
                : facts.request().exam().stage();
    }

    static PlainScheduleEntry scheduleFor(SectionChoice choice, PlainDerivedFacts facts) {
        return choice.dataStage() == DataStage.NEXT ? facts.nextStageRound() : facts.sameStageRound();
    }

    private static List<YearlyPassRate> sorted(List<YearlyPassRate> rates) {
        return rates.stream()
                .sorted(Comparator.comparingInt(YearlyPassRate::year))
                .toList();
    }

    private static YearlyPassRate latest(List<YearlyPassRate> rates) {
        return rates.stream()
                .filter(r -> r.applicants() > 0)
                .max(Comparator.comparingInt(YearlyPassRate::year))
                .orElse(null);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}

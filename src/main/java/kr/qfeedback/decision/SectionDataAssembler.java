package kr.qfeedback.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.SectionData;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.YearlyPassRate;
import kr.qfeedback.rules.DataStage;
import kr.qfeedback.rules.RuleOutcome;
import kr.qfeedback.rules.SectionChoice;

/**
 * Builds the {@code data} object of each section from the derived facts and what the rules
 * decided. Every field the contract's catalogue names is present, null when unknown; a few
 * further fields help Q-Net render the section. The keys of each section are listed once below,
 * in the order they are written.
 */
public final class SectionDataAssembler {
    private static final SectionData.Keys RESULT_SUMMARY =
            new SectionData.Keys("result", "stage", "finalPass", "totalScore");
    private static final SectionData.Keys SCORE_BREAKDOWN = new SectionData.Keys("subjects", "average", "totalScore");
    private static final SectionData.Keys SUBJECT_ROW = new SectionData.Keys("name", "score", "belowSubjectMinimum");
    private static final SectionData.Keys PASS_CRITERIA =
            new SectionData.Keys("subjectMinimum", "averageMinimum", "shortfall", "failedSubjects", "average");
    private static final SectionData.Keys WEAK_SUBJECTS = new SectionData.Keys("subjects");
    private static final SectionData.Keys PASSER_COMPARISON =
            new SectionData.Keys("passerAverage", "topPercent", "year", "applicants", "passers", "passRate");
    private static final SectionData.Keys PASS_RATE_TREND = new SectionData.Keys("stage", "years");
    private static final SectionData.Keys PREP_PERIOD =
            new SectionData.Keys("year", "writtenPassRate", "secondStagePassRate");
    private static final SectionData.Keys WRITTEN_EXEMPTION = new SectionData.Keys(
            "validFrom", "validUntil", "daysRemaining", "status", "practicalRoundsLeft", "nextWrittenExempt");
    private static final SectionData.Keys ELIGIBILITY_DOCUMENTS =
            new SectionData.Keys("deadline", "submissionStart", "deadlinePassed", "eligibilityText");
    private static final SectionData.Keys REAPPLY = new SectionData.Keys("stage", "fee");
    private static final SectionData.Keys NEXT_EXAM_SCHEDULE =
            new SectionData.Keys("stage", "registrationStart", "registrationEnd", "examDate", "round");
    private static final SectionData.Keys YOUTH_FEE_DISCOUNT = new SectionData.Keys("maxAge");
    private static final SectionData.Keys RELATED_QUALIFICATIONS = new SectionData.Keys("field", "sameField");

    SectionDataAssembler() {}

    /** The keys the data of every {@code id} section carries, in order; empty for a section without data. */
    public static List<String> dataKeys(SectionId id) {
        return names(
                switch (id) {
                    case RESULT_SUMMARY -> RESULT_SUMMARY;
                    case SCORE_BREAKDOWN -> SCORE_BREAKDOWN;
                    case PASS_CRITERIA -> PASS_CRITERIA;
                    case WEAK_SUBJECTS -> WEAK_SUBJECTS;
                    case PASSER_COMPARISON -> PASSER_COMPARISON;
                    case PASS_RATE_TREND -> PASS_RATE_TREND;
                    case PREP_PERIOD -> PREP_PERIOD;
                    case WRITTEN_EXEMPTION -> WRITTEN_EXEMPTION;
                    case ELIGIBILITY_DOCUMENTS -> ELIGIBILITY_DOCUMENTS;
                    case REAPPLY -> REAPPLY;
                    case NEXT_EXAM_SCHEDULE -> NEXT_EXAM_SCHEDULE;
                    case YOUTH_FEE_DISCOUNT -> YOUTH_FEE_DISCOUNT;
                    case RELATED_QUALIFICATIONS -> RELATED_QUALIFICATIONS;
                    default -> new SectionData.Keys();
                });
    }

    /** The keys of every row in the list {@code field} of an {@code id} section's data; empty when it holds no rows. */
    public static List<String> rowKeys(SectionId id, String field) {
        if (id == SectionId.SCORE_BREAKDOWN && field.equals("subjects")) {
            return names(SUBJECT_ROW);
        }
        if (id == SectionId.PASS_RATE_TREND && field.equals("years")) {
            return names(QualificationFacts.TREND_ROW_KEYS);
        }
        return List.of();
    }

    private static List<String> names(SectionData.Keys keys) {
        String[] names = new String[keys.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = keys.name(i);
        }
        return List.of(names);
    }

    Map<String, Object> dataFor(SectionChoice choice, DerivedFacts facts, RuleOutcome outcome) {
        var exam = facts.request().exam();
        ScoreFacts scores = facts.scores();
        return switch (choice.id()) {
            case RESULT_SUMMARY ->
                SectionData.of(
                        RESULT_SUMMARY,
                        exam.result().name(),
                        exam.stage().name(),
                        facts.outcome().finalPass(),
                        exam.totalScore());
            case SCORE_BREAKDOWN -> {
                Object[] subjects = new Object[exam.subjects().size()];
                int i = 0;
                for (SubjectScore s : exam.subjects()) {
                    subjects[i++] = SectionData.of(SUBJECT_ROW, s.name(), s.score(), scores.belowSubjectMinimum(s));
                }
                yield SectionData.of(SCORE_BREAKDOWN, List.of(subjects), scores.average(), exam.totalScore());
            }
            case PASS_CRITERIA ->
                SectionData.of(
                        PASS_CRITERIA,
                        scores.criterion() == null ? null : scores.criterion().subjectMinimum(),
                        scores.criterion() == null ? null : scores.criterion().averageMinimum(),
                        scores.shortfall(),
                        scores.subjectsBelowMinimum(),
                        scores.average());
            case WEAK_SUBJECTS -> SectionData.of(WEAK_SUBJECTS, scores.weakestFirst());
            case PASSER_COMPARISON -> {
                YearlyPassRate latest = facts.latestStatisticsOf(stageFor(choice, facts));
                yield SectionData.of(
                        PASSER_COMPARISON,
                        null,
                        null,
                        latest == null ? null : latest.year(),
                        latest == null ? null : latest.applicants(),
                        latest == null ? null : latest.passers(),
                        latest == null ? null : latest.passRate());
            }
            case PASS_RATE_TREND -> {
                Stage stage = stageFor(choice, facts);
                yield SectionData.of(PASS_RATE_TREND, stage == null ? null : stage.name(), facts.trendOf(stage));
            }
            case PREP_PERIOD -> {
                Stage second = facts.request().qualification().grade().secondStage();
                YearlyPassRate written = facts.latestStatisticsOf(Stage.WRITTEN);
                YearlyPassRate practical = facts.latestStatisticsOf(second);
                if (written != null && (practical == null || practical.year() != written.year())) {
                    practical = sameYear(facts.statisticsOf(second), written.year()); // both rates of one year
                }
                yield SectionData.of(
                        PREP_PERIOD,
                        written != null ? Integer.valueOf(written.year()) : practical == null ? null : practical.year(),
                        written == null ? null : written.passRate(),
                        practical == null ? null : practical.passRate());
            }
            case WRITTEN_EXEMPTION -> {
                ExemptionWindow w = facts.exemption();
                yield SectionData.of(
                        WRITTEN_EXEMPTION,
                        iso(w == null ? null : w.validFrom()),
                        iso(w == null ? null : w.validUntil()),
                        w == null ? null : w.daysRemaining(),
                        outcome.exemptionStatus(),
                        w == null ? null : w.practicalRoundsLeft(),
                        w == null ? null : w.nextWrittenExempt());
            }
            case ELIGIBILITY_DOCUMENTS ->
                SectionData.of(
                        ELIGIBILITY_DOCUMENTS,
                        iso(facts.documentDeadline()),
                        iso(facts.documentStart()),
                        facts.documentDeadline() == null
                                ? null
                                : facts.request().asOf().isAfter(facts.documentDeadline()),
                        facts.qualification() == null
                                ? null
                                : facts.qualification().eligibilityText());
            case REAPPLY -> {
                ScheduleEntry next = facts.sameStageRound();
                Stage stage = next != null ? next.stage() : exam.stage();
                var q = facts.qualification();
                yield SectionData.of(
                        REAPPLY,
                        stage.name(),
                        q == null ? null : stage == Stage.WRITTEN ? q.writtenFee() : q.secondStageFee());
            }
            case NEXT_EXAM_SCHEDULE -> {
                ScheduleEntry round = scheduleFor(choice, facts);
                yield SectionData.of(
                        NEXT_EXAM_SCHEDULE,
                        round == null ? null : round.stage().name(),
                        iso(round == null ? null : round.registrationStart()),
                        iso(round == null ? null : round.registrationEnd()),
                        iso(round == null ? null : round.examDate()),
                        round == null ? null : round.roundLabel());
            }
            case YOUTH_FEE_DISCOUNT -> SectionData.of(YOUTH_FEE_DISCOUNT, outcome.youthMaxAge());
            case RELATED_QUALIFICATIONS ->
                SectionData.of(
                        RELATED_QUALIFICATIONS,
                        facts.qualification() == null
                                ? null
                                : facts.qualification().field(),
                        facts.reference() == null
                                ? List.of()
                                : facts.reference().related());
            default -> SectionData.empty();
        };
    }

    /** The figures of {@code year} when somebody sat the stage that year, else null. */
    private static YearlyPassRate sameYear(List<YearlyPassRate> rates, int year) {
        for (YearlyPassRate rate : rates) {
            if (rate.year() == year && rate.applicants() > 0) {
                return rate;
            }
        }
        return null;
    }

    static Stage stageFor(SectionChoice choice, DerivedFacts facts) {
        return choice.dataStage() == DataStage.NEXT
                ? facts.nextStage()
                : facts.request().exam().stage();
    }

    static ScheduleEntry scheduleFor(SectionChoice choice, DerivedFacts facts) {
        return choice.dataStage() == DataStage.NEXT ? facts.nextStageRound() : facts.sameStageRound();
    }

    private static String iso(LocalDate date) {
        return Display.iso(date);
    }
}

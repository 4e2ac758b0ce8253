package kr.qfeedback.decision.plain;

import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Outcome;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.YearlyPassRate;
import kr.qfeedback.rules.model.Profile;

/**
 * Every fact Java derives for one request before the rules run: each has one right answer given
 * the request, the reference data and the parameters. Nullable fields are unknown.
 *
 * @param qualification  the reference entry (with the schedule the parameters choose), null for an unknown code
 * @param nextStage      the stage after this one (null after the last stage)
 * @param exemption      the written exemption window, null when no written pass date is known
 * @param age            the youth programme's age: {@code asOf}'s year − 1 − the birth year, null without a birth date
 * @param sameStageRound the next round the candidate can sit (the written exam's when no exemption round is left), null when none is known
 * @param nextStageRound the next round of the next stage (likewise), null when none is known
 * @param documentDeadline the eligibility-document deadline of the round the written pass belongs to
 * @param documentStart  the first day of that round's document window
 * @param documents      the document situation the rules read (see {@code PlainFactDeriver#documents})
 * @param relatedQualifications names of other qualifications of the same field, empty when none or unknown
 */
public record PlainDerivedFacts(
        FeedbackRequest request,
        Outcome outcome,
        Qualification qualification,
        String qualificationName,
        Stage nextStage,
        PlainScoreFacts scores,
        PlainExemptionWindow exemption,
        Integer age,
        PlainScheduleEntry sameStageRound,
        PlainScheduleEntry nextStageRound,
        LocalDate documentDeadline,
        LocalDate documentStart,
        String documents,
        List<String> relatedQualifications,
        List<YearlyPassRate> stageStatistics,
        List<YearlyPassRate> nextStageStatistics) {

    public PlainDerivedFacts {
        relatedQualifications = List.copyOf(relatedQualifications);
        stageStatistics = List.copyOf(stageStatistics);
        nextStageStatistics = List.copyOf(nextStageStatistics);
    }

    /** The statistics of a stage of this qualification (the second stage's for PRACTICAL and INTERVIEW). */
    public List<YearlyPassRate> statisticsOf(Stage stage) {
        if (qualification == null || stage == null) {
            return List.of();
        }
        return stage == Stage.WRITTEN ? qualification.writtenStatistics() : qualification.secondStageStatistics();
    }

    /** The small picture the rules read. */
    public Profile profile() {
        var exam = request.exam();
        return new Profile(
                outcome.code(),
                exam.stage().name(),
                exam.result().name(),
                request.qualification().grade().name(),
                qualification != null,
                exam.totalScore() != null,
                !exam.subjects().isEmpty(),
                exam.totalScore(),
                scores.lowestSubjectScore(),
                !scores.subjectsBelowMinimum().isEmpty(),
                scores.meetsCriterion(),
                !stageStatistics.isEmpty(),
                !nextStageStatistics.isEmpty(),
                sameStageRound != null,
                nextStageRound != null,
                exemption != null,
                exemption == null ? null : Math.toIntExact(exemption.daysRemaining()),
                exemption == null ? "UNKNOWN" : exemption.roundsLeft(),
                age,
                documents,
                false);
    }
}

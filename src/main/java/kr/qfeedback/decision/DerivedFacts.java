package kr.qfeedback.decision;

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
 * @param qualification  the reference entry, null for an unknown code
 * @param reference      what every candidate of this qualification shares, null for an unknown code
 * @param nextStage      the stage after this one (null after the last stage)
 * @param exemption      the written exemption window, null when no written pass date is known
 * @param age            the youth programme's age: full years on 1 January of {@code asOf}'s year counted by
 *                       birth year ({@code asOf} year − 1 − birth year), null without a birth date
 * @param sameStageRound the next round of this stage, null when none is known
 * @param nextStageRound the next round of the next stage, null when none is known
 * @param documentDeadline the eligibility-document deadline of the round the written pass belongs to
 * @param documentStart  the first day of that round's document window
 * @param documents      the document situation the rules read (see {@code FactDeriver#documents})
 * @param surveyEnded    the satisfaction survey's last day is set and before {@code asOf}
 */
public record DerivedFacts(
        FeedbackRequest request,
        Outcome outcome,
        Qualification qualification,
        QualificationFacts reference,
        String qualificationName,
        Stage nextStage,
        ScoreFacts scores,
        ExemptionWindow exemption,
        Integer age,
        ScheduleEntry sameStageRound,
        ScheduleEntry nextStageRound,
        LocalDate documentDeadline,
        LocalDate documentStart,
        String documents,
        List<YearlyPassRate> stageStatistics,
        List<YearlyPassRate> nextStageStatistics,
        boolean surveyEnded) {

    public DerivedFacts {
        stageStatistics = List.copyOf(stageStatistics);
        nextStageStatistics = List.copyOf(nextStageStatistics);
    }

    /** The statistics of a stage of this qualification (the second stage's for PRACTICAL and INTERVIEW). */
    public List<YearlyPassRate> statisticsOf(Stage stage) {
        return reference == null || stage == null ? List.of() : reference.statisticsOf(stage);
    }

    /** The latest year's statistics of a stage, null when none are known. */
    YearlyPassRate latestStatisticsOf(Stage stage) {
        return reference == null || stage == null ? null : reference.latestOf(stage);
    }

    /** The pass-rate trend rows of a stage, oldest year first. */
    List<java.util.Map<String, Object>> trendOf(Stage stage) {
        return reference == null || stage == null ? List.of() : reference.trendOf(stage);
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
                exemption == null ? ExemptionWindow.UNKNOWN : exemption.roundsLeft(),
                age,
                documents,
                surveyEnded);
    }
}

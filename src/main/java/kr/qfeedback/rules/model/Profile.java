package kr.qfeedback.rules.model;

/**
 * The small, immutable picture of one result that the rules read. Java fills it with facts that
 * have one right answer; the rules decide what to show from it. Two requests with equal profiles
 * (and the same rules version) get the same section choices.
 *
 * <p>Strings hold the contract's codes (e.g. {@code stage == "WRITTEN"}), so decision tables
 * compare them without imports. {@code documents} is {@code UNKNOWN} when the caller did not say.
 */
public record Profile(
        String outcome,
        String stage,
        String result,
        String grade,
        boolean qualificationKnown,
        boolean scored,
        boolean subjectsScored,
        Double totalScore,
        Double lowestSubjectScore,
        boolean belowSubjectMinimum,
        boolean scoreMeetsCriterion,
        boolean stageStatisticsKnown,
        boolean nextStageStatisticsKnown,
        boolean sameStageScheduleKnown,
        boolean nextStageScheduleKnown,
        boolean writtenPassKnown,
        Integer exemptionDaysRemaining,
        Integer age,
        String documents) {
}

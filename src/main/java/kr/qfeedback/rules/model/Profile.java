package kr.qfeedback.rules.model;

/**
 * The small, immutable picture of one result that the rules read. Java fills it with facts that
 * have one right answer; the rules decide what to show from it. Two requests with equal profiles
 * (and the same rules version) get the same section choices.
 *
 * <p>Strings hold the contract's codes (e.g. {@code stage == "WRITTEN"}), so decision tables
 * compare them without imports. {@code documents} is the candidate's document situation: the
 * caller's status ({@code UNKNOWN} when not given), {@code NOT_REQUIRED} when policy or a held
 * qualification makes documents unnecessary, with {@code _OVERDUE} appended once the deadline has
 * passed. {@code exemptionRounds} says whether a second-stage round the written exemption covers
 * is left: {@code LEFT}, {@code NONE_LEFT} or {@code UNKNOWN}. {@code age} is the youth
 * programme's age: {@code asOf}'s year − 1 − the birth year. {@code surveyEnded} says that the
 * satisfaction survey's last day (parameters.yaml, 만족도 조사 마감일) is set and before {@code asOf}.
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
        String exemptionRounds,
        Integer age,
        String documents,
        boolean surveyEnded) {}

package kr.qfeedback.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * The placeholders a message template may name, each with the name staff write between braces
 * ({@code {qualificationName}}). A compiled template refers to these constants, so that a value
 * is found by a switch instead of by comparing names for every decision.
 */
public enum Placeholder {
    QUALIFICATION_NAME("qualificationName"),
    QUALIFICATION_CODE("qualificationCode"),
    FIELD("field"),
    GRADE_NAME("gradeName"),
    STAGE_NAME("stageName"),
    NEXT_STAGE_NAME("nextStageName"),
    RESULT_NAME("resultName"),
    ROUND("round"),
    TOTAL_SCORE("totalScore"),
    AVERAGE("average"),
    AS_OF("asOf"),
    SUBJECT_MINIMUM("subjectMinimum"),
    AVERAGE_MINIMUM("averageMinimum"),
    SHORTFALL("shortfall"),
    FAILED_SUBJECTS("failedSubjects"),
    SUBJECTS("subjects"),
    WEAKEST("weakest"),
    YEAR("year"),
    APPLICANTS("applicants"),
    PASSERS("passers"),
    PASS_RATE("passRate"),
    PASSER_AVERAGE("passerAverage"),
    TOP_PERCENT("topPercent"),
    TREND_STAGE_NAME("trendStageName"),
    FIRST_YEAR("firstYear"),
    LAST_YEAR("lastYear"),
    LAST_PASS_RATE("lastPassRate"),
    WRITTEN_PASS_RATE("writtenPassRate"),
    SECOND_STAGE_PASS_RATE("secondStagePassRate"),
    VALID_FROM("validFrom"),
    VALID_UNTIL("validUntil"),
    DAYS_REMAINING("daysRemaining"),
    STATUS_NAME("statusName"),
    PRACTICAL_ROUNDS_LEFT("practicalRoundsLeft"),
    DEADLINE("deadline"),
    SCHEDULE_STAGE_NAME("scheduleStageName"),
    ROUND_LABEL("roundLabel"),
    REGISTRATION_START("registrationStart"),
    REGISTRATION_END("registrationEnd"),
    EXAM_DATE("examDate"),
    MAX_AGE("maxAge"),
    YOUTH_BORN_FROM("youthBornFrom"),
    EXEMPTION_YEARS("exemptionYears"),
    EXPIRING_DAYS("expiringDays"),
    PROVISO_ROUNDS("provisoRounds"),
    MEAN_MINIMUM("meanMinimum"),
    WHOLE_PAPER_MINIMUM("wholePaperMinimum"),
    DOCUMENT_START("documentStart"),
    FEE("fee"),
    RELATED_QUALIFICATIONS("relatedQualifications"),
    SURVEY_END("surveyEnd"),
    RESULT_LINK("resultLink"),
    /** The reminder texts, one a line: only in the LMS template. */
    REMINDERS("reminders");

    private static final Map<String, Placeholder> BY_NAME = new HashMap<>();

    static {
        for (Placeholder p : values()) {
            BY_NAME.put(p.placeholderName, p);
        }
    }

    private final String placeholderName;

    Placeholder(String placeholderName) {
        this.placeholderName = placeholderName;
    }

    /** The name as written in a template, without braces. */
    public String placeholderName() {
        return placeholderName;
    }

    /** The placeholder called {@code name}, or null when there is none of that name. */
    public static Placeholder named(String name) {
        return BY_NAME.get(name);
    }
}

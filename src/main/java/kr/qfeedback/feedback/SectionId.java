package kr.qfeedback.feedback;

import java.util.Arrays;
import java.util.Optional;

/** The section catalogue of the contract: every section the page can show. */
public enum SectionId {
    RESULT_SUMMARY,
    SCORE_BREAKDOWN,
    PASS_CRITERIA,
    WEAK_SUBJECTS,
    PASSER_COMPARISON,
    PASS_RATE_TREND,
    PREP_PERIOD,
    WRITTEN_EXEMPTION,
    ELIGIBILITY_DOCUMENTS,
    NEXT_EXAM_SCHEDULE,
    REAPPLY,
    LEARNING_RESOURCES,
    TRAINING,
    CERTIFICATE_ISSUE,
    RELATED_QUALIFICATIONS,
    JOBS,
    YOUTH_FEE_DISCOUNT,
    SURVEY;

    public static Optional<SectionId> parse(String text) {
        return Arrays.stream(values()).filter(id -> id.name().equals(text)).findFirst();
    }
}

package kr.qfeedback.feedback;

/** Whether the eligibility documents (응시자격 서류) are in. */
public enum DocumentStatus {
    SUBMITTED,
    NOT_SUBMITTED,
    NOT_REQUIRED
}

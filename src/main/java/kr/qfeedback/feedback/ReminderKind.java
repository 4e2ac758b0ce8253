package kr.qfeedback.feedback;

/** The dated next steps a decision can remind a candidate of (contract, "Additions of 2026-12-07"). */
public enum ReminderKind {
    DOCUMENTS_DUE,
    REGISTRATION_OPENS,
    REGISTRATION_CLOSES,
    EXAM_DAY,
    EXEMPTION_ENDS,
    SURVEY_ENDS
}

package kr.qfeedback.feedback;

/** What happened at one sitting. */
public enum ExamResult {
    PASS,
    FAIL,
    ABSENT
}

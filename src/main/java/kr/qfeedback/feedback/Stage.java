package kr.qfeedback.feedback;

/** The stage of an exam: 필기, then 실기 or 면접. */
public enum Stage {
    WRITTEN,
    PRACTICAL,
    INTERVIEW;

    public boolean isSecond() {
        return this != WRITTEN;
    }
}

package kr.qfeedback.feedback;

/** {@code {STAGE}_{RESULT}}, e.g. WRITTEN_PASS or INTERVIEW_FAIL. */
public record Outcome(Stage stage, ExamResult result) {

    public String code() {
        return stage.name() + "_" + result.name();
    }

    /** Passing the last stage (실기 or 면접) is the final pass (최종합격). */
    public boolean finalPass() {
        return result == ExamResult.PASS && stage.isSecond();
    }

    @Override
    public String toString() {
        return code();
    }
}

package kr.qfeedback.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The sitting whose result the page explains. {@code totalScore} is null for ABSENT. */
public record ExamSitting(
        String round,
        Stage stage,
        LocalDate examDate,
        LocalDate announcedOn,
        ExamResult result,
        Double totalScore,
        List<SubjectScore> subjects) {

    public ExamSitting {
        Objects.requireNonNull(round, "round must not be null");
        Objects.requireNonNull(stage, "stage must not be null");
        Objects.requireNonNull(examDate, "examDate must not be null");
        Objects.requireNonNull(announcedOn, "announcedOn must not be null");
        Objects.requireNonNull(result, "result must not be null");
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public Outcome outcome() {
        return new Outcome(stage, result);
    }
}

package kr.qfeedback.feedback;

import java.util.Objects;

/** One subject's score, 0–100 with at most one decimal place. */
public record SubjectScore(String name, double score) {
    public SubjectScore {
        Objects.requireNonNull(name, "name must not be null");
    }
}

package kr.qfeedback.feedback;

import java.util.Objects;

/** The qualification as the caller names it; {@code name} may be null when the code is known. */
public record QualificationRef(String code, String name, Grade grade) {
    public QualificationRef {
        Objects.requireNonNull(code, "code must not be null");
        Objects.requireNonNull(grade, "grade must not be null");
    }
}

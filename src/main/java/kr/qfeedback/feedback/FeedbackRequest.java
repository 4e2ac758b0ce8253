package kr.qfeedback.feedback;

import java.time.LocalDate;
import java.util.Objects;

/** One candidate's result, as Q-Net sends it. Already checked for shape; see {@link ConsistencyCheck}. */
public record FeedbackRequest(
        String candidateId, LocalDate asOf, QualificationRef qualification, ExamSitting exam, CandidateInfo candidate) {

    public FeedbackRequest {
        Objects.requireNonNull(candidateId, "candidateId must not be null");
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(qualification, "qualification must not be null");
        Objects.requireNonNull(exam, "exam must not be null");
        candidate = candidate == null ? CandidateInfo.UNKNOWN : candidate;
    }
}

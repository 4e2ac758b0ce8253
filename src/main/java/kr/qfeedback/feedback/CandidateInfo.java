package kr.qfeedback.feedback;

import java.time.LocalDate;
import java.util.List;

/** What is known about the candidate; every field may be null. */
public record CandidateInfo(
        LocalDate birthDate,
        LocalDate writtenPassAnnouncedOn,
        DocumentStatus eligibilityDocuments,
        Integer attempts,
        List<String> heldQualifications) {

    public static final CandidateInfo UNKNOWN = new CandidateInfo(null, null, null, null, List.of());

    public CandidateInfo {
        heldQualifications = heldQualifications == null ? List.of() : List.copyOf(heldQualifications);
    }
}

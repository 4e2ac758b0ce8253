package kr.qfeedback.reference;

import java.time.LocalDate;

/**
 * One round of a qualification's schedule. Any date may be null when Q-Net has not set it.
 * The document window is the eligibility-document submission window (응시자격 서류).
 */
public record ExamRound(
        String label,
        LocalDate writtenRegistrationStart,
        LocalDate writtenRegistrationEnd,
        LocalDate writtenExamDate,
        LocalDate writtenPassDate,
        LocalDate practicalRegistrationStart,
        LocalDate practicalRegistrationEnd,
        LocalDate practicalExamStart,
        LocalDate practicalExamEnd,
        LocalDate practicalPassDate,
        LocalDate documentSubmissionStart,
        LocalDate documentSubmissionEnd) {
}

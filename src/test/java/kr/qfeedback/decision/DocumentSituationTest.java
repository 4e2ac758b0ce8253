package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import kr.qfeedback.feedback.DocumentStatus;
import org.junit.jupiter.api.Test;

class DocumentSituationTest {
    private static final LocalDate DEADLINE = LocalDate.of(2026, 3, 20);

    @Test
    void submittedDocumentsAreSubmittedWhateverTheDate() {
        assertEquals(
                "SUBMITTED",
                DocumentSituation.of(DocumentStatus.SUBMITTED, true, false, DEADLINE, DEADLINE.plusDays(30)));
    }

    @Test
    void policyAndHeldQualificationsMakeDocumentsUnnecessary() {
        assertEquals(
                "NOT_REQUIRED",
                DocumentSituation.of(DocumentStatus.NOT_SUBMITTED, false, false, DEADLINE, DEADLINE),
                "직업상담사2급: policy asks none even with a window in the schedule");
        assertEquals(
                "NOT_REQUIRED",
                DocumentSituation.of(null, true, true, DEADLINE, DEADLINE.plusDays(1)),
                "a held qualification of the same field and grade or higher meets the eligibility");
        assertEquals(
                "NOT_REQUIRED", DocumentSituation.of(DocumentStatus.NOT_REQUIRED, true, false, DEADLINE, DEADLINE));
    }

    @Test
    void theDeadlineDayIsStillInTimeAndTheDayAfterIsOverdue() {
        assertEquals(
                "NOT_SUBMITTED", DocumentSituation.of(DocumentStatus.NOT_SUBMITTED, true, false, DEADLINE, DEADLINE));
        assertEquals(
                "NOT_SUBMITTED_OVERDUE",
                DocumentSituation.of(DocumentStatus.NOT_SUBMITTED, true, false, DEADLINE, DEADLINE.plusDays(1)));
        assertEquals("UNKNOWN", DocumentSituation.of(null, true, false, DEADLINE, DEADLINE));
        assertEquals("UNKNOWN_OVERDUE", DocumentSituation.of(null, true, false, DEADLINE, DEADLINE.plusDays(1)));
        assertEquals(
                "UNKNOWN",
                DocumentSituation.of(null, true, false, null, DEADLINE.plusDays(100)),
                "no deadline known, never overdue");
    }
}

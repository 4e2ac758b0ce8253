package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.ExamRound;
import org.junit.jupiter.api.Test;

class ScheduleEntryTest {
    private static ExamRound round(
            String label,
            String wRegStart,
            String wRegEnd,
            String wExam,
            String pRegStart,
            String pRegEnd,
            String pExam) {
        return new ExamRound(
                label,
                d(wRegStart),
                d(wRegEnd),
                d(wExam),
                null,
                d(pRegStart),
                d(pRegEnd),
                d(pExam),
                null,
                null,
                null,
                null);
    }

    private static LocalDate d(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private final List<ExamRound> rounds = List.of(
            round("제1회", "2026-01-12", "2026-01-15", "2026-01-30", "2026-03-23", "2026-03-26", "2026-04-18"),
            round("제2회", "2026-04-20", "2026-04-23", "2026-05-09", "2026-06-22", "2026-06-25", "2026-07-18"));

    @Test
    void theNextWrittenRoundIsTheFirstWhoseRegistrationHasNotClosed() {
        ScheduleEntry next = ScheduleEntry.next(Stage.WRITTEN, rounds, LocalDate.of(2026, 3, 11))
                .orElseThrow();
        assertEquals("제2회", next.roundLabel());
        assertEquals(LocalDate.of(2026, 4, 20), next.registrationStart());
        assertEquals(LocalDate.of(2026, 5, 9), next.examDate());
    }

    @Test
    void aRoundStaysNextOnTheLastDayOfItsRegistration() {
        ScheduleEntry next = ScheduleEntry.next(Stage.PRACTICAL, rounds, LocalDate.of(2026, 3, 26))
                .orElseThrow();
        assertEquals("제1회", next.roundLabel());
        assertEquals(Stage.PRACTICAL, next.stage());
    }

    @Test
    void noRoundIsNextOnceEveryRegistrationHasClosed() {
        assertTrue(ScheduleEntry.next(Stage.PRACTICAL, rounds, LocalDate.of(2026, 11, 23))
                .isEmpty());
    }
}

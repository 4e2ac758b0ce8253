package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.rules.RoundEvent;
import org.junit.jupiter.api.Test;

class ExemptionWindowTest {
    private static final LocalDate PASS = LocalDate.of(2016, 5, 19);

    private static ExamRound practical(String label, String regStart, String regEnd, String examStart) {
        return new ExamRound(label, null, null, null, null, LocalDate.parse(regStart), LocalDate.parse(regEnd),
                LocalDate.parse(examStart), null, null, null, null);
    }

    @Test
    void theWindowRunsFromTheAnnouncementToTheDayBeforeTheSecondAnniversaryAsQnetShowsIt() {
        ExemptionWindow w = ExemptionWindow.of(PASS, 2, PASS, List.of(), RoundEvent.REGISTRATION_START);
        assertEquals(LocalDate.of(2018, 5, 18), w.validUntil());
        assertEquals(729, w.daysRemaining());
        assertNull(w.practicalRoundsLeft(), "no schedule known means no count, not zero");
    }

    @Test
    void daysRemainingIsZeroOnTheLastDayAndNegativeAfterIt() {
        assertEquals(0, ExemptionWindow.of(PASS, 2, LocalDate.of(2018, 5, 18), List.of(), RoundEvent.REGISTRATION_START).daysRemaining());
        assertEquals(-1, ExemptionWindow.of(PASS, 2, LocalDate.of(2018, 5, 19), List.of(), RoundEvent.REGISTRATION_START).daysRemaining());
    }

    @Test
    void aLeapDayPassEndsOnTheLastDayOfFebruaryTwoYearsOn() {
        ExemptionWindow w = ExemptionWindow.of(LocalDate.of(2024, 2, 29), 2, LocalDate.of(2024, 3, 1), List.of(), RoundEvent.REGISTRATION_START);
        assertEquals(LocalDate.of(2026, 2, 27), w.validUntil());
    }

    @Test
    void roundsCountWhenStillOpenAndTheirChosenEventFallsInsideTheWindow() {
        LocalDate start = LocalDate.of(2024, 6, 12);
        List<ExamRound> rounds = List.of(
                practical("closed", "2026-03-01", "2026-03-05", "2026-04-01"),
                practical("open", "2026-05-20", "2026-05-25", "2026-06-01"),
                practical("registration inside, exam outside", "2026-06-10", "2026-06-11", "2026-07-01"),
                practical("after", "2026-06-20", "2026-06-25", "2026-07-20"));
        LocalDate asOf = LocalDate.of(2026, 5, 1);
        assertEquals(2, ExemptionWindow.of(start, 2, asOf, rounds, RoundEvent.REGISTRATION_START).practicalRoundsLeft());
        assertEquals(1, ExemptionWindow.of(start, 2, asOf, rounds, RoundEvent.EXAM_START).practicalRoundsLeft());
    }
}

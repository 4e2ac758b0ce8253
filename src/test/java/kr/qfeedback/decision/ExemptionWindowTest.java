package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.rules.RoundEvent;
import org.junit.jupiter.api.Test;

class ExemptionWindowTest {
    private static final LocalDate PASS = LocalDate.of(2016, 5, 19);
    private static final ExemptionWindow.Proviso PROVISO = new ExemptionWindow.Proviso(true, 2);
    private static final ExemptionWindow.Proviso NO_PROVISO = new ExemptionWindow.Proviso(false, 2);

    private static ExamRound practical(String label, String regStart, String regEnd, String examStart) {
        return new ExamRound(
                label,
                null,
                null,
                null,
                null,
                LocalDate.parse(regStart),
                LocalDate.parse(regEnd),
                LocalDate.parse(examStart),
                null,
                null,
                null,
                null);
    }

    private static ExemptionWindow window(
            LocalDate from,
            LocalDate asOf,
            List<ExamRound> rounds,
            RoundEvent event,
            String knownFrom,
            String knownUntil,
            ExemptionWindow.Proviso proviso) {
        return ExemptionWindow.of(
                from,
                2,
                asOf,
                rounds,
                event,
                knownFrom == null ? null : LocalDate.parse(knownFrom),
                knownUntil == null ? null : LocalDate.parse(knownUntil),
                proviso);
    }

    private static ExemptionWindow window(LocalDate from, LocalDate asOf) {
        return window(from, asOf, List.of(), RoundEvent.REGISTRATION_START, null, null, PROVISO);
    }

    @Test
    void theWindowRunsFromTheAnnouncementToTheDayBeforeTheSecondAnniversaryAsQnetShowsIt() {
        ExemptionWindow w = window(PASS, PASS);
        assertEquals(LocalDate.of(2018, 5, 18), w.validUntil());
        assertEquals(729, w.daysRemaining());
        assertNull(w.practicalRoundsLeft(), "no schedule known means no count, not zero");
        assertEquals(ExemptionWindow.UNKNOWN, w.roundsLeft());
    }

    @Test
    void daysRemainingIsZeroOnTheLastDayAndNegativeAfterIt() {
        assertEquals(0, window(PASS, LocalDate.of(2018, 5, 18)).daysRemaining());
        assertEquals(-1, window(PASS, LocalDate.of(2018, 5, 19)).daysRemaining());
        assertEquals(
                ExemptionWindow.NONE_LEFT,
                window(PASS, LocalDate.of(2018, 5, 19)).roundsLeft(),
                "an expired window leaves no round to sit");
    }

    @Test
    void aLeapDayPassEndsOnTheLastDayOfFebruaryTwoYearsOnAsTheCivilCodeCounts() {
        assertEquals(
                LocalDate.of(2026, 2, 28),
                window(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1)).validUntil());
        assertEquals(LocalDate.of(2028, 2, 27), ExemptionWindow.lastDay(LocalDate.of(2026, 2, 28), 2));
        assertEquals(LocalDate.of(2028, 2, 29), ExemptionWindow.lastDay(LocalDate.of(2026, 3, 1), 2));
        assertEquals(LocalDate.of(2028, 3, 10), ExemptionWindow.lastDay(LocalDate.of(2026, 3, 11), 2));
        assertEquals(
                LocalDate.of(2028, 2, 28),
                ExemptionWindow.lastDay(LocalDate.of(2024, 2, 29), 4),
                "four years on there is a 29 February again: the day before it");
    }

    @Test
    void aRoundIsUsableWhenItsRegistrationIsOpenOnOrAfterTheStartAndOpensOnOrBeforeTheEnd() {
        LocalDate start = LocalDate.of(2024, 6, 12);
        List<ExamRound> rounds = List.of(
                practical("closed", "2026-03-01", "2026-03-05", "2026-04-01"),
                practical("open", "2026-05-20", "2026-05-25", "2026-06-01"),
                practical("registration inside, exam outside", "2026-06-10", "2026-06-11", "2026-07-01"),
                practical("after", "2026-06-20", "2026-06-25", "2026-07-20"));
        LocalDate asOf = LocalDate.of(2026, 5, 1);
        assertEquals(
                2,
                window(start, asOf, rounds, RoundEvent.REGISTRATION_START, null, null, PROVISO)
                        .practicalRoundsLeft());
        assertEquals(
                1,
                window(start, asOf, rounds, RoundEvent.EXAM_START, null, null, PROVISO)
                        .practicalRoundsLeft());
    }

    @Test
    void aRoundWhoseRegistrationClosedBeforeTheWindowOpenedIsNotUsable() {
        LocalDate start = LocalDate.of(2026, 3, 11);
        List<ExamRound> rounds = List.of(practical("before", "2026-03-02", "2026-03-05", "2026-04-01"));
        ExemptionWindow w =
                window(start, LocalDate.of(2026, 3, 1), rounds, RoundEvent.REGISTRATION_START, null, null, NO_PROVISO);
        assertEquals(0, w.practicalRoundsLeft());
    }

    @Test
    void noRoundLeftIsToldOnlyWhenTheKnownScheduleReachesTheEndOfTheWindow() {
        LocalDate start = LocalDate.of(2024, 9, 11); // ends 2026-09-10
        List<ExamRound> rounds = List.of(practical("3회", "2026-09-21", "2026-09-28", "2026-10-24"));
        ExemptionWindow known = window(
                start,
                LocalDate.of(2026, 8, 1),
                rounds,
                RoundEvent.REGISTRATION_START,
                "2026-01-01",
                "2026-12-31",
                NO_PROVISO);
        assertEquals(0, known.practicalRoundsLeft());
        assertEquals(
                ExemptionWindow.NONE_LEFT,
                known.roundsLeft(),
                "the schedule covers 2026-09-10 and no round opens before it");

        LocalDate later = LocalDate.of(2026, 3, 11); // ends 2028-03-10, past the known 2026 schedule
        ExemptionWindow unknown = window(
                later,
                LocalDate.of(2026, 10, 1),
                rounds,
                RoundEvent.REGISTRATION_START,
                "2026-01-01",
                "2026-12-31",
                NO_PROVISO);
        assertEquals(ExemptionWindow.UNKNOWN, unknown.roundsLeft(), "rounds of 2027 are not known yet");
        assertEquals(
                ExemptionWindow.LEFT,
                window(
                                later,
                                LocalDate.of(2026, 9, 1),
                                rounds,
                                RoundEvent.REGISTRATION_START,
                                "2026-01-01",
                                "2026-12-31",
                                NO_PROVISO)
                        .roundsLeft());
    }

    @Test
    void fewerRoundsThanTheMinimumInAFullyKnownWindowExemptTheNextWrittenExamAsWell() {
        LocalDate start = LocalDate.of(2026, 1, 5); // ends 2028-01-04
        List<ExamRound> rounds = List.of(
                practical("2026", "2026-06-01", "2026-06-05", "2026-07-01"),
                practical("2028", "2028-05-01", "2028-05-05", "2028-06-01"));
        ExemptionWindow w = window(
                start,
                LocalDate.of(2026, 12, 1),
                rounds,
                RoundEvent.REGISTRATION_START,
                "2026-01-01",
                "2028-12-31",
                PROVISO);
        assertTrue(w.nextWrittenExempt(), "only one round fell in the window");
        assertEquals(1, w.practicalRoundsLeft(), "the first round after the window is usable");
        assertEquals(ExemptionWindow.LEFT, w.roundsLeft());

        ExemptionWindow off = window(
                start,
                LocalDate.of(2026, 12, 1),
                rounds,
                RoundEvent.REGISTRATION_START,
                "2026-01-01",
                "2028-12-31",
                NO_PROVISO);
        assertFalse(off.nextWrittenExempt());
        assertEquals(ExemptionWindow.NONE_LEFT, off.roundsLeft());

        ExemptionWindow notKnown = window(
                start,
                LocalDate.of(2026, 12, 1),
                rounds,
                RoundEvent.REGISTRATION_START,
                "2026-01-01",
                "2026-12-31",
                PROVISO);
        assertFalse(notKnown.nextWrittenExempt(), "the proviso is told only when the schedule covers the whole window");
    }
}

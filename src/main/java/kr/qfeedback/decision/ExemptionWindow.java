package kr.qfeedback.decision;

import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.rules.RoundEvent;

/**
 * The written-exam exemption window (필기시험 면제, 시행령 21조①) as Q-Net shows it:
 * from the pass-announcement day to the day before the anniversary, {@code years} later.
 * {@code practicalRoundsLeft} counts the known rounds still open for registration whose chosen
 * event falls inside the window; null when no schedule is known.
 */
public record ExemptionWindow(LocalDate validFrom, LocalDate validUntil, long daysRemaining, Integer practicalRoundsLeft) {

    public static ExemptionWindow of(LocalDate validFrom, int years, LocalDate asOf, List<ExamRound> rounds,
                                     RoundEvent event) {
        LocalDate validUntil = validFrom.plusYears(years).minusDays(1);
        long days = validUntil.toEpochDay() - asOf.toEpochDay();
        Integer left = null;
        if (!rounds.isEmpty()) {
            int open = 0;
            for (ExamRound r : rounds) {
                if (stillOpen(r, asOf)) {
                    LocalDate d = event == RoundEvent.EXAM_START ? r.practicalExamStart() : r.practicalRegistrationStart();
                    if (d != null && !d.isAfter(validUntil) && !d.isBefore(validFrom)) {
                        open++;
                    }
                }
            }
            left = open;
        }
        return new ExemptionWindow(validFrom, validUntil, days, left);
    }

    private static boolean stillOpen(ExamRound round, LocalDate asOf) {
        LocalDate end = round.practicalRegistrationEnd() != null ? round.practicalRegistrationEnd() : round.practicalRegistrationStart();
        return end != null && !end.isBefore(asOf);
    }
}

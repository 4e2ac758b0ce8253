package kr.qfeedback.decision.plain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.rules.RoundEvent;

/**
 * The written-exam exemption window (필기시험 면제, 시행령 21조①) as Q-Net shows it:
 * from the pass-announcement day to the day before the anniversary, {@code years} later.
 * {@code practicalRoundsLeft} counts the known rounds still open for registration whose chosen
 * event falls inside the window; null when no schedule is known.
 */
public record PlainExemptionWindow(LocalDate validFrom, LocalDate validUntil, long daysRemaining, Integer practicalRoundsLeft) {

    public static PlainExemptionWindow of(LocalDate validFrom, int years, LocalDate asOf, List<ExamRound> rounds,
                                     RoundEvent event) {
        LocalDate validUntil = validFrom.plusYears(years).minusDays(1);
        long days = ChronoUnit.DAYS.between(asOf, validUntil);
        Integer left = rounds.isEmpty() ? null : (int) rounds.stream()
                .filter(r -> stillOpen(r, asOf))
                .map(r -> event == RoundEvent.EXAM_START ? r.practicalExamStart() : r.practicalRegistrationStart())
                .filter(d -> d != null && !d.isAfter(validUntil) && !d.isBefore(validFrom))
                .count();
        return new PlainExemptionWindow(validFrom, validUntil, days, left);
    }

    private static boolean stillOpen(ExamRound round, LocalDate asOf) {
        LocalDate end = round.practicalRegistrationEnd() != null ? round.practicalRegistrationEnd() : round.practicalRegistrationStart();
        return end != null && !end.isBefore(asOf);
    }
}

package kr.qfeedback.decision.plain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.rules.RoundEvent;

/**
 * The written-exam exemption window (필기시험 면제, 시행령 21조①) as Q-Net shows it: from the
 * pass-announcement day to the day before the same day {@code years} later, counted as 민법 160조
 * counts a period in years (when that month has no such day, its last day).
 *
 * <p>A second-stage round is usable when its registration is still open on or after
 * {@code validFrom} and its chosen event falls on or before {@code validUntil}. When the known
 * schedule covers the whole window and fewer than the proviso's minimum of rounds are usable, the
 * proviso of 21조① makes the first round after the window usable as well.
 * {@code practicalRoundsLeft} counts the usable rounds whose registration has not closed on
 * {@code asOf}, null when no schedule is known; {@code roundsLeft} is LEFT when there is one,
 * NONE_LEFT when the window has expired or the known schedule reaches past it (both without the
 * proviso), else UNKNOWN.
 */
public record PlainExemptionWindow(
        LocalDate validFrom,
        LocalDate validUntil,
        long daysRemaining,
        Integer practicalRoundsLeft,
        String roundsLeft,
        boolean nextWrittenExempt) {

    public static PlainExemptionWindow of(
            LocalDate validFrom,
            int years,
            LocalDate asOf,
            List<ExamRound> rounds,
            RoundEvent event,
            LocalDate knownFrom,
            LocalDate knownUntil,
            boolean provisoEnabled,
            int provisoMinimumRounds) {
        LocalDate validUntil = lastDay(validFrom, years);
        long days = ChronoUnit.DAYS.between(asOf, validUntil);
        List<ExamRound> dated = rounds.stream()
                .filter(r -> eventOf(r, event) != null && registrationEnd(r) != null)
                .toList();
        long inWindow = dated.stream()
                .filter(r -> usable(r, event, validFrom, validUntil))
                .count();
        ExamRound firstAfter = dated.stream()
                .filter(r -> !usable(r, event, validFrom, validUntil)
                        && eventOf(r, event).isAfter(validUntil))
                .min(Comparator.comparing(r -> eventOf(r, event)))
                .orElse(null);
        boolean covered = knownFrom != null && !knownFrom.isAfter(validFrom) && !knownUntil.isBefore(validUntil);
        boolean proviso = provisoEnabled && covered && inWindow < provisoMinimumRounds;
        int open = (int) dated.stream()
                .filter(r -> !registrationEnd(r).isBefore(asOf))
                .filter(r -> usable(r, event, validFrom, validUntil) || (proviso && r == firstAfter))
                .count();
        String left;
        if (open > 0) {
            left = "LEFT";
        } else if (!proviso && (days < 0 || knownUntil != null && !knownUntil.isBefore(validUntil))) {
            left = "NONE_LEFT";
        } else {
            left = "UNKNOWN";
        }
        return new PlainExemptionWindow(validFrom, validUntil, days, rounds.isEmpty() ? null : open, left, proviso);
    }

    /** The day before the same day {@code years} later; the last day of that month when it has no such day (29 Feb). */
    static LocalDate lastDay(LocalDate from, int years) {
        YearMonth month = YearMonth.from(from).plusYears(years);
        return from.getDayOfMonth() > month.lengthOfMonth()
                ? month.atEndOfMonth()
                : month.atDay(from.getDayOfMonth()).minusDays(1);
    }

    private static boolean usable(ExamRound r, RoundEvent event, LocalDate validFrom, LocalDate validUntil) {
        return !registrationEnd(r).isBefore(validFrom) && !eventOf(r, event).isAfter(validUntil);
    }

    private static LocalDate eventOf(ExamRound r, RoundEvent event) {
        return event == RoundEvent.EXAM_START ? r.practicalExamStart() : r.practicalRegistrationStart();
    }

    private static LocalDate registrationEnd(ExamRound r) {
        return r.practicalRegistrationEnd() != null ? r.practicalRegistrationEnd() : r.practicalRegistrationStart();
    }
}

package kr.qfeedback.decision;

import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.rules.RoundEvent;

/**
 * The written-exam exemption window (필기시험 면제, 시행령 21조①) as Q-Net shows it: from the
 * pass-announcement day to the day before the same day {@code years} later, counted as 민법 160조
 * counts a period in years (a start on 29 February ends on the last day of February).
 *
 * <p>A second-stage round is usable when its registration is still open on or after
 * {@code validFrom} and its chosen event ({@link RoundEvent}) falls on or before
 * {@code validUntil}. {@code practicalRoundsLeft} counts the usable rounds whose registration has not
 * closed on {@code asOf}; null when no schedule is known.
 *
 * @param roundsLeft        whether a usable round is left: LEFT, NONE_LEFT (the window has expired,
 *                          or the known schedule covers the window and none is left) or UNKNOWN
 * @param nextWrittenExempt the proviso of 21조① applies: fewer rounds than the minimum fell in the
 *                          window, so the next written exam is exempt as well (its round is usable)
 */
public record ExemptionWindow(
        LocalDate validFrom,
        LocalDate validUntil,
        long daysRemaining,
        Integer practicalRoundsLeft,
        String roundsLeft,
        boolean nextWrittenExempt) {
    public static final String LEFT = "LEFT";
    public static final String NONE_LEFT = "NONE_LEFT";
    public static final String UNKNOWN = "UNKNOWN";

    /** The proviso of 21조①: whether it applies, and the fewest rounds a window must hold. */
    public record Proviso(boolean enabled, int minimumRounds) {}

    /**
     * @param knownFrom  the first day the qualification's known schedule covers (null when none is known)
     * @param knownUntil the last day it covers
     */
    public static ExemptionWindow of(
            LocalDate validFrom,
            int years,
            LocalDate asOf,
            List<ExamRound> rounds,
            RoundEvent event,
            LocalDate knownFrom,
            LocalDate knownUntil,
            Proviso proviso) {
        LocalDate validUntil = lastDay(validFrom, years);
        long days = validUntil.toEpochDay() - asOf.toEpochDay();
        boolean covered = knownFrom != null && !knownFrom.isAfter(validFrom) && !knownUntil.isBefore(validUntil);
        int inWindow = 0;
        ExamRound firstAfter = null;
        for (ExamRound r : rounds) {
            LocalDate e = eventOf(r, event);
            if (e == null || registrationEnd(r) == null) {
                continue;
            }
            if (usable(r, e, validFrom, validUntil)) {
                inWindow++;
            } else if (e.isAfter(validUntil) && (firstAfter == null || e.isBefore(eventOf(firstAfter, event)))) {
                firstAfter = r;
            }
        }
        boolean provisoApplies = proviso.enabled() && covered && inWindow < proviso.minimumRounds();
        int open = 0;
        for (ExamRound r : rounds) {
            LocalDate e = eventOf(r, event);
            LocalDate end = registrationEnd(r);
            if (e == null || end == null || end.isBefore(asOf)) {
                continue;
            }
            if (usable(r, e, validFrom, validUntil) || (provisoApplies && r == firstAfter)) {
                open++;
            }
        }
        String left;
        if (open > 0) {
            left = LEFT;
        } else if (days < 0 && !provisoApplies) {
            left = NONE_LEFT;
        } else if (knownUntil != null && !knownUntil.isBefore(validUntil) && !provisoApplies) {
            left = NONE_LEFT;
        } else {
            left = UNKNOWN;
        }
        return new ExemptionWindow(validFrom, validUntil, days, rounds.isEmpty() ? null : open, left, provisoApplies);
    }

    /**
     * The last day of a period of {@code years} years that starts on {@code from} (민법 157·160조): the
     * day before the corresponding day, or the last day of the month when that month has no such day.
     */
    static LocalDate lastDay(LocalDate from, int years) {
        LocalDate corresponding = from.plusYears(years);
        return corresponding.getDayOfMonth() != from.getDayOfMonth() ? corresponding : corresponding.minusDays(1);
    }

    private static boolean usable(ExamRound r, LocalDate event, LocalDate validFrom, LocalDate validUntil) {
        return !registrationEnd(r).isBefore(validFrom) && !event.isAfter(validUntil);
    }

    private static LocalDate eventOf(ExamRound r, RoundEvent event) {
        return event == RoundEvent.EXAM_START ? r.practicalExamStart() : r.practicalRegistrationStart();
    }

    private static LocalDate registrationEnd(ExamRound r) {
        return r.practicalRegistrationEnd() != null ? r.practicalRegistrationEnd() : r.practicalRegistrationStart();
    }
}

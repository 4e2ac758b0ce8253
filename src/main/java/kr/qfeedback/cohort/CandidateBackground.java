package kr.qfeedback.cohort;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.Grade;

/**
 * What a generated candidate brings besides the sitting: a birth date from the age bands, the day
 * an earlier written exam was passed, and the state of the eligibility documents.
 */
final class CandidateBackground {
    static final double YOUNG_ADULT_PERCENT = 53.5;
    static final int SAME_CYCLE_PERCENT = 55;
    static final int MIN_WRITTEN_PASS_AGE_DAYS = 14;
    static final int MAX_WRITTEN_PASS_AGE_DAYS = 803;

    /**
     * Age bands {from, to, percent of sittings}: 20–39 = 33 + 20.5 = {@value #YOUNG_ADULT_PERCENT} %
     * (docs/domain.md: 52–55 % of sittings are aged 20–39); the rest is an assumption.
     */
    static final double[][] AGE_BANDS = {
        {15, 19, 9.0}, {20, 29, 33.0}, {30, 39, 20.5}, {40, 49, 18.0}, {50, 59, 13.0}, {60, 69, 6.5}
    };

    private CandidateBackground() {}

    /** A birth date giving an age on {@code asOf} drawn from {@link #AGE_BANDS}. */
    static LocalDate birthDate(SplittableRandom r, Grade grade, LocalDate asOf) {
        double ticket = r.nextDouble() * 100;
        int band = 0;
        for (double cumulative = AGE_BANDS[0][2]; ticket >= cumulative && band < AGE_BANDS.length - 1; ) {
            band++;
            cumulative += AGE_BANDS[band][2];
        }
        int from = (int) AGE_BANDS[band][0];
        int to = (int) AGE_BANDS[band][1];
        int age = from + r.nextInt(to - from + 1);
        if (age < 20 && grade != Grade.CRAFTSMAN && grade != Grade.SERVICE) {
            age = 40 + r.nextInt(30);
        } else if (age < 30 && age >= 20 && (grade == Grade.PROFESSIONAL_ENGINEER || grade == Grade.MASTER_CRAFTSMAN)) {
            age += 10;
        }
        LocalDate latest = asOf.minusYears(age);
        LocalDate earliest = asOf.minusYears(age + 1L).plusDays(1);
        return earliest.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(earliest, latest) + 1));
    }

    /** The written pass of the same round, or of an earlier one two weeks to ~2.2 years before the exam. */
    static LocalDate writtenPassAnnouncedOn(SplittableRandom r, Sitting sitting, LocalDate examDate) {
        if (sitting.writtenPassOfRound() != null
                && !sitting.writtenPassOfRound().isAfter(examDate)
                && r.nextInt(100) < SAME_CYCLE_PERCENT) {
            return sitting.writtenPassOfRound();
        }
        return examDate.minusDays(
                MIN_WRITTEN_PASS_AGE_DAYS + r.nextInt(MAX_WRITTEN_PASS_AGE_DAYS - MIN_WRITTEN_PASS_AGE_DAYS + 1));
    }

    /** 60 % NOT_SUBMITTED, 30 % SUBMITTED, 10 % NOT_REQUIRED. */
    static DocumentStatus documents(SplittableRandom r) {
        int ticket = r.nextInt(100);
        return ticket < 60
                ? DocumentStatus.NOT_SUBMITTED
                : ticket < 90 ? DocumentStatus.SUBMITTED : DocumentStatus.NOT_REQUIRED;
    }
}

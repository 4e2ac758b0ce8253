package kr.qfeedback.decision.lint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;

/**
 * The law of docs/domain.md that the pages must follow, computed here on its own, without the
 * decision code or the shipped rules, so that a guard does not inherit the code's mistakes.
 * Criteria are the grade criteria of 영 20조 ("Pass criteria"); a qualification that states another
 * criterion is not covered (the edge cohort uses none).
 */
public final class PassLaw {
    public static final BigDecimal SUBJECT_MINIMUM = BigDecimal.valueOf(40);
    public static final BigDecimal AVERAGE_MINIMUM = BigDecimal.valueOf(60);
    public static final int EXEMPTION_YEARS = 2;
    public static final int EXPIRING_DAYS = 90;
    /** The youth discount is for people aged 34 or under on 1 January: born on or after 1 January of (year − 35). */
    public static final int YOUTH_CUTOFF_YEARS = 35;

    private PassLaw() {}

    /** 기사, 산업기사 and service written exams are judged by subject (과락 under 40); the other grades by the whole paper. */
    public static boolean judgedBySubject(Grade grade, Stage stage) {
        return stage == Stage.WRITTEN
                && (grade == Grade.ENGINEER || grade == Grade.INDUSTRIAL_ENGINEER || grade == Grade.SERVICE);
    }

    /**
     * Whether the scores meet the criterion at full precision: TRUE or FALSE when they decide it,
     * null when they cannot (no score, or a by-subject written exam sent without its subjects
     * whose average reaches 60: a subject under 40 may still have failed it).
     */
    public static Boolean meets(Grade grade, Stage stage, Double totalScore, List<SubjectScore> subjects) {
        if (judgedBySubject(grade, stage)) {
            if (!subjects.isEmpty()) {
                BigDecimal sum = BigDecimal.ZERO;
                boolean everySubject = true;
                for (SubjectScore s : subjects) {
                    BigDecimal score = BigDecimal.valueOf(s.score());
                    everySubject &= score.compareTo(SUBJECT_MINIMUM) >= 0;
                    sum = sum.add(score);
                }
                // average ≥ 60 ⇔ sum ≥ 60 × n, without rounding a quotient
                return everySubject
                        && sum.compareTo(AVERAGE_MINIMUM.multiply(BigDecimal.valueOf(subjects.size()))) >= 0;
            }
            if (totalScore == null) {
                return null;
            }
            return BigDecimal.valueOf(totalScore).compareTo(AVERAGE_MINIMUM) < 0 ? Boolean.FALSE : null;
        }
        if (totalScore == null) {
            return null;
        }
        return BigDecimal.valueOf(totalScore).compareTo(AVERAGE_MINIMUM) >= 0;
    }

    /**
     * The last day of the written exemption that starts on {@code validFrom}: the day before the
     * same date {@value #EXEMPTION_YEARS} years on, and where that year has no such day (a start on
     * 29 February) the last day of that month (민법 160조): 2024-02-29 → 2026-02-28.
     */
    public static LocalDate exemptionEnd(LocalDate validFrom) {
        LocalDate anniversary = validFrom.plusYears(EXEMPTION_YEARS); // 29 Feb becomes 28 Feb in a common year
        boolean noSuchDay = validFrom.getMonth() == Month.FEBRUARY
                && validFrom.getDayOfMonth() == 29
                && anniversary.getDayOfMonth() != 29;
        return noSuchDay ? anniversary : anniversary.minusDays(1);
    }

    /** ACTIVE, EXPIRING (≤ 90 days left) or EXPIRED (the last day has gone). */
    public static String exemptionStatus(long daysRemaining) {
        return daysRemaining < 0 ? "EXPIRED" : daysRemaining <= EXPIRING_DAYS ? "EXPIRING" : "ACTIVE";
    }

    /** The earliest birth date that gets the youth discount in {@code asOf}'s year (2026: 1991-01-01). */
    public static LocalDate youthCutoff(LocalDate asOf) {
        return LocalDate.of(asOf.getYear() - YOUTH_CUTOFF_YEARS, 1, 1);
    }
}

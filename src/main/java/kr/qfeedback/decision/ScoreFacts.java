package kr.qfeedback.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.PassCriterion;

/**
 * Arithmetic on the scores against the pass criterion that applies: the average (of the subjects
 * when there are any, else the total score), the lowest subject, the subjects under the subject
 * minimum (과락), the shortfall to the average minimum and whether the score met the criterion.
 * Averages and shortfalls are rounded half-up to two decimals.
 */
public record ScoreFacts(
        PassCriterion criterion,
        Double average,
        Double lowestSubjectScore,
        List<String> subjectsBelowMinimum,
        List<String> weakestFirst,
        Double shortfall,
        boolean meetsCriterion) {

    /**
     * The subjects' mean with the compensated summation the average has always been computed with
     * ({@code DoubleStream.average()}), without a stream: the same bits ({@code ScoreFactsTest}).
     */
    static double average(List<SubjectScore> subjects) {
        DoubleSummaryStatistics statistics = new DoubleSummaryStatistics();
        for (int i = 0, n = subjects.size(); i < n; i++) {
            statistics.accept(subjects.get(i).score());
        }
        return statistics.getAverage();
    }

    /**
     * Judges the scores against the criterion at full precision (영 20조): every subject at least the
     * subject minimum, and the judged score at least the average minimum. The judged score is the
     * whole paper out of 100 ({@code totalScore}) when {@code wholePaper}, else the mean of the
     * subjects (the total score when no subject is given). The mean is compared exactly, on the
     * sum of tenths (scores have at most one decimal place), so that 59.995 is under 60.
     */
    public static ScoreFacts of(
            Double totalScore, List<SubjectScore> subjects, PassCriterion criterion, boolean wholePaper) {
        Integer subjectMinimum = criterion == null ? null : criterion.subjectMinimum();
        Double lowest = null;
        List<String> below = new ArrayList<>(2);
        for (SubjectScore s : subjects) {
            if (lowest == null || Double.compare(s.score(), lowest) < 0) {
                lowest = s.score();
            }
            if (subjectMinimum != null && s.score() < subjectMinimum) {
                below.add(s.name());
            }
        }
        boolean onSubjects = !wholePaper && !subjects.isEmpty();
        Double judged = onSubjects ? Double.valueOf(average(subjects)) : totalScore;
        Boolean averageMet = judged == null || criterion == null
                ? null
                : onSubjects
                        ? meetsOnAverage(subjects, criterion.averageMinimum())
                        : Boolean.valueOf(judged >= criterion.averageMinimum());
        Double average = judged == null ? null : Double.valueOf(displayed(judged, averageMet, criterion));
        List<String> weakest = weakestFirst(subjects);
        Double shortfall = average == null || criterion == null
                ? null
                : Double.valueOf(averageMet ? 0 : shortfall(criterion.averageMinimum(), average));
        boolean meets = averageMet != null && averageMet && below.isEmpty();
        return new ScoreFacts(criterion, average, lowest, List.copyOf(below), weakest, shortfall, meets);
    }

    /**
     * The points from the shown score up to the minimum, in whole hundredths (the shown score has two
     * decimals and is under the minimum when it was missed), at least 0.01.
     */
    private static double shortfall(int minimum, double shown) {
        long hundredths = (long) minimum * 100 - Math.round(shown * 100);
        return Math.max(1, hundredths) / 100.0;
    }

    /** Whether the subjects' mean is at least {@code minimum}, compared exactly on whole tenths. */
    static boolean meetsOnAverage(List<SubjectScore> subjects, int minimum) {
        long tenths = 0;
        for (int i = 0, n = subjects.size(); i < n; i++) {
            double score = subjects.get(i).score();
            long t = Math.round(score * 10);
            if (t / 10.0 != score) { // more than one decimal place: compare the exact decimal sum
                BigDecimal total = BigDecimal.ZERO;
                for (SubjectScore s : subjects) {
                    total = total.add(BigDecimal.valueOf(s.score()));
                }
                return total.compareTo(BigDecimal.valueOf((long) minimum * subjects.size())) >= 0;
            }
            tenths += t;
        }
        return tenths >= (long) minimum * 10 * subjects.size();
    }

    /**
     * The judged score as shown: rounded half-up to two decimals, except that a score under the
     * minimum is never shown as reaching it (59.995 shows as 59.99, not 60).
     */
    private static double displayed(double judged, Boolean met, PassCriterion criterion) {
        double shown = round(judged);
        if (Boolean.FALSE.equals(met) && shown >= criterion.averageMinimum()) {
            shown = BigDecimal.valueOf(judged).setScale(2, RoundingMode.FLOOR).doubleValue();
        }
        return shown;
    }

    /** Subject names from the lowest score up; equal scores keep the order they were sent in. */
    private static List<String> weakestFirst(List<SubjectScore> subjects) {
        if (subjects.size() <= 1) {
            return subjects.isEmpty() ? List.of() : List.of(subjects.get(0).name());
        }
        SubjectScore[] sorted = subjects.toArray(new SubjectScore[0]);
        Arrays.sort(sorted, Comparator.comparingDouble(SubjectScore::score)); // stable
        String[] names = new String[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            names[i] = sorted[i].name();
        }
        return List.of(names);
    }

    public boolean belowSubjectMinimum(SubjectScore subject) {
        return criterion != null && criterion.subjectMinimum() != null && subject.score() < criterion.subjectMinimum();
    }

    /**
     * {@code value} rounded half-up to two decimals (of its shortest decimal form). A value that
     * already is a whole number of hundredths from 0 to 100 is its own rounding, which is looked up
     * instead of going through BigDecimal ({@code ScoreFactsRoundingTest} checks every such value).
     */
    static double round(double value) {
        if (value >= 0 && value <= 100) {
            long k = Math.round(value * 100);
            if (k / 100.0 == value && value != 0) {
                return value;
            }
        }
        return roundExactly(value);
    }

    /** A score as written in a message: without trailing zeros (59.9, 60). */
    static String plain(Double value) {
        return value == null
                ? "null"
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static double roundExactly(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}

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

    public static ScoreFacts of(Double totalScore, List<SubjectScore> subjects, PassCriterion criterion) {
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
        Double average = subjects.isEmpty() ? totalScore : Double.valueOf(round(average(subjects)));
        List<String> weakest = weakestFirst(subjects);
        Double shortfall = average == null || criterion == null ? null
                : Double.valueOf(round(Math.max(0, criterion.averageMinimum() - average)));
        boolean meets = average != null && criterion != null && average >= criterion.averageMinimum() && below.isEmpty();
        return new ScoreFacts(criterion, average, lowest, List.copyOf(below), weakest, shortfall, meets);
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

    static double roundExactly(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}

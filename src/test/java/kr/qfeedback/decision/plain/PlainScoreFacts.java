package kr.qfeedback.decision.plain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.PassCriterion;

/**
 * Arithmetic on the scores against the pass criterion that applies: the average (of the subjects
 * when there are any, else the total score), the lowest subject, the subjects under the subject
 * minimum (과락), the shortfall to the average minimum and whether the score met the criterion.
 * Averages and shortfalls are rounded half-up to two decimals.
 */
public record PlainScoreFacts(
        PassCriterion criterion,
        Double average,
        Double lowestSubjectScore,
        List<String> subjectsBelowMinimum,
        List<String> weakestFirst,
        Double shortfall,
        boolean meetsCriterion) {

    public static PlainScoreFacts of(Double totalScore, List<SubjectScore> subjects, PassCriterion criterion) {
        Double average = subjects.isEmpty() ? totalScore
                : Double.valueOf(round(subjects.stream().mapToDouble(SubjectScore::score).average().orElseThrow()));
        Double lowest = subjects.stream().map(SubjectScore::score).min(Double::compare).orElse(null);
        List<String> below = criterion == null || criterion.subjectMinimum() == null ? List.of()
                : subjects.stream().filter(s -> s.score() < criterion.subjectMinimum()).map(SubjectScore::name).toList();
        List<String> weakest = subjects.stream()
                .sorted(Comparator.comparingDouble(SubjectScore::score))
                .map(SubjectScore::name).toList();
        Double shortfall = average == null || criterion == null ? null
                : Double.valueOf(round(Math.max(0, criterion.averageMinimum() - average)));
        boolean meets = average != null && criterion != null && average >= criterion.averageMinimum() && below.isEmpty();
        return new PlainScoreFacts(criterion, average, lowest, below, weakest, shortfall, meets);
    }

    public boolean belowSubjectMinimum(SubjectScore subject) {
        return criterion != null && criterion.subjectMinimum() != null && subject.score() < criterion.subjectMinimum();
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}

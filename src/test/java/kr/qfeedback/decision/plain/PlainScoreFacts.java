package kr.qfeedback.decision.plain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.PassCriterion;

/**
 * Arithmetic on the scores against the pass criterion that applies (영 20조): the judged score (the
 * mean of the subjects when there are any and the stage is not judged on the whole paper, else the
 * total score), the lowest subject, the subjects under the subject minimum (과락), the shortfall to
 * the average minimum and whether the score met the criterion. The criterion is met at full
 * precision (the subjects' exact decimal sum against minimum × count); the judged score is shown
 * rounded half-up to two decimals, but never as reaching a minimum it missed, and a missed minimum
 * is never short by less than 0.01.
 */
public record PlainScoreFacts(
        PassCriterion criterion,
        Double average,
        Double lowestSubjectScore,
        List<String> subjectsBelowMinimum,
        List<String> weakestFirst,
        Double shortfall,
        boolean meetsCriterion) {

    public static PlainScoreFacts of(
            Double totalScore, List<SubjectScore> subjects, PassCriterion criterion, boolean wholePaper) {
        boolean onSubjects = !wholePaper && !subjects.isEmpty();
        Double judged = onSubjects
                ? Double.valueOf(subjects.stream()
                        .mapToDouble(SubjectScore::score)
                        .average()
                        .orElseThrow())
                : totalScore;
        Boolean averageMet = null;
        if (judged != null && criterion != null) {
            if (onSubjects) {
                BigDecimal sum = subjects.stream()
                        .map(s -> BigDecimal.valueOf(s.score()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                averageMet = sum.compareTo(BigDecimal.valueOf(criterion.averageMinimum())
                                .multiply(BigDecimal.valueOf(subjects.size())))
                        >= 0;
            } else {
                averageMet = judged >= criterion.averageMinimum();
            }
        }
        Double average = null;
        if (judged != null) {
            double shown = round(judged);
            if (Boolean.FALSE.equals(averageMet) && shown >= criterion.averageMinimum()) {
                shown = BigDecimal.valueOf(judged)
                        .setScale(2, RoundingMode.FLOOR)
                        .doubleValue();
            }
            average = shown;
        }
        Double lowest =
                subjects.stream().map(SubjectScore::score).min(Double::compare).orElse(null);
        List<String> below = criterion == null || criterion.subjectMinimum() == null
                ? List.of()
                : subjects.stream()
                        .filter(s -> s.score() < criterion.subjectMinimum())
                        .map(SubjectScore::name)
                        .toList();
        List<String> weakest = subjects.stream()
                .sorted(Comparator.comparingDouble(SubjectScore::score))
                .map(SubjectScore::name)
                .toList();
        Double shortfall = average == null || criterion == null
                ? null
                : averageMet
                        ? Double.valueOf(0)
                        : Double.valueOf(Math.max(
                                0.01,
                                BigDecimal.valueOf(criterion.averageMinimum())
                                        .subtract(BigDecimal.valueOf(average))
                                        .doubleValue()));
        boolean meets = Boolean.TRUE.equals(averageMet) && below.isEmpty();
        return new PlainScoreFacts(criterion, average, lowest, below, weakest, shortfall, meets);
    }

    public boolean belowSubjectMinimum(SubjectScore subject) {
        return criterion != null && criterion.subjectMinimum() != null && subject.score() < criterion.subjectMinimum();
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}

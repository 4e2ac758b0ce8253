package kr.qfeedback.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.rules.Parameters;

/**
 * The score fields of the profiles in {@link ProfileSpace}: the total and lowest subject scores that
 * can matter, and the combinations of them with the cut-off and the criterion a request can produce.
 */
final class ScoreCombinations {
    private static final List<Boolean> YES_NO = List.of(true, false);
    private static final List<Boolean> NO = List.of(false);
    private static final BigDecimal SCORE_STEP = new BigDecimal("0.1");

    /** The score-related fields of one profile. */
    record Score(boolean scored, boolean subjectsScored, Double total, Double lowest, boolean below, boolean meets) {}

    private final List<Double> lowestScores;
    private final List<Double> totalScores;
    private final boolean totalRead;
    private final double highestSubjectMinimum;
    private final double lowestAverageMinimum;
    private final double highestAverageMinimum;
    private final boolean criterionAlwaysKnown;

    ScoreCombinations(Parameters parameters, ReferenceCatalogue reference, RuleReads reads) {
        List<PassCriterion> criteria = new ArrayList<>();
        criteria.addAll(parameters.writtenCriteria().values());
        criteria.addAll(parameters.secondStageCriteria().values());
        for (Qualification q : reference.all()) {
            Stream.of(q.writtenCriterion(), q.secondStageCriterion())
                    .filter(Objects::nonNull)
                    .forEach(criteria::add);
        }
        this.highestSubjectMinimum = criteria.stream()
                .map(PassCriterion::subjectMinimum)
                .filter(Objects::nonNull)
                .mapToDouble(Integer::doubleValue)
                .max()
                .orElse(Double.NEGATIVE_INFINITY);
        this.lowestAverageMinimum = criteria.stream()
                .mapToDouble(PassCriterion::averageMinimum)
                .min()
                .orElse(0);
        this.highestAverageMinimum = criteria.stream()
                .mapToDouble(PassCriterion::averageMinimum)
                .max()
                .orElse(100);
        this.criterionAlwaysKnown = parameters.writtenCriteria().keySet().containsAll(Arrays.asList(Grade.values()))
                && parameters.secondStageCriteria().keySet().containsAll(Arrays.asList(Grade.values()));

        this.lowestScores = scores(List.of(0.0, 39.9, 40.0, 59.9, 60.0, 100.0), reads.thresholds("lowestSubjectScore"));
        this.totalRead = reads.read("totalScore");
        this.totalScores = scores(List.of(0.0, 45.0, 59.9, 60.0, 75.0, 100.0), reads.thresholds("totalScore"));
    }

    /** Every lowest subject score of the space, ascending. */
    List<Double> lowestScores() {
        return lowestScores;
    }

    /** The score combinations of a result; listed so that a pass meets the criterion first and a fail misses it first. */
    List<Score> of(ExamResult result) {
        if (result == ExamResult.ABSENT) {
            return List.of(new Score(false, false, null, null, false, false));
        }
        boolean pass = result == ExamResult.PASS;
        List<Score> scores = new ArrayList<>();
        for (boolean meets : pass ? YES_NO : List.of(false, true)) {
            for (Double total : totals(meets, false)) {
                scores.add(new Score(true, false, total, null, false, meets));
            }
        }
        for (double lowest : lowestScores) {
            boolean canBeBelow = lowest < highestSubjectMinimum;
            for (boolean below : !canBeBelow ? NO : pass ? List.of(false, true) : YES_NO) {
                boolean mustMeet = !below && criterionAlwaysKnown && lowest >= highestAverageMinimum;
                for (boolean meets : below ? NO : mustMeet ? List.of(true) : pass ? YES_NO : List.of(false, true)) {
                    for (Double total : totals(meets, true)) {
                        scores.add(new Score(true, true, total, lowest, below, meets));
                    }
                }
            }
        }
        return scores;
    }

    /**
     * Total scores consistent with the criterion. Without subject scores the total is the average, so
     * meeting the criterion needs a total at or above some average minimum and missing it one under some.
     */
    List<Double> totals(boolean meets, boolean subjects) {
        if (!totalRead) {
            return List.of(
                    meets
                            ? Math.max(75.0, highestAverageMinimum)
                            : Math.min(45.0, Math.max(0, lowestAverageMinimum - 0.1)));
        }
        return totalScores.stream()
                .filter(t -> subjects
                        || (meets ? t >= lowestAverageMinimum : t < highestAverageMinimum || !criterionAlwaysKnown))
                .toList();
    }

    /** Scores from 0 to 100 with one decimal: the base values and each threshold with its neighbours. */
    private static List<Double> scores(List<Double> base, Set<BigDecimal> thresholds) {
        TreeSet<BigDecimal> values = new TreeSet<>();
        base.forEach(v -> values.add(BigDecimal.valueOf(v)));
        for (BigDecimal t : thresholds) {
            BigDecimal rounded = t.setScale(1, RoundingMode.HALF_UP);
            for (BigDecimal v : List.of(rounded.subtract(SCORE_STEP), rounded, rounded.add(SCORE_STEP))) {
                if (v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0) {
                    values.add(v);
                }
            }
        }
        List<Double> result = new ArrayList<>();
        TreeSet<Double> seen = new TreeSet<>();
        for (BigDecimal v : values) {
            if (seen.add(v.doubleValue())) {
                result.add(v.doubleValue());
            }
        }
        return result;
    }
}

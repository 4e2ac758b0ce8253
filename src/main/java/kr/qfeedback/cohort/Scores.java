package kr.qfeedback.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import kr.qfeedback.decision.ScoreFacts;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.PassCriterion;

/**
 * The scores of one generated sitting, drawn to agree with its result under the criterion the
 * decider applies: a total, and the subject scores of a written sitting whose subjects are known.
 */
record Scores(Double total, List<SubjectScore> subjects) {
    /** Per cent of FAILs, under a criterion with a subject minimum, that fail on one subject (과락). */
    static final int CUT_FAIL_PERCENT = 35;

    /**
     * Scores with one decimal place: a PASS meets {@code criterion}; a FAIL misses the average or
     * has a subject under the subject minimum; an ABSENT has none.
     */
    static Scores draw(
            SplittableRandom r, ExamResult result, List<String> names, PassCriterion criterion, boolean wholePaper) {
        if (result == ExamResult.ABSENT) {
            return new Scores(null, List.of());
        }
        boolean pass = result == ExamResult.PASS;
        int averageMinimum = criterion.averageMinimum() * 10;
        if (names.isEmpty()) {
            int tenths = pass
                    ? clamp(averageMinimum + (int) Math.round(Math.abs(gaussian(r)) * 120), averageMinimum, 1000)
                    : clamp(
                            averageMinimum - 1 - (int) Math.round(Math.abs(gaussian(r)) * 150),
                            0,
                            Math.max(0, averageMinimum - 1));
            return new Scores(tenths / 10.0, List.of());
        }
        int n = names.size();
        Integer subjectMinimum = criterion.subjectMinimum() == null ? null : criterion.subjectMinimum() * 10;
        int[] tenths = new int[n];
        for (int attempt = 0; attempt < 64; attempt++) {
            if (pass) {
                double mean = averageMinimum + 60 + Math.abs(gaussian(r)) * 70;
                for (int i = 0; i < n; i++) {
                    tenths[i] = clamp((int) Math.round(mean + gaussian(r) * 90), 0, 1000);
                }
            } else if (subjectMinimum != null && subjectMinimum > 0 && r.nextInt(100) < CUT_FAIL_PERCENT) {
                for (int i = 0; i < n; i++) {
                    tenths[i] = clamp((int) Math.round(averageMinimum + 20 + gaussian(r) * 120), 0, 1000);
                }
                tenths[r.nextInt(n)] = r.nextInt(subjectMinimum);
            } else {
                double mean = averageMinimum - 40 - Math.abs(gaussian(r)) * 90;
                int floor = subjectMinimum == null || subjectMinimum >= averageMinimum ? 0 : subjectMinimum;
                for (int i = 0; i < n; i++) {
                    tenths[i] = clamp((int) Math.round(mean + gaussian(r) * 100), floor, 1000);
                }
            }
            Scores scores = withSubjects(names, tenths);
            if (ScoreFacts.of(scores.total, scores.subjects, criterion, wholePaper)
                            .meetsCriterion()
                    == pass) {
                return scores;
            }
        }
        // Practically unreachable; a deterministic answer that is right by construction.
        Arrays.fill(
                tenths,
                pass
                        ? Math.max(averageMinimum, subjectMinimum == null ? 0 : subjectMinimum)
                        : Math.max(0, averageMinimum - 10));
        return withSubjects(names, tenths);
    }

    /** The subject scores and their mean truncated to one decimal as the total. */
    private static Scores withSubjects(List<String> names, int[] tenths) {
        List<SubjectScore> subjects = new ArrayList<>(names.size());
        long sum = 0;
        for (int i = 0; i < names.size(); i++) {
            subjects.add(new SubjectScore(names.get(i), tenths[i] / 10.0));
            sum += tenths[i];
        }
        long meanTenths = Math.floorDiv(sum, names.size());
        return new Scores(meanTenths / 10.0, subjects);
    }

    /** Box–Muller through StrictMath, so that the same seed gives the same numbers on every JVM. */
    private static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}

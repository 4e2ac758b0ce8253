package kr.qfeedback.cohort;

import java.util.List;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.YearlyPassRate;
import kr.qfeedback.rules.Parameters;

/**
 * A qualification as the cohort draws it, resolved once: its share of the year's applicants, its
 * pass rates, its sittings, and the pass criteria and document duty the rule set's parameters give it.
 */
final class CohortQualification {
    final String code;
    final String name;
    final Grade grade;
    final long weight;
    final double writtenShare;
    final double writtenPassRate;
    final double secondPassRate;
    final List<String> writtenSubjects;
    final PassCriterion writtenCriterion;
    final PassCriterion secondCriterion;
    final boolean writtenWholePaper;
    final boolean secondWholePaper;
    final Sitting[] writtenSittings;
    final Sitting[] secondSittings;
    final boolean documentsRequired;

    private CohortQualification(
            Qualification q,
            Parameters parameters,
            long writtenApplicants,
            long secondApplicants,
            double writtenPassRate,
            double secondPassRate) {
        this.code = q.code();
        this.name = q.name();
        this.grade = q.grade();
        this.weight = writtenApplicants + secondApplicants;
        this.writtenShare = (double) writtenApplicants / weight;
        this.writtenPassRate = writtenPassRate;
        this.secondPassRate = secondPassRate;
        this.writtenSubjects = q.writtenSubjects();
        this.writtenCriterion = parameters.criterion(q.code(), grade, false);
        this.secondCriterion = parameters.criterion(q.code(), grade, true);
        this.writtenWholePaper = parameters.judgedOnWholePaper(grade, false);
        this.secondWholePaper = parameters.judgedOnWholePaper(grade, true);
        this.writtenSittings = Sitting.of(q.rounds(), true);
        this.secondSittings = Sitting.of(q.rounds(), false);
        this.documentsRequired = parameters.requiresDocuments(grade, q.code());
    }

    /** Null when the qualification had no applicants in {@code year}. */
    static CohortQualification of(Qualification q, Parameters parameters, int year) {
        YearlyPassRate written = inYear(q.writtenStatistics(), year);
        YearlyPassRate second = inYear(q.secondStageStatistics(), year);
        long w = written == null ? 0 : Math.max(0, written.applicants());
        long s = second == null ? 0 : Math.max(0, second.applicants());
        if (w + s == 0) {
            return null;
        }
        return new CohortQualification(q, parameters, w, s, drawRate(written), drawRate(second));
    }

    /** The pass rate to draw results with; a stage nobody sat has none and is never drawn (weight 0). */
    private static double drawRate(YearlyPassRate figures) {
        return figures == null || figures.passRate() == null ? 0 : figures.passRate();
    }

    private static YearlyPassRate inYear(List<YearlyPassRate> statistics, int year) {
        for (YearlyPassRate y : statistics) {
            if (y.year() == year) {
                return y;
            }
        }
        return null;
    }
}

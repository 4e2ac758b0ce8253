package kr.qfeedback.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.rules.model.PolicyParameters;

/**
 * The policy numbers and switches from {@code rules/parameters.yaml}. Java reads only those that
 * feed fact arithmetic (exemption length and its proviso, round counting, pass criteria, who must
 * submit eligibility documents); the rules read the rest through {@link #toFact()}.
 *
 * @param seriesSchedule        where a qualification's own schedule and its series schedule disagree on a
 *                              date, use the series date (else the qualification's own)
 * @param provisoEnabled        whether 영 21조① 단서 is applied: fewer than {@code provisoMinimumRounds}
 *                              rounds in the window exempt the next written exam as well
 * @param documentGrades        grades whose written passers must prove their eligibility (규 14조)
 * @param documentQualifications service 종목 codes that must as well
 * @param criterionExceptions   per-qualification pass criteria that depart from the grade's, each with its source
 * @param youthDiscountEnabled  whether the youth fee discount programme is running
 * @param linkHosts             the hosts the links of messages.yaml may point to (lower case, exact)
 * @param reminders             the reminder table, the survey's last day and the link text messages carry
 */
public record Parameters(
        int exemptionExpiringDays,
        int exemptionYears,
        RoundEvent roundEvent,
        boolean seriesSchedule,
        boolean provisoEnabled,
        int provisoMinimumRounds,
        int youthMaxAge,
        boolean youthDiscountEnabled,
        boolean surveyEnabled,
        Map<Grade, PassCriterion> writtenCriteria,
        Map<Grade, PassCriterion> secondStageCriteria,
        List<CriterionException> criterionExceptions,
        Set<Grade> documentGrades,
        Set<String> documentQualifications,
        Set<String> linkHosts,

        ReminderTable reminders) {

    /**
     * A qualification whose stated criterion departs from its grade's (영 20조 단서, the
     * qualification's own 취득방법 text), kept by policy staff with its source.
     */
    public record CriterionException(String code, boolean secondStage, PassCriterion criterion, String source) {
        public CriterionException {
            Objects.requireNonNull(code, "code must not be null");
            Objects.requireNonNull(criterion, "criterion must not be null");
        }
    }

    public Parameters {
        Objects.requireNonNull(roundEvent, "roundEvent must not be null");
        Objects.requireNonNull(reminders, "reminders must not be null");
        writtenCriteria = Map.copyOf(writtenCriteria);
        secondStageCriteria = Map.copyOf(secondStageCriteria);
        criterionExceptions = List.copyOf(criterionExceptions);
        documentGrades = Set.copyOf(documentGrades);
        documentQualifications = Set.copyOf(documentQualifications);
        linkHosts = Set.copyOf(linkHosts);
    }

    public PolicyParameters toFact() {
        return new PolicyParameters(exemptionExpiringDays, youthMaxAge, youthDiscountEnabled, surveyEnabled);
    }

    /** The grade's criterion (영 20조), null when the parameters name none. */
    public PassCriterion defaultCriterion(Grade grade, boolean secondStage) {
        return (secondStage ? secondStageCriteria : writtenCriteria).get(grade);
    }

    /** The criterion that applies to a qualification's stage: its listed exception, else the grade's. */
    public PassCriterion criterion(String code, Grade grade, boolean secondStage) {
        for (CriterionException e : criterionExceptions) {
            if (e.secondStage() == secondStage && e.code().equals(code)) {
                return e.criterion();
            }
        }
        return defaultCriterion(grade, secondStage);
    }

    /**
     * Whether the grade's written exam is judged on the whole paper out of 100 rather than on each
     * subject and their average: its default criterion has no per-subject minimum (기술사, 기능장, 기능사).
     */
    public boolean judgedOnWholePaper(Grade grade, boolean secondStage) {
        PassCriterion c = defaultCriterion(grade, secondStage);
        return secondStage || c == null || c.subjectMinimum() == null;
    }

    /** Whether the written passers of this qualification must submit eligibility documents (규 14조). */
    public boolean requiresDocuments(Grade grade, String code) {
        return documentGrades.contains(grade) || (code != null && documentQualifications.contains(code));
    }
}

package kr.qfeedback.rules;

import java.util.Map;
import java.util.Objects;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.rules.model.PolicyParameters;

/**
 * The policy numbers and switches from {@code rules/parameters.yaml}. Java reads only those that
 * feed fact arithmetic (exemption length, round counting, default pass criteria); the rules read
 * the rest through {@link #toFact()}.
 */
public record Parameters(
        int exemptionExpiringDays,
        int exemptionYears,
        RoundEvent roundEvent,
        int youthMaxAge,
        boolean surveyEnabled,
        Map<Grade, PassCriterion> writtenCriteria,
        Map<Grade, PassCriterion> secondStageCriteria) {

    public Parameters {
        Objects.requireNonNull(roundEvent, "roundEvent must not be null");
        writtenCriteria = Map.copyOf(writtenCriteria);
        secondStageCriteria = Map.copyOf(secondStageCriteria);
    }

    public PolicyParameters toFact() {
        return new PolicyParameters(exemptionExpiringDays, youthMaxAge, surveyEnabled);
    }

    public PassCriterion defaultCriterion(Grade grade, boolean secondStage) {
        return (secondStage ? secondStageCriteria : writtenCriteria).get(grade);
    }
}

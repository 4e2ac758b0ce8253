package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import kr.qfeedback.rules.model.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memo groups profiles by the thresholds of the rules it was compiled with, so it must stay
 * exact when staff move a threshold: on edited copies of the rules folder, memoised and plain
 * evaluation agree on a large random cohort, as {@link MemoisedOutcomeTest} proves for the shipped rules.
 */
class MemoisedOutcomeOnEditedRulesTest {
    private static final int COHORT = 40_000;
    private static RuleSet shipped;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileShippedRules() {
        shipped = new RuleSetCompiler().compile(RuleFiles.read(RuleFolder.SHIPPED));
    }

    @Test
    void memoisedAndPlainEvaluationAgreeWhenParametersYamlMovesTheYouthAgeAndExpiringDaysThresholds() {
        RuleSet edited = RuleFolder.copyOfShippedRules(dir)
                .replace(ParametersReader.FILE, "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 29")
                .replace(ParametersReader.FILE, "필기면제 임박 일수: 90", "필기면제 임박 일수: 30")
                .compile();

        assertEquals("thresholds [29.0]", edited.memoGrouping().get("age"), "the memo groups ages by the edited limit");
        assertEquals(
                "thresholds [0.0, 30.0]",
                edited.memoGrouping().get("exemptionDaysRemaining"),
                "the memo groups remaining days by the edited limit");
        assertMemoisedEqualsPlainOnARandomCohort(edited, 20261207L);
    }

    @Test
    void memoisedAndPlainEvaluationAgreeWhenADecisionTableRowMovesItsLowestSubjectScoreThreshold() {
        RuleSet edited = RuleFolder.copyOfShippedRules(dir).cell("H23", 45).compile();

        assertTrue(
                edited.memoGrouping().get("lowestSubjectScore").contains("45.0"),
                () -> "the memo groups subject scores by the edited cell: " + edited.memoGrouping());
        assertMemoisedEqualsPlainOnARandomCohort(edited, 20261208L);
    }

    /**
     * Every profile of the cohort gets the same outcome from the memo as from a fresh session; and
     * the edit matters: some profiles are decided otherwise than by the shipped rules, so a memo
     * grouped by the shipped thresholds would answer them wrongly.
     */
    private static void assertMemoisedEqualsPlainOnARandomCohort(RuleSet edited, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int decidedOtherwise = 0;
        for (int i = 0; i < COHORT; i++) {
            Profile p = MemoisedOutcomeTest.randomProfile(random);
            RuleOutcome plain = edited.evaluateUncached(p);
            assertEquals(plain, edited.evaluate(p), "profile " + p);
            if (!plain.equals(shipped.evaluate(p))) {
                decidedOtherwise++;
            }
        }
        assertTrue(decidedOtherwise > 0, "the edit changes some decisions of the cohort");
        assertTrue(
                edited.memoStatistics()[0] > 0,
                "profiles the edited rules cannot tell apart share one memoised outcome");
    }
}

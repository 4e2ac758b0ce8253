package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kr.qfeedback.rules.model.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The memo must never change a decision: memoised and plain evaluation agree on every profile. */
class MemoisedOutcomeTest {
    private static RuleSet rules;

    @BeforeAll
    static void compileShippedRules() {
        rules = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));
    }

    private static final List<String> STAGES = List.of("WRITTEN", "PRACTICAL", "INTERVIEW");
    private static final List<String> RESULTS = List.of("PASS", "FAIL", "ABSENT");
    private static final List<String> GRADES = List.of("PROFESSIONAL_ENGINEER", "MASTER_CRAFTSMAN", "ENGINEER",
            "INDUSTRIAL_ENGINEER", "CRAFTSMAN", "SERVICE");
    private static final List<String> DOCUMENTS = List.of("SUBMITTED", "NOT_SUBMITTED", "NOT_REQUIRED", "UNKNOWN");

    static Profile randomProfile(SplittableRandom r) {
        String stage = STAGES.get(r.nextInt(3));
        String result = RESULTS.get(r.nextInt(3));
        boolean scored = !result.equals("ABSENT") && r.nextInt(10) > 0;
        boolean subjects = scored && r.nextBoolean();
        Double total = scored ? r.nextInt(1001) / 10.0 : null;
        Double lowest = subjects ? r.nextInt(1001) / 10.0 : null;
        Integer days = r.nextInt(4) == 0 ? null : r.nextInt(-400, 760);
        Integer age = r.nextInt(5) == 0 ? null : r.nextInt(15, 75);
        return new Profile(stage + "_" + result, stage, result, GRADES.get(r.nextInt(6)), r.nextInt(8) > 0, scored, subjects,
                total, lowest, subjects && r.nextInt(4) == 0, scored && r.nextBoolean(), r.nextBoolean(), r.nextBoolean(),
                r.nextBoolean(), r.nextBoolean(), days != null, days, age, DOCUMENTS.get(r.nextInt(4)));
    }

    @Test
    void memoisedAndPlainEvaluationAgreeOnSixtyThousandRandomProfiles() {
        SplittableRandom random = new SplittableRandom(20261123L);
        for (int i = 0; i < 60_000; i++) {
            Profile p = randomProfile(random);
            assertEquals(rules.evaluateUncached(p), rules.evaluate(p), "profile " + p);
        }
        long[] stats = rules.memoStatistics();
        System.out.printf("memo: %d hits, %d misses, %d entries%n", stats[0], stats[1], stats[2]);
        assertTrue(stats[0] > 0, "profiles the rules cannot tell apart share one memoised outcome");
    }

    @Test
    void theShippedRulesAreGroupedByTheirThresholdsAndTheUnreadTotalScoreIsDropped() {
        Map<String, String> grouping = rules.memoGrouping();
        assertEquals("thresholds [60.0]", grouping.get("lowestSubjectScore"));
        assertEquals("thresholds [0.0, 90.0]", grouping.get("exemptionDaysRemaining"));
        assertEquals("thresholds [34.0]", grouping.get("age"));
        assertEquals("unused", grouping.get("totalScore"));
    }
}

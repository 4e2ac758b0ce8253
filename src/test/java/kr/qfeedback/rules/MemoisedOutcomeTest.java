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
    private static final List<String> GRADES = List.of(
            "PROFESSIONAL_ENGINEER", "MASTER_CRAFTSMAN", "ENGINEER", "INDUSTRIAL_ENGINEER", "CRAFTSMAN", "SERVICE");
    private static final List<String> DOCUMENTS = List.of(
            "SUBMITTED", "NOT_SUBMITTED", "NOT_REQUIRED", "UNKNOWN", "NOT_SUBMITTED_OVERDUE", "UNKNOWN_OVERDUE");
    private static final List<String> ROUNDS_LEFT = List.of("LEFT", "NONE_LEFT", "UNKNOWN");

    static Profile randomProfile(SplittableRandom r) {
        String stage = STAGES.get(r.nextInt(3));
        String result = RESULTS.get(r.nextInt(3));
        boolean scored = !result.equals("ABSENT") && r.nextInt(10) > 0;
        boolean subjects = scored && r.nextBoolean();
        Double total = scored ? r.nextInt(1001) / 10.0 : null;
        Double lowest = subjects ? r.nextInt(1001) / 10.0 : null;
        Integer days = r.nextInt(4) == 0 ? null : r.nextInt(-400, 760);
        Integer age = r.nextInt(5) == 0 ? null : r.nextInt(15, 75);
        return new Profile(
                stage + "_" + result,
                stage,
                result,
                GRADES.get(r.nextInt(6)),
                r.nextInt(8) > 0,
                scored,
                subjects,
                total,
                lowest,
                subjects && r.nextInt(4) == 0,
                scored && r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean(),
                r.nextBoolean(),
                days != null,
                days,
                days == null ? "UNKNOWN" : ROUNDS_LEFT.get(r.nextInt(3)),
                age,
                DOCUMENTS.get(r.nextInt(DOCUMENTS.size())),
                r.nextBoolean());
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
    void aVersionPrewarmedFromTheActiveOneAnswersItsProfilesFromItsMemoWithItsOwnOutcomes() {
        RuleSet active = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));
        RuleSet next = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));
        SplittableRandom random = new SplittableRandom(20261201L);
        List<Profile> met = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Profile p = randomProfile(random);
            met.add(p);
            active.evaluate(p);
        }
        long entries = active.memoStatistics()[2];

        assertEquals(entries, next.prewarmFrom(active, 1_000_000));
        assertEquals(entries, next.memoStatistics()[2], "one memo entry per profile class the active version met");
        assertEquals(0, next.memoStatistics()[0] + next.memoStatistics()[1], "prewarming is not counted as traffic");
        for (Profile p : met) {
            assertEquals(next.evaluateUncached(p), next.evaluate(p), "profile " + p);
        }
        assertEquals(
                met.size(), next.memoStatistics()[0], "every profile the active version met is a memo hit at once");
        assertEquals(0, next.prewarmFrom(next, 10), "a version does not prewarm from itself");
        assertEquals(
                10,
                new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules"))).prewarmFrom(active, 10),
                "the limit holds");
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

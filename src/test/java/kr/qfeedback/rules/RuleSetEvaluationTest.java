package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Tone;
import kr.qfeedback.rules.model.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped rules, compiled once, decide the exemption status, the youth discount and the sections. */
class RuleSetEvaluationTest {
    private static RuleSet rules;

    @BeforeAll
    static void compileTheShippedRules() {
        rules = new RuleSetCompiler().compile(RuleFiles.read(RuleFolder.SHIPPED));
        assertEquals(90, rules.parameters().exemptionExpiringDays(), "these tests assume the shipped 90 days");
        assertEquals(34, rules.parameters().youthMaxAge(), "these tests assume the shipped maximum age 34");
    }

    @ParameterizedTest(name = "{0} days left → {1}")
    @CsvSource({
        "730, ACTIVE",
        "91, ACTIVE",
        "90, EXPIRING",
        "1, EXPIRING",
        "0, EXPIRING",
        "-1, EXPIRED",
        "-400, EXPIRED"
    })
    void theExemptionStatusFollowsTheDaysRemaining(int days, String status) {
        RuleOutcome outcome = rules.evaluate(writtenPass(days, null));

        assertEquals(status, outcome.exemptionStatus());
        SectionChoice exemption = section(outcome, SectionId.WRITTEN_EXEMPTION).orElseThrow();
        assertEquals(status, exemption.message());
        assertEquals(status.equals("ACTIVE") ? Tone.INFO : Tone.WARNING, exemption.tone());
    }

    @Test
    void noExemptionWindowMeansNoStatusAndNoExemptionSection() {
        RuleOutcome outcome = rules.evaluate(writtenPass(null, null));

        assertNull(outcome.exemptionStatus());
        assertTrue(
                section(outcome, SectionId.WRITTEN_EXEMPTION).isEmpty(),
                outcome.sections().toString());
        assertTrue(outcome.judgementFor(SectionId.WRITTEN_EXEMPTION).isEmpty());
    }

    @Test
    void theExemptionSectionNamesTheJudgementRuleThatDecidedTheStatus() {
        RuleOutcome outcome = rules.evaluate(writtenPass(30, null));

        RuleSource judgement = outcome.judgementFor(SectionId.WRITTEN_EXEMPTION).orElseThrow();
        assertTrue(judgement.rule().contains("만료 임박"), judgement.rule());
        assertTrue(judgement.source().startsWith("rules/judgements.drl:line "), judgement.source());
    }

    @ParameterizedTest(name = "age {0} → youth cut-off {1}")
    @CsvSource(
            nullValues = "none",
            value = {"15, 34", "34, 34", "35, none", "60, none", "none, none"})
    void theYouthDiscountIsForCandidatesUpToTheMaximumAge(Integer age, Integer maxAge) {
        RuleOutcome outcome = rules.evaluate(writtenFail(false, age));

        assertEquals(maxAge, outcome.youthMaxAge());
        assertEquals(
                maxAge != null,
                section(outcome, SectionId.YOUTH_FEE_DISCOUNT).isPresent(),
                outcome.sections().toString());
    }

    @Test
    void aWrittenPassStartsWithTheSuccessSummaryFromTheFirstTableRow() {
        RuleOutcome outcome = rules.evaluate(writtenPass(200, 40));

        SectionChoice first = outcome.sections().get(0);
        assertEquals(SectionId.RESULT_SUMMARY, first.id());
        assertEquals(Tone.SUCCESS, first.tone());
        assertEquals("WRITTEN_PASS", first.message());
        assertEquals("rules/sections.drl.xlsx:row 10", first.decidedBy().source());
        assertFalse(first.decidedBy().rule().isBlank());
    }

    @Test
    void sectionsComeOnceEachInOrder() {
        RuleOutcome outcome = rules.evaluate(writtenPass(200, 40));

        List<SectionChoice> sections = outcome.sections();
        assertTrue(sections.size() > 3, sections.toString());
        assertEquals(
                sections.size(),
                sections.stream().map(SectionChoice::id).distinct().count(),
                sections.toString());
        for (int i = 1; i < sections.size(); i++) {
            assertTrue(sections.get(i - 1).order() <= sections.get(i).order(), sections.toString());
        }
    }

    @Test
    void aSubjectBelowTheMinimumMakesTheSummarySayCutOff() {
        assertEquals(
                "WRITTEN_FAIL_CUTOFF",
                summary(rules.evaluate(writtenFail(true, 40))).message());
        assertEquals(
                "WRITTEN_FAIL", summary(rules.evaluate(writtenFail(false, 40))).message());
    }

    @Test
    void weakSubjectsAreShownWhenTheLowestScoreIsBelowSixty() {
        assertTrue(section(rules.evaluate(writtenPassWithLowest(59.5)), SectionId.WEAK_SUBJECTS)
                .isPresent());
        assertTrue(section(rules.evaluate(writtenPassWithLowest(60.0)), SectionId.WEAK_SUBJECTS)
                .isEmpty());
    }

    @Test
    void theSurveyIsNotShownWhileTheShippedSwitchIsOff() {
        assertFalse(rules.parameters().surveyEnabled());
        assertTrue(
                section(rules.evaluate(writtenPass(200, 40)), SectionId.SURVEY).isEmpty());
    }

    @Test
    void theSameProfileGetsTheSameOutcomeFromTheMemoUncachedAndFromAFreshlyCompiledRuleSet() {
        Profile profile = writtenFail(false, 30);
        RuleOutcome memoised = rules.evaluate(profile);
        RuleOutcome fresh = new RuleSetCompiler()
                .compile(RuleFiles.read(RuleFolder.SHIPPED))
                .evaluateUncached(profile);

        assertEquals(rules.evaluateUncached(profile), memoised, "the memo gives what the rules give");
        assertEquals(fresh, memoised, "another compilation of the same files decides the same");
        assertTrue(
                section(memoised, SectionId.YOUTH_FEE_DISCOUNT).isPresent(),
                "a 30-year-old written failer: " + memoised);
    }

    @Test
    void editedParametersReachTheRules(@TempDir Path dir) {
        RuleFolder edited = RuleFolder.copyOfShippedRules(dir);
        edited.replaceLine("parameters.yaml", "청년 할인 최대 나이:", "청년 할인 최대 나이: 40");
        edited.replaceLine("parameters.yaml", "필기면제 임박 일수:", "필기면제 임박 일수: 120");
        edited.replaceLine("parameters.yaml", "만족도 조사 진행:", "만족도 조사 진행: 예");

        RuleSet changed = edited.compile();

        assertEquals(40, changed.evaluate(writtenFail(false, 40)).youthMaxAge());
        assertNull(changed.evaluate(writtenFail(false, 41)).youthMaxAge());
        assertEquals("EXPIRING", changed.evaluate(writtenPass(120, null)).exemptionStatus());
        assertEquals("ACTIVE", changed.evaluate(writtenPass(121, null)).exemptionStatus());
        assertTrue(section(changed.evaluate(writtenPass(200, null)), SectionId.SURVEY)
                .isPresent());
        assertTrue(!changed.version().equals(rules.version()));
    }

    // ---- profiles ----

    private static Profile writtenPass(Integer exemptionDays, Integer age) {
        return profile("WRITTEN", "PASS", 75.0, false, exemptionDays, age);
    }

    private static Profile writtenPassWithLowest(double lowest) {
        return profile("WRITTEN", "PASS", lowest, false, 200, null);
    }

    private static Profile writtenFail(boolean belowSubjectMinimum, Integer age) {
        return profile("WRITTEN", "FAIL", 30.0, belowSubjectMinimum, null, age);
    }

    private static Profile profile(
            String stage,
            String result,
            double lowestSubjectScore,
            boolean belowSubjectMinimum,
            Integer exemptionDays,
            Integer age) {
        return new Profile(
                stage + "_" + result,
                stage,
                result,
                "ENGINEER",
                true,
                true,
                true,
                70.0,
                lowestSubjectScore,
                belowSubjectMinimum,
                result.equals("PASS"),
                true,
                true,
                true,
                true,
                exemptionDays != null,
                exemptionDays,
                exemptionDays == null ? "UNKNOWN" : exemptionDays < 0 ? "NONE_LEFT" : "LEFT",
                age,
                "SUBMITTED",
                false);
    }

    private static Optional<SectionChoice> section(RuleOutcome outcome, SectionId id) {
        return outcome.sections().stream().filter(s -> s.id() == id).findFirst();
    }

    private static SectionChoice summary(RuleOutcome outcome) {
        return section(outcome, SectionId.RESULT_SUMMARY)
                .orElseThrow(() -> new AssertionError(outcome.sections().toString()));
    }
}

package kr.qfeedback.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A version that changes texts only is analysed against the evaluated profile space of the version
 * it was edited from, and reports exactly what a fresh analysis reports; a parameter edit is
 * evaluated afresh.
 */
class TextOnlyEditCoverageTest {
    private static final String TITLE = "제목: \"만족도 조사\"";

    @TempDir
    Path dir;

    @Test
    void aTextOnlyEditReusesTheEvaluatedSpaceAndReportsWhatAFreshAnalysisReports() throws Exception {
        RuleSet shipped = ShippedRules.compiled();
        Path folder = ShippedRules.copyInto(dir);
        ShippedRules.replace(folder.resolve("messages.yaml"), TITLE, "제목: \"만족도 조사 (수정)\"");
        RuleSet edited = ShippedRules.compile(folder);
        EvaluatedSpaces spaces = new EvaluatedSpaces();
        CoverageAnalyzer analyzer = new CoverageAnalyzer(ForkJoinPool.commonPool(), spaces);

        assertNotEquals(shipped.version(), edited.version());
        assertEquals(shipped.outcomeInputs(), edited.outcomeInputs(), "only a text changed");
        analyzer.analyze(shipped);
        assertNotNull(spaces.find(edited.outcomeInputs()), "the edited version finds the shipped one's space");
        CoverageReport reused = analyzer.analyze(edited);
        CoverageReport fresh = new CoverageAnalyzer(ForkJoinPool.commonPool(), new EvaluatedSpaces()).analyze(edited);

        assertEquals(withoutTime(fresh), withoutTime(reused));
    }

    @Test
    void aParameterEditIsEvaluatedAfresh() throws Exception {
        RuleSet shipped = ShippedRules.compiled();
        Path folder = ShippedRules.copyInto(dir);
        ShippedRules.replace(folder.resolve("parameters.yaml"), "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 29");
        RuleSet edited = ShippedRules.compile(folder);
        EvaluatedSpaces spaces = new EvaluatedSpaces();
        new CoverageAnalyzer(ForkJoinPool.commonPool(), spaces).analyze(shipped);

        assertNotEquals(shipped.outcomeInputs(), edited.outcomeInputs());
        assertNull(spaces.find(edited.outcomeInputs()));
    }

    private static CoverageReport withoutTime(CoverageReport report) {
        return new CoverageReport(
                report.gaps(),
                report.deadRows(),
                report.switchedOffRows(),
                report.conflicts(),
                report.overlaps(),
                report.profilesChecked(),
                0,
                report.casesEvaluated());
    }
}

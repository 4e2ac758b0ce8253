package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.decision.plain.PlainDecisionJson;
import kr.qfeedback.decision.plain.PlainFeedbackDecider;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionData;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.testing.ShippedRules;
import kr.qfeedback.wire.DecisionJson;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules' pass-rate sections name only the qualification's figures, so they are rendered
 * once per qualification, stage and grade and shown alike to every such candidate; what names a
 * candidate's own values is rendered for each. Real decisions of 정보처리기사 written fails.
 */
class SharedSectionsTest {
    private static final RuleSet RULES = ShippedRules.compiled();

    private static FeedbackDecision writtenFail(String name, String asOf, double score) {
        return new FeedbackDecider().decide(request(name, asOf, score), RULES);
    }

    private static FeedbackDecision plain(String name, String asOf, double score) {
        return new PlainFeedbackDecider().decide(request(name, asOf, score), RULES);
    }

    private static FeedbackRequest request(String name, String asOf, double score) {
        return new FeedbackRequest(
                "T-1",
                LocalDate.parse(asOf),
                new QualificationRef("1320", name, Grade.ENGINEER),
                new ExamSitting(
                        "2026-1",
                        Stage.WRITTEN,
                        LocalDate.parse("2026-01-30"),
                        LocalDate.parse("2026-03-11"),
                        ExamResult.FAIL,
                        score,
                        List.of()),
                new CandidateInfo(LocalDate.parse("1999-05-02"), null, null, null, List.of()));
    }

    private static Section section(FeedbackDecision decision, SectionId id) {
        return decision.sections().stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not shown: " + decision.sections()));
    }

    @Test
    void candidatesOfOneQualificationStageAndGradeReadTheSamePassRateSectionsMadeOnce() {
        FeedbackDecision first = writtenFail(null, "2026-03-11", 52.5);
        FeedbackDecision second = writtenFail(null, "2026-04-02", 38.0);
        for (SectionId id : List.of(SectionId.PASSER_COMPARISON, SectionId.PASS_RATE_TREND)) {
            Section a = section(first, id);
            Section b = section(second, id);
            assertSame(a.bodyText(), b.bodyText(), id + " body made once");
            assertSame(a.data(), b.data(), id + " data made once");
            assertTrue(((SectionData) a.data()).isShared());
            assertTrue(a.body().contains("정보처리기사"), a.body());
        }
        FeedbackDecision kept = writtenFail(null, "2026-03-11", 52.5);
        assertEquals(
                withoutId(PlainDecisionJson.toJson(plain(null, "2026-03-11", 52.5), true)
                        .toBuffer()
                        .toString()),
                withoutId(DecisionJson.toBuffer(kept, true).toString()),
                "a page of kept sections is the page evaluated afresh, byte for byte");
    }

    @Test
    void aSectionThatNamesTheCandidatesScoreIsMadeForEachCandidate() {
        Section a = section(writtenFail(null, "2026-03-11", 52.5), SectionId.PASS_CRITERIA);
        Section b = section(writtenFail(null, "2026-03-11", 38.0), SectionId.PASS_CRITERIA);
        assertNotSame(a.bodyText(), b.bodyText());
        assertFalse(((SectionData) a.data()).isShared());
        assertTrue(b.body().contains("38"), b.body());
    }

    @Test
    void aRequestThatNamesItsQualificationOtherwiseReadsItsOwnNameInEverySection() {
        writtenFail(null, "2026-03-11", 52.5); // the reference data's name, kept
        FeedbackDecision renamed = writtenFail("정보처리기사(신)", "2026-03-11", 52.5);
        Section comparison = section(renamed, SectionId.PASSER_COMPARISON);
        assertTrue(comparison.body().contains("정보처리기사(신)"), comparison.body());
        assertFalse(((SectionData) comparison.data()).isShared());
    }

    private static String withoutId(String json) {
        return json.replaceFirst("\"decisionId\":\"[^\"]*\"", "");
    }
}

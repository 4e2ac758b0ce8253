package kr.qfeedback.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.testing.ShippedRules;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A drafted scenario holds any value the page showed without breaking the Gherkin, and runs green. */
class ScenarioDraftTest {
    static final DecisionService DECISIONS = new DecisionService(Clock.systemUTC());

    /** An unknown qualification, whose subjects the reference data does not name: any text goes. */
    static final String REQUEST = """
            {"candidateId": "c-1", "asOf": "2026-03-11",
             "qualification": {"code": "1990", "name": "가상|기사", "grade": "ENGINEER"},
             "exam": {"round": "2026-1", "stage": "WRITTEN", "examDate": "2026-01-30", "announcedOn": "2026-03-11",
                      "result": "FAIL", "totalScore": 50,
                      "subjects": [{"name": "설계 | \\\\ \\"기초\\"", "score": 45}, {"name": "# 구현", "score": 55}]}}
            """;

    static ScenarioDraft.Draft draft(String name, JsonObject request, List<ScenarioDraft.ValuePick> values) {
        RuleSet rules = ShippedRules.compiled();
        FeedbackRequest accepted = DECISIONS.accept(request.toBuffer(), rules);
        FeedbackDecision decision = DECISIONS.decide(accepted, rules);
        return ScenarioDraft.render(name, accepted, decision, rules.reference(), List.of("RESULT_SUMMARY"), values);
    }

    @Test
    void valuesWithBarsBackslashesQuotesAndHashesRoundTripThroughTheGherkinAndTheScenarioRunsGreen() {
        ScenarioDraft.Draft draft = draft(
                "이름에 \"따옴표\"와\n줄바꿈 | 과 # 이 있어도",
                new JsonObject(REQUEST),
                List.of(new ScenarioDraft.ValuePick("SCORE_BREAKDOWN", "subjects")));
        assertTrue(draft.text().contains("  시나리오: 이름에 \"따옴표\"와 줄바꿈 | 과 # 이 있어도\n"), draft.text());
        assertTrue(draft.text().contains("기준 자료에 없는 종목 \"가상|기사\"(1990, 기사) 응시자가 있다"), draft.text());
        assertTrue(draft.text().contains("| 설계 \\| \\\\ \"기초\" | 45 |"), draft.text());
        assertEquals("시나리오/이름에_따옴표_와_줄바꿈_과_이_있어도.feature", draft.path());
        AcceptanceGate.GateResult run = AcceptanceGate.runSaved(
                ShippedRules.compiled(), Map.of(draft.path(), draft.text().getBytes(StandardCharsets.UTF_8)));
        assertTrue(run.passed(), () -> run.failures() + "\n" + draft.text());
        assertEquals(1, run.scenarios());
    }

    @Test
    void aValueAScenarioSentenceCannotQuoteIsRefusedNamingItsField() {
        JsonObject quotedRound = new JsonObject(REQUEST);
        quotedRound.getJsonObject("exam").put("round", "2026-\"1\"");
        assertRefused("request.exam.round", () -> draft("이름", quotedRound, List.of()));
        assertRefused("name", () -> draft(" \n ", new JsonObject(REQUEST), List.of()));
    }

    private static void assertRefused(String field, Executable draft) {
        ApiError e = org.junit.jupiter.api.Assertions.assertThrows(ApiError.class, draft);
        assertEquals(field, e.field(), e::getMessage);
        assertEquals(400, e.status());
    }
}

package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.decision.plain.PlainDecisionJson;
import kr.qfeedback.decision.plain.PlainFeedbackDecider;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.wire.DecisionJson;
import org.junit.jupiter.api.Test;

/**
 * Every decision made through the optimised path (memoised rule outcomes, precompiled templates,
 * lazily computed placeholder values, per-qualification lookups, JSON written straight to bytes)
 * equals the decision made by the plain path ({@link kr.qfeedback.decision.plain}: the rules run
 * in a fresh session for every request, the original rendering, a Vert.x JSON tree): sections,
 * data, texts, links, notices, reminders (with their alert days and calendar subjects), the text
 * messages, trace and the JSON bytes, decisionId excluded.
 *
 * <p>The cohort is generated; half of the requests are also decided again on a later {@code asOf}
 * (up to about two and a half years on) so that schedules, exemption windows and deadlines are
 * exercised beyond the announcement day. Override the cohort with
 * {@code -Dqfeedback.equivalence.seed=N} and {@code -Dqfeedback.equivalence.size=N}.
 */
class OptimisedDecisionsMatchPlainEvaluationTest {
    private static final long DEFAULT_SEED = 20260311L;
    private static final int DEFAULT_SIZE = 50_000;
    private static final int SHOWN_MISMATCHES = 5;

    @Test
    void everyOptimisedDecisionEqualsThePlainOne() {
        long seed = Long.getLong("qfeedback.equivalence.seed", DEFAULT_SEED);
        int size = Integer.getInteger("qfeedback.equivalence.size", DEFAULT_SIZE);
        RuleSet rules = new RuleSetCompiler().compile(RuleFiles.read(Path.of("rules")));
        FeedbackDecider optimised = new FeedbackDecider();
        PlainFeedbackDecider plain = new PlainFeedbackDecider();
        SplittableRandom shifts = new SplittableRandom(seed ^ 0x5DEECE66DL);

        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (FeedbackRequest generated : CohortGenerator.list(rules.reference(), rules.parameters(), seed, size)) {
            List<FeedbackRequest> requests = new ArrayList<>(2);
            requests.add(generated);
            if (shifts.nextBoolean()) {
                requests.add(new FeedbackRequest(
                        generated.candidateId(),
                        generated.asOf().plusDays(shifts.nextInt(1, 900)),
                        generated.qualification(),
                        generated.exam(),
                        generated.candidate()));
            }
            for (FeedbackRequest request : requests) {
                compared++;
                String problem = difference(optimised.decide(request, rules), plain.decide(request, rules));
                if (problem != null && mismatches.size() < SHOWN_MISMATCHES) {
                    mismatches.add(request + "\n    "
                            + (problem.length() > 3000 ? problem.substring(0, 3000) + "…" : problem));
                } else if (problem != null) {
                    mismatches.add("");
                }
            }
        }
        assertTrue(compared >= size, "every request was compared");
        assertEquals(
                List.of(),
                mismatches.subList(0, Math.min(SHOWN_MISMATCHES, mismatches.size())),
                mismatches.size() + " of " + compared + " decisions differ (seed " + seed + ", size " + size + ")");
        System.out.printf(
                "optimised and plain decisions agree on %d requests (seed %d); memo %s%n",
                compared, seed, java.util.Arrays.toString(rules.memoStatistics()));
    }

    /** Null when both decisions are the same apart from the decisionId, else what differs. */
    private static String difference(FeedbackDecision fast, FeedbackDecision reference) {
        if (!fast.rulesVersion().equals(reference.rulesVersion())
                || !fast.asOf().equals(reference.asOf())
                || !fast.outcome().equals(reference.outcome())) {
            return "header: " + fast.outcome() + " vs " + reference.outcome();
        }
        if (!fast.sections().equals(reference.sections())) {
            return "sections: " + fast.sections() + "\n vs " + reference.sections();
        }
        if (!fast.notices().equals(reference.notices())) {
            return "notices: " + fast.notices() + " vs " + reference.notices();
        }
        if (!fast.reminders().equals(reference.reminders())) {
            return "reminders: " + fast.reminders() + " vs " + reference.reminders();
        }
        if (!java.util.Objects.equals(fast.notifications(), reference.notifications())) {
            return "notifications: " + fast.notifications() + " vs " + reference.notifications();
        }
        if (!fast.trace().equals(reference.trace())) {
            return "trace: " + fast.trace() + " vs " + reference.trace();
        }
        for (boolean explain : new boolean[] {true, false}) {
            String fastJson = withoutId(DecisionJson.toBuffer(fast, explain).toString());
            String referenceJson = withoutId(
                    PlainDecisionJson.toJson(reference, explain).toBuffer().toString());
            if (!fastJson.equals(referenceJson)) {
                return "JSON (explain=" + explain + "): " + fastJson + "\n vs " + referenceJson;
            }
        }
        return null;
    }

    private static String withoutId(String json) {
        JsonObject parsed = new JsonObject(json);
        if (!parsed.containsKey("decisionId")) {
            return "no decisionId: " + json;
        }
        String id = parsed.getString("decisionId");
        return json.replace("\"decisionId\":\"" + id + "\"", "\"decisionId\":\"\"");
    }
}

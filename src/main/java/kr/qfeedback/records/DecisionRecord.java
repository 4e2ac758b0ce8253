package kr.qfeedback.records;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Outcome;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;

/**
 * What is kept of a decision for {@code GET /v1/decisions/{decisionId}}: its id, the opaque
 * candidate id, the rules version, the date, the outcome, the ids of the sections shown and when it
 * was decided ({@link #toJson()}, what the author role reads), and the request it was decided on
 * ({@link KeptRequest}, null when not kept), from which the helpdesk role's view rebuilds the page.
 * Taken from the decision at once, so that the decision itself (texts, data) is not held while its
 * record waits to be written.
 */
public record DecisionRecord(
        String decisionId,
        String candidateId,
        String rulesVersion,
        LocalDate asOf,
        Outcome outcome,
        List<SectionId> sections,
        Instant decidedAt,
        KeptRequest request) {

    /** A record without its request. */
    public DecisionRecord(
            String decisionId,
            String candidateId,
            String rulesVersion,
            LocalDate asOf,
            Outcome outcome,
            List<SectionId> sections,
            Instant decidedAt) {
        this(decisionId, candidateId, rulesVersion, asOf, outcome, sections, decidedAt, null);
    }

    public static DecisionRecord of(FeedbackDecision decision, String candidateId, Instant decidedAt) {
        return of(decision, candidateId, null, decidedAt);
    }

    /** The record of {@code decision}, with the request it was decided on ({@code request} may be null). */
    public static DecisionRecord of(
            FeedbackDecision decision, String candidateId, KeptRequest request, Instant decidedAt) {
        List<Section> shown = decision.sections();
        SectionId[] ids = new SectionId[shown.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = shown.get(i).id();
        }
        return new DecisionRecord(
                decision.decisionId(),
                candidateId,
                decision.rulesVersion(),
                decision.asOf(),
                decision.outcome(),
                List.of(ids),
                decidedAt,
                request);
    }

    /** The record as JSON, as stored and served to the author role (never with the request). */
    public JsonObject toJson() {
        JsonArray ids = new JsonArray();
        sections.forEach(id -> ids.add(id.name()));
        return new JsonObject()
                .put("decisionId", decisionId)
                .put("candidateId", candidateId)
                .put("rulesVersion", rulesVersion)
                .put("asOf", asOf.toString())
                .put("outcome", outcome.code())
                .put("sections", ids)
                .put("decidedAt", decidedAt.toString());
    }

    /** Whether this is the record of {@code id}. */
    public boolean isOf(String id) {
        return decisionId.equals(id);
    }
}

package kr.qfeedback.records;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import kr.qfeedback.feedback.FeedbackDecision;

/**
 * Where the record of every decision is kept so that {@code GET /v1/decisions/{decisionId}} answers
 * on any member: id, rules version, outcome, section ids and the opaque candidate id, nothing else.
 */
public interface DecisionRecords {

    /** Keeps the record; must not block the event loop nor throw (a lost record never fails a decision). */
    void record(FeedbackDecision decision, String candidateId);

    /** The record of {@code decisionId} as JSON, or empty when unknown or expired. */
    CompletionStage<Optional<JsonObject>> find(String decisionId);
}

package kr.qfeedback.records;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import kr.qfeedback.feedback.FeedbackDecision;

/**
 * Where the record of every decision is kept so that {@code GET /v1/decisions/{decisionId}} answers
 * on any member: id, rules version, outcome, section ids and the opaque candidate id, and beside them
 * the request the decision was made on ({@link KeptRequest}), kept exactly as long as the record.
 */
public interface DecisionRecords {

    /** Keeps the record; must not block the event loop nor throw (a lost record never fails a decision). */
    void record(FeedbackDecision decision, String candidateId);

    /**
     * Keeps the record and the request it was decided on, which the helpdesk view replays; a store
     * that cannot keep requests keeps the record alone.
     */
    default void record(FeedbackDecision decision, String candidateId, KeptRequest request) {
        record(decision, candidateId);
    }

    /** The record of {@code decisionId} as JSON, or empty when unknown or expired. */
    CompletionStage<Optional<JsonObject>> find(String decisionId);

    /**
     * The record of {@code decisionId} with its request ({@link WithRequest#request()} null when it
     * was not kept), or empty when unknown or expired.
     */
    default CompletionStage<Optional<WithRequest>> findWithRequest(String decisionId) {
        return find(decisionId).thenApply(found -> found.map(json -> new WithRequest(json, null)));
    }

    /** A record as the author role reads it, and the request its decision was made on (or null). */
    record WithRequest(JsonObject record, KeptRequest request) {}
}

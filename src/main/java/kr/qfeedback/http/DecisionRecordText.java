package kr.qfeedback.http;

import java.time.Instant;
import java.util.List;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Section;

/**
 * The record of a decision as JSON in UTF-8, the same JSON as
 * {@code DecisionRecords.recordOf(…)} (byte for byte its encoding, but for surrogate chars, which
 * are escaped here), written straight from the decision ({@link JsonBytes}) without building the
 * object first: the cluster stores these bytes for every decision.
 */
public final class DecisionRecordText {
    private static final byte[] DECISION_ID = JsonBytes.name('{', "decisionId");
    private static final byte[] CANDIDATE_ID = JsonBytes.name(',', "candidateId");
    private static final byte[] RULES_VERSION = JsonBytes.name(',', "rulesVersion");
    private static final byte[] AS_OF = JsonBytes.name(',', "asOf");
    private static final byte[] OUTCOME = JsonBytes.name(',', "outcome");
    private static final byte[] SECTIONS = JsonBytes.name(',', "sections");
    private static final byte[] DECIDED_AT = JsonBytes.name(',', "decidedAt");

    private DecisionRecordText() {
    }

    public static byte[] of(FeedbackDecision decision, String candidateId, Instant decidedAt) {
        JsonBytes json = new JsonBytes(320);
        json.raw(DECISION_ID).string(decision.decisionId());
        json.raw(CANDIDATE_ID).stringOrNull(candidateId);
        json.raw(RULES_VERSION).string(decision.rulesVersion());
        json.raw(AS_OF).string(decision.asOf().toString());
        json.raw(OUTCOME).string(decision.outcome().code());
        json.raw(SECTIONS).raw('[');
        List<Section> sections = decision.sections();
        for (int i = 0; i < sections.size(); i++) {
            json.separator(i).string(sections.get(i).id().name());
        }
        json.raw(']').raw(DECIDED_AT).string(decidedAt.toString());
        return json.raw('}').toByteArray();
    }
}

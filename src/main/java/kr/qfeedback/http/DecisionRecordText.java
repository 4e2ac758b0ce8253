package kr.qfeedback.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Section;

/**
 * The record of a decision as JSON text, exactly {@code DecisionRecords.recordOf(…).encode()}, written
 * by a Jackson generator without building the object first: the cluster stores this text for every
 * decision.
 */
public final class DecisionRecordText {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DecisionRecordText() {
    }

    public static String of(FeedbackDecision decision, String candidateId, Instant decidedAt) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("decisionId", decision.decisionId());
            json.writeStringField("candidateId", candidateId);
            json.writeStringField("rulesVersion", decision.rulesVersion());
            json.writeStringField("asOf", decision.asOf().toString());
            json.writeStringField("outcome", decision.outcome().code());
            json.writeArrayFieldStart("sections");
            for (Section section : decision.sections()) {
                json.writeString(section.id().name());
            }
            json.writeEndArray();
            json.writeStringField("decidedAt", decidedAt.toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

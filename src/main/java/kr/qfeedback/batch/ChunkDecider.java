package kr.qfeedback.batch;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.DecisionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides every line of a chunk into the chunk's output, as {@code POST /v1/feedback} decides a
 * body, turning a refused or failed line into its error object; runs on the batch's workers.
 */
final class ChunkDecider {
    /** Logged under the batch runner's name, as before the runner was split. */
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final DecisionService decisions;
    private volatile boolean textMessages;

    /** @param clock gives {@code asOf} to requests that have none (Asia/Seoul date), as in the API */
    ChunkDecider(Clock clock) {
        this.decisions = new DecisionService(clock);
    }

    /** Whether each decision's SMS and LMS are also added to the chunk's CSV rows. */
    void textMessages(boolean on) {
        this.textMessages = on;
    }

    /** Decides every line of one chunk into its output buffer; runs on a worker. */
    void decide(Chunk chunk, RuleSet rules) {
        for (int i = 0; i < chunk.count; i++) {
            long lineNumber = chunk.firstLine + i;
            try {
                Buffer body = chunk.line(i, lineNumber, BatchRunner.MAX_LINE_BYTES);
                FeedbackRequest request = decisions.accept(body, rules);
                FeedbackDecision decision = decisions.decide(request, rules);
                chunk.out.addDecision(decision);
                if (textMessages) {
                    chunk.messages.add(request.candidateId(), decision.notifications());
                }
                chunk.decided++;
            } catch (ApiError error) {
                chunk.out.addLine(errorJson(lineNumber, error).toBuffer());
                chunk.errors++;
            } catch (RuntimeException e) {
                LOG.warn("batch line {} could not be decided: {}", lineNumber, e.toString(), e);
                chunk.out.addLine(errorJson(lineNumber, ApiError.internal()).toBuffer());
                chunk.errors++;
            }
        }
    }

    static JsonObject errorJson(long lineNumber, ApiError error) {
        return new JsonObject().put("line", lineNumber).put("error", error.body());
    }
}

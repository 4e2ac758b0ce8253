package kr.qfeedback.wire;

import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import kr.qfeedback.decision.FeedbackDecider;
import kr.qfeedback.decision.RequestCheck;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.rules.RuleSet;

/**
 * Parse, check against the reference, decide: the one path every decision takes, whether it comes
 * from {@code POST /v1/feedback}, a batch line or a Korean scenario. A request that is not well
 * formed, or that contradicts itself or the reference data, ends in an {@link ApiError} naming the
 * field (400 INVALID_REQUEST, 422 INCONSISTENT). Safe to share between threads.
 */
public final class DecisionService {
    private final FeedbackRequestParser parser;
    private final FeedbackDecider decider = new FeedbackDecider();

    /** @param clock the clock a request without {@code asOf} is decided on (Asia/Seoul's today) */
    public DecisionService(Clock clock) {
        this.parser = new FeedbackRequestParser(clock);
    }

    /** The request in {@code body}, parsed and checked against {@code rules}' reference data. */
    public FeedbackRequest accept(Buffer body, RuleSet rules) {
        return checked(parser.parse(body), rules);
    }

    /** {@code request} itself, once it is checked against itself and {@code rules}' reference data. */
    public FeedbackRequest checked(FeedbackRequest request, RuleSet rules) {
        RequestCheck.check(request, rules).ifPresent(i -> {
            throw ApiError.inconsistent(i.field(), i.message());
        });
        return request;
    }

    /** The decision on an accepted request ({@link #accept} or {@link #checked}). */
    public FeedbackDecision decide(FeedbackRequest accepted, RuleSet rules) {
        return decider.decide(accepted, rules);
    }

    /** The decision on the request in {@code body}: parsed, checked and decided. */
    public FeedbackDecision decide(Buffer body, RuleSet rules) {
        return decider.decide(accept(body, rules), rules);
    }
}

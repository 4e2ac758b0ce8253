package kr.qfeedback.wire;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.TraceEntry;
import kr.qfeedback.records.KeptRequest;
import kr.qfeedback.rules.RuleSet;

/**
 * A past decision made again for the helpdesk: its kept request checked and decided on the rules
 * version it was decided with, on the date it was decided for, under its original decision id, then written as it
 * was answered (JSON, with the trace when it was asked for, or the calendar). Deciding is a pure
 * function of request, version and date, and versions are immutable, so the page is the one the
 * candidate got, byte for byte.
 */
public final class DecisionReplay {
    private DecisionReplay() {}

    /** The page as answered, its media type, and the decision (for its trace). */
    public record Page(FeedbackDecision decision, byte[] bytes, String mediaType) {}

    /**
     * Makes the decision {@code decisionId} again from its kept request on {@code rules}. The request
     * carries the day it was decided for ({@code asOf}, filled from the clock when it was parsed).
     */
    public static Page replay(KeptRequest request, String decisionId, RuleSet rules) {
        DecisionService service = new DecisionService(Clock.systemUTC()); // its clock only parses bodies
        FeedbackDecision again = service.decide(service.checked(request.request(), rules), rules);
        FeedbackDecision decision = new FeedbackDecision(
                decisionId,
                again.rulesVersion(),
                again.asOf(),
                again.outcome(),
                again.sections(),
                again.notices(),
                again.reminders(),
                again.notifications(),
                again.trace());
        return switch (request.form()) {
            case CALENDAR ->
                new Page(
                        decision,
                        DecisionCalendar.toText(decision).getBytes(StandardCharsets.UTF_8),
                        DecisionCalendar.MEDIA_TYPE);
            case EXPLAINED ->
                new Page(decision, DecisionJson.toBuffer(decision, true).getBytes(), "application/json");
            case JSON ->
                new Page(decision, DecisionJson.toBuffer(decision, false).getBytes(), "application/json");
        };
    }

    /**
     * The helpdesk's answer: {@code {"decisionId","decidedAt","rulesVersion","answeredAs","page",
     * "trace"}}, where {@code page} is the answer's bytes spliced in as they were sent (a JSON
     * object; a calendar as one JSON string) and {@code trace} says which rule or table row chose
     * each section (결정 근거).
     */
    public static Buffer helpdeskView(Page page, Instant decidedAt) {
        FeedbackDecision d = page.decision();
        JsonArray trace = new JsonArray();
        for (TraceEntry t : d.trace()) {
            trace.add(new JsonObject()
                    .put("section", t.section().name())
                    .put("rule", t.rule())
                    .put("source", t.source()));
        }
        Buffer view = Buffer.buffer(page.bytes().length + 1024)
                .appendString("{\"decisionId\":")
                .appendString(Json.encode(d.decisionId()))
                .appendString(",\"decidedAt\":")
                .appendString(Json.encode(decidedAt == null ? null : decidedAt.toString()))
                .appendString(",\"rulesVersion\":")
                .appendString(Json.encode(d.rulesVersion()))
                .appendString(",\"answeredAs\":")
                .appendString(Json.encode(page.mediaType()))
                .appendString(",\"page\":");
        if (page.mediaType().equals(DecisionCalendar.MEDIA_TYPE)) {
            view.appendString(Json.encode(new String(page.bytes(), StandardCharsets.UTF_8)));
        } else {
            view.appendBytes(page.bytes());
        }
        return view.appendString(",\"trace\":").appendString(trace.encode()).appendString("}");
    }
}

package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.records.KeptRequest;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;

/** A kept request decided again gives the answer its POST gave, in each form, on the real rules. */
class DecisionReplayTest {
    /** 01:30 in Seoul on 2026-03-12 while it is still the 11th in UTC: the day is Seoul's. */
    private static final Clock THEN = Clock.fixed(Instant.parse("2026-03-11T16:30:00Z"), ZoneOffset.UTC);

    private final RuleSet rules = ShippedRules.compiled();

    @Test
    void aRequestWithoutAsOfIsDecidedAgainOnTheDayItWasFirstDecidedAndAnswersTheSameBytes() {
        String body = ExampleRequests.EXAMPLE_REQUEST.replace("\"asOf\": \"2026-03-11\",", "");
        FeedbackDecision original = new DecisionService(THEN).decide(buffer(body), rules);
        assertEquals(LocalDate.of(2026, 3, 12), original.asOf());
        for (KeptRequest.Form form : KeptRequest.Form.values()) {
            byte[] sent = switch (form) {
                case JSON -> DecisionJson.toBuffer(original, false).getBytes();
                case EXPLAINED -> DecisionJson.toBuffer(original, true).getBytes();
                case CALENDAR -> DecisionCalendar.toText(original).getBytes(StandardCharsets.UTF_8);
            };
            DecisionReplay.Page page = DecisionReplay.replay(
                    new KeptRequest(new DecisionService(THEN).accept(buffer(body), rules), form),
                    original.decisionId(),
                    rules);
            assertEquals(new String(sent, StandardCharsets.UTF_8), new String(page.bytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theHelpdeskViewCarriesACalendarAsOneStringAndTheTraceOfEveryChosenSection() {
        FeedbackDecision original = new DecisionService(THEN).decide(buffer(ExampleRequests.EXAMPLE_REQUEST), rules);
        DecisionReplay.Page page = DecisionReplay.replay(
                new KeptRequest(
                        new DecisionService(THEN).accept(buffer(ExampleRequests.EXAMPLE_REQUEST), rules),
                        KeptRequest.Form.CALENDAR),
                original.decisionId(),
                rules);
        JsonObject view = new JsonObject(DecisionReplay.helpdeskView(page, Instant.parse("2026-03-11T01:00:00Z")));
        assertEquals(original.decisionId(), view.getString("decisionId"));
        assertEquals("2026-03-11T01:00:00Z", view.getString("decidedAt"));
        assertEquals(DecisionCalendar.MEDIA_TYPE, view.getString("answeredAs"));
        assertEquals(DecisionCalendar.toText(original), view.getString("page"));
        assertEquals(original.trace().size(), view.getJsonArray("trace").size());
        assertEquals(
                original.trace().get(0).rule(),
                view.getJsonArray("trace").getJsonObject(0).getString("rule"));
    }

    private static Buffer buffer(String body) {
        return Buffer.buffer(body.getBytes(StandardCharsets.UTF_8));
    }
}

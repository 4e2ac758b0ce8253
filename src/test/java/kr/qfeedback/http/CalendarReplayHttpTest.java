package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.records.DecisionRecord;
import kr.qfeedback.records.DecisionRecords;
import kr.qfeedback.records.KeptRequest;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.wire.DecisionCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A calendar answer and the helpdesk's rebuild of it, read through the API an hour apart, are the
 * same bytes: nothing in the calendar comes from the time it is written. The answer's
 * {@code X-Decision-Id} header is the id the helpdesk finds it by.
 */
class CalendarReplayHttpTest {
    private static final String DECIDE = "decide-token-for-the-calendar-replay";
    private static final String HELPDESK = "helpdesk-token-of-park-for-the-calendar-replay";
    /** 01:30 in Seoul on 2026-03-12 while it is still the 11th in UTC: the day is Seoul's. */
    private static final Instant THEN = Instant.parse("2026-03-11T16:30:00Z");

    private static final MovingClock CLOCK = new MovingClock(THEN);
    /** The records of this server's decisions with their requests, in memory (the cluster's store is tested in cluster/). */
    private static final Map<String, DecisionRecord> RECORDS = new ConcurrentHashMap<>();

    @RegisterExtension
    static final LiveServer server = LiveServer.withApi(new FeedbackApi(
            LiveServer.activeShippedRules(),
            TokenRegistry.parse("decide:" + DECIDE + ",helpdesk:park.helpdesk:" + HELPDESK),
            new ServiceMetrics(),
            CLOCK,
            null,
            new DecisionRecords() {
                @Override
                public void record(FeedbackDecision decision, String candidateId) {
                    record(decision, candidateId, null);
                }

                @Override
                public void record(FeedbackDecision decision, String candidateId, KeptRequest request) {
                    RECORDS.put(
                            decision.decisionId(), DecisionRecord.of(decision, candidateId, request, CLOCK.instant()));
                }

                @Override
                public CompletionStage<Optional<JsonObject>> find(String decisionId) {
                    return findWithRequest(decisionId).thenApply(found -> found.map(WithRequest::record));
                }

                @Override
                public CompletionStage<Optional<WithRequest>> findWithRequest(String decisionId) {
                    return CompletableFuture.completedFuture(Optional.ofNullable(RECORDS.get(decisionId))
                            .map(r -> new WithRequest(r.toJson(), r.request())));
                }
            },
            null));

    @Test
    void aCalendarRebuiltForTheHelpdeskAnHourAfterItsPostIsTheSameBytesStampedWithTheStartOfItsDay()
            throws InterruptedException {
        // Without asOf: the day is the service clock's, kept with the request.
        String body = ExampleRequests.EXAMPLE_REQUEST.replace("\"asOf\": \"2026-03-11\",", "");
        HttpResponse<String> sent = server.send(server.request("/v1/feedback")
                .header("Authorization", "Bearer " + DECIDE)
                .header("Content-Type", "application/json")
                .header("Accept", "text/calendar")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
        assertEquals(200, sent.statusCode(), sent::body);
        assertEquals(
                DecisionCalendar.MEDIA_TYPE,
                sent.headers().firstValue("Content-Type").orElse(""));
        String id = sent.headers().firstValue("X-Decision-Id").orElseThrow();
        assertTrue(RECORDS.containsKey(id), "the calendar's decision was kept with its request");

        // The service's clock moves on an hour; the wall clock (which a calendar library stamps a new
        // event with, and which cannot be set) is waited for until it too is more than a second later.
        CLOCK.advance(Duration.ofHours(1));
        Thread.sleep(1_100);

        HttpResponse<String> read = server.get("/v1/decisions/" + id, HELPDESK);
        assertEquals(200, read.statusCode(), read::body);
        JsonObject view = json(read);
        assertEquals(id, view.getString("decisionId"));
        assertEquals(DecisionCalendar.MEDIA_TYPE, view.getString("answeredAs"));
        assertEquals(sent.body(), view.getString("page"), "the calendar as its POST answered it");

        // DTSTAMP is the start of the decision's day in Seoul (asOf 2026-03-12), written in UTC.
        List<String> stamps =
                sent.body().lines().filter(line -> line.startsWith("DTSTAMP")).toList();
        assertFalse(stamps.isEmpty(), sent::body);
        stamps.forEach(stamp -> assertEquals("DTSTAMP:20260311T150000Z", stamp));
    }

    @Test
    void theDecisionIdHeaderOfACalendarLooksUpThatCalendarForTheHelpdesk() {
        HttpResponse<String> sent = server.send(server.request("/v1/feedback")
                .header("Authorization", "Bearer " + DECIDE)
                .header("Content-Type", "application/json")
                .header("Accept", "text/calendar")
                .POST(HttpRequest.BodyPublishers.ofString(ExampleRequests.EXAMPLE_REQUEST, StandardCharsets.UTF_8))
                .build());
        assertEquals(200, sent.statusCode(), sent::body);
        String id = sent.headers()
                .firstValue("X-Decision-Id")
                .orElseThrow(() -> new AssertionError("a calendar answer names its decision: "
                        + sent.headers().map()));
        String version = sent.headers()
                .firstValue("X-Rules-Version")
                .orElseThrow(() -> new AssertionError("a calendar answer names its rules version: "
                        + sent.headers().map()));
        assertEquals(LiveServer.shippedRules().version(), version);

        HttpResponse<String> read = server.get("/v1/decisions/" + id, HELPDESK);

        assertEquals(200, read.statusCode(), read::body);
        JsonObject view = json(read);
        assertEquals(id, view.getString("decisionId"));
        assertEquals(version, view.getString("rulesVersion"));
        assertEquals(DecisionCalendar.MEDIA_TYPE, view.getString("answeredAs"));
        assertEquals(sent.body(), view.getString("page"), "the very calendar the header came with");
    }

    /** A clock the test moves on; its views in other zones move with it. */
    private static final class MovingClock extends Clock {
        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovingClock(Instant now) {
            this(new AtomicReference<>(now), ZoneOffset.UTC);
        }

        private MovingClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration by) {
            now.updateAndGet(at -> at.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovingClock(now, other);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}

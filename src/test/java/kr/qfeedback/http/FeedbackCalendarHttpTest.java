package kr.qfeedback.http;

import static kr.qfeedback.testing.ExampleRequests.example;
import static kr.qfeedback.testing.ExampleRequests.with;
import static kr.qfeedback.testing.ExampleRequests.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.Duration;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /v1/feedback} with {@code Accept: text/calendar}: the decision's reminders as an
 * RFC 5545 calendar, parsed back with biweekly: one all-day event per reminder of the JSON answer,
 * the text as summary, an alarm the staff's days before, stable UIDs free of personal data, lines
 * of at most 75 octets.
 */
class FeedbackCalendarHttpTest {
    @RegisterExtension
    static final LiveServer server = LiveServer.withShippedRules();

    private static final JsonObject WRITTEN_PASS = without(example(), "candidate.heldQualifications");

    private static HttpResponse<String> calendar(JsonObject request) {
        return server.send(server.request("/v1/feedback")
                .header("Authorization", "Bearer " + LiveServer.DECIDE_TOKEN)
                .header("Content-Type", "application/json")
                .header("Accept", "text/calendar")
                .POST(HttpRequest.BodyPublishers.ofString(request.encode(), StandardCharsets.UTF_8))
                .build());
    }

    @Test
    void theCalendarHasOneAllDayEventWithAnAlarmForEachReminderOfTheJsonAnswer() {
        JsonArray reminders =
                LiveServer.decision(server.postFeedback(WRITTEN_PASS.encode())).getJsonArray("reminders");

        HttpResponse<String> response = calendar(WRITTEN_PASS);

        assertEquals(200, response.statusCode(), response::body);
        assertEquals(
                "text/calendar; charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow());
        ICalendar parsed = Biweekly.parse(response.body()).first();
        List<VEvent> events = parsed.getEvents();
        assertEquals(reminders.size(), events.size(), response::body);
        assertTrue(reminders.size() >= 4, "a written pass with documents due has several dates");
        for (int i = 0; i < events.size(); i++) {
            JsonObject reminder = reminders.getJsonObject(i);
            VEvent event = events.get(i);
            assertEquals(reminder.getString("text"), event.getSummary().getValue());
            assertTrue(!event.getDateStart().getValue().hasTime(), "an all-day event");
            LocalDate start = event.getDateStart()
                    .getValue()
                    .toInstant()
                    .atZone(ZoneId.systemDefault())
                    .toLocalDate();
            assertEquals(reminder.getString("date"), start.toString());
            Duration before = event.getAlarms().get(0).getTrigger().getDuration();
            assertTrue(before.isPrior(), "the alarm comes before the day");
        }
        assertTrue(response.body().contains("DTSTART;VALUE=DATE:20260320\r\n"), response::body);
        assertTrue(response.body().contains("TRIGGER;RELATED=START:-P3D\r\n"), "the documents' 3 days ahead");
    }

    @Test
    void everyLineIsAtMostSeventyFiveOctetsAndEndsWithCrLf() {
        String body = calendar(WRITTEN_PASS).body();

        assertTrue(body.endsWith("END:VCALENDAR\r\n"), body);
        for (String line : body.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
            assertTrue(!line.contains("\n") && !line.contains("\r"), "no bare line break: " + line);
        }
        assertTrue(body.contains("\r\n "), "Korean summaries are long enough to be folded");
    }

    @Test
    void theSameDatesGetTheSameUidsForAnotherCandidateAndAnotherRequest() {
        String first = calendar(WRITTEN_PASS).body();
        String other = calendar(
                        with(with(WRITTEN_PASS, "candidateId", "someone-else"), "candidate.birthDate", "1980-01-01"))
                .body();

        List<String> uids = uids(first);
        assertEquals(uids, uids(other));
        assertEquals(uids.size(), uids.stream().distinct().count(), "one UID per event");
        for (String uid : uids) {
            assertTrue(uid.matches("[0-9a-f]{32}@q-feedback\\.q-net\\.or\\.kr"), uid);
        }
        assertTrue(!first.contains("cand-0001") && !first.contains("1999"), "no candidate id or birth date");
    }

    @Test
    void aDecisionWithoutRemindersIsAnEmptyCalendar() {
        JsonObject finalPass = with(with(example(), "exam.stage", "PRACTICAL"), "exam.subjects", new JsonArray());

        ICalendar parsed = Biweekly.parse(calendar(finalPass).body()).first();

        assertEquals(0, parsed.getEvents().size());
    }

    @Test
    void aBadRequestStillAnswersTheJsonError() {
        HttpResponse<String> response = calendar(without(example(), "exam.round"));

        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }

    private static List<String> uids(String calendar) {
        return Biweekly.parse(calendar).first().getEvents().stream()
                .map(e -> e.getUid().getValue())
                .toList();
    }
}

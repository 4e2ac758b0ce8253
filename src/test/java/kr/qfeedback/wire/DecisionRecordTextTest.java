package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Outcome;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Tone;
import kr.qfeedback.records.DecisionRecord;
import kr.qfeedback.records.KeptRequest;
import kr.qfeedback.testing.ExampleRequests;
import org.junit.jupiter.api.Test;

class DecisionRecordTextTest {

    @Test
    void theRecordBytesReadAsTheRecordAndAreItsEncodingWhenTheCandidateIdHasNoSurrogates() {
        FeedbackDecision decision = new FeedbackDecision(
                "3b9d63ab-0a1b-4fb7-8b25-8da9ffa01099",
                "129a1d369cc3",
                LocalDate.of(2026, 3, 11),
                new Outcome(Stage.WRITTEN, ExamResult.FAIL),
                List.of(section(SectionId.RESULT_SUMMARY), section(SectionId.PASS_CRITERIA)),
                List.of(),
                List.of());
        Instant decidedAt = Instant.parse("2026-03-11T01:02:03.456Z");
        for (String candidateId : List.of("C-2026-000123", "수험자 \"1\" \\ / 끝", "tab\there\nline\u0001", "")) {
            assertEquals(
                    DecisionRecord.of(decision, candidateId, decidedAt).toJson().encode(),
                    new String(
                            DecisionRecordText.of(DecisionRecord.of(decision, candidateId, decidedAt)),
                            StandardCharsets.UTF_8),
                    candidateId);
        }
        assertEquals(
                DecisionRecord.of(decision, null, decidedAt).toJson().encode(),
                new String(DecisionRecordText.of(DecisionRecord.of(decision, null, decidedAt)), StandardCharsets.UTF_8),
                "no candidate id");
        // surrogates are escaped in the bytes (as Jackson's UTF-8 writer does), so they read back alike
        for (String candidateId : List.of("😀", "lone \uD800 half")) {
            assertEquals(
                    DecisionRecord.of(decision, candidateId, decidedAt).toJson(),
                    new JsonObject(
                            Buffer.buffer(DecisionRecordText.of(DecisionRecord.of(decision, candidateId, decidedAt)))),
                    candidateId);
        }
    }

    @Test
    void recordsWrittenAsLinesAreFoundByTheirIdAndNoOtherId() {
        Instant decidedAt = Instant.parse("2026-03-11T01:02:03.456789Z");
        DecisionRecordText.Lines lines = new DecisionRecordText.Lines();
        List<String> ids = List.of(
                "3b9d63ab-0a1b-4fb7-8b25-8da9ffa01001", "3b9d63ab-0a1b-4fb7-8b25-8da9ffa01002", "id \"quoted\"\n");
        for (String id : ids) {
            lines.add(DecisionRecord.of(decision(id), "candidate of " + id, decidedAt));
        }
        assertEquals(3, lines.count());
        byte[] bytes = lines.toByteArray();
        for (String id : ids) {
            FeedbackDecision decision = decision(id);
            assertEquals(
                    DecisionRecord.of(decision, "candidate of " + id, decidedAt).toJson(),
                    new JsonObject(Buffer.buffer(DecisionRecordText.find(bytes, id))),
                    id);
            assertEquals(
                    new String(
                            DecisionRecordText.of(DecisionRecord.of(decision, "candidate of " + id, decidedAt)),
                            StandardCharsets.UTF_8),
                    new String(DecisionRecordText.find(bytes, id), StandardCharsets.UTF_8),
                    "the line is the record's bytes");
        }
        assertNull(DecisionRecordText.find(bytes, "3b9d63ab-0a1b-4fb7-8b25-8da9ffa0100"), "a prefix of an id");
        assertNull(DecisionRecordText.find(bytes, "3b9d63ab-0a1b-4fb7-8b25-8da9ffa010011"), "an id with more after it");
        assertNull(DecisionRecordText.find(bytes, "candidate of " + ids.get(0)), "a candidate id is not a decision id");
        assertNull(DecisionRecordText.find(new byte[0], ids.get(0)));
    }

    @Test
    void aRequestKeptWithItsRecordIsStoredOnOneLineAndReadsAsTheSameRequestWhileRecordReadersPassItBy() {
        Instant decidedAt = Instant.parse("2026-03-11T01:02:03Z");
        LocalDate asOf = LocalDate.of(2026, 3, 11);
        FeedbackRequest example = parsed(ExampleRequests.EXAMPLE_REQUEST, asOf);
        FeedbackRequest other = parsed(ExampleRequests.EXAMPLE_REQUEST.replace("bench-0001", "줄\n바꿈"), asOf);
        String first = "3b9d63ab-0a1b-4fb7-8b25-8da9ffa01001";
        String second = "3b9d63ab-0a1b-4fb7-8b25-8da9ffa01002";
        String third = "3b9d63ab-0a1b-4fb7-8b25-8da9ffa01003";
        byte[] bytes = new DecisionRecordText.Lines()
                .add(DecisionRecord.of(
                        decision(first), "c1", new KeptRequest(example, KeptRequest.Form.EXPLAINED), decidedAt))
                .add(DecisionRecord.of(decision(second), "c2", decidedAt))
                .add(DecisionRecord.of(
                        decision(third), "c3", new KeptRequest(other, KeptRequest.Form.CALENDAR), decidedAt))
                .toByteArray();
        assertEquals(5, new String(bytes, StandardCharsets.UTF_8).lines().count(), "three records, two requests");

        KeptRequest kept = DecisionRecordText.findRequest(bytes, first, asOf);
        assertEquals(KeptRequest.Form.EXPLAINED, kept.form());
        assertEquals(example, kept.request());
        assertNull(DecisionRecordText.findRequest(bytes, second, asOf), "kept without its request");
        assertEquals(
                new KeptRequest(other, KeptRequest.Form.CALENDAR), DecisionRecordText.findRequest(bytes, third, asOf));

        // A reader of records alone (a member of an earlier version) finds each record as before.
        assertEquals(
                DecisionRecord.of(decision(first), "c1", decidedAt).toJson(),
                new JsonObject(Buffer.buffer(DecisionRecordText.find(bytes, first))));
        byte[] withRequest = DecisionRecordText.findWithRequest(bytes, first);
        assertEquals(
                DecisionRecord.of(decision(first), "c1", decidedAt).toJson(),
                new JsonObject(Buffer.buffer(DecisionRecordText.recordOf(withRequest))));
        assertEquals(
                example,
                DecisionRecordText.findRequest(withRequest, first, asOf).request());
        assertEquals(
                new String(DecisionRecordText.find(bytes, second), StandardCharsets.UTF_8),
                new String(DecisionRecordText.findWithRequest(bytes, second), StandardCharsets.UTF_8),
                "no request line is taken from the next record");
        assertNull(
                DecisionRecordText.findRequest(bytes, "3b9d63ab-0a1b-4fb7-8b25-8da9ffa0100", asOf),
                "a prefix of an id");
        assertEquals(
                "KeptRequest[CALENDAR]",
                DecisionRecordText.findRequest(bytes, third, asOf).toString());
    }

    @Test
    void aRequestLineOfTheVersionBeforeHoldsJsonAndIsParsedOnTheRecordsDay() {
        String id = "3b9d63ab-0a1b-4fb7-8b25-8da9ffa01001";
        String withoutAsOf = ExampleRequests.EXAMPLE_REQUEST
                .replace("\"asOf\": \"2026-03-11\",", "")
                .replaceAll("\\s*\n\\s*", "");
        byte[] lines = (new String(
                                DecisionRecordText.of(
                                        DecisionRecord.of(decision(id), "c1", Instant.parse("2026-03-11T01:02:03Z"))),
                                StandardCharsets.UTF_8)
                        + "\n>" + id + " j " + withoutAsOf + "\n")
                .getBytes(StandardCharsets.UTF_8);
        KeptRequest kept = DecisionRecordText.findRequest(lines, id, LocalDate.of(2026, 3, 12));
        assertEquals(KeptRequest.Form.JSON, kept.form());
        assertEquals(
                parsed(ExampleRequests.EXAMPLE_REQUEST, null).exam(),
                kept.request().exam());
        assertEquals(LocalDate.of(2026, 3, 12), kept.request().asOf(), "the day a request without one was decided on");
    }

    @Test
    void aRequestLineThatHoldsNoReadableRequestIsRefusedNotMisread() {
        String id = "3b9d63ab-0a1b-4fb7-8b25-8da9ffa01001";
        for (String line : List.of("AAAA", "not base64!", "{\"candidateId\":", "AQ==")) {
            byte[] lines = (">" + id + " e " + line + "\n").getBytes(StandardCharsets.UTF_8);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> DecisionRecordText.findRequest(lines, id, LocalDate.of(2026, 3, 11)),
                    line);
        }
    }

    private static FeedbackRequest parsed(String body, LocalDate asOf) {
        java.time.Clock clock = asOf == null
                ? java.time.Clock.systemUTC()
                : java.time.Clock.fixed(
                        asOf.atStartOfDay(FeedbackRequestParser.SEOUL).toInstant(), FeedbackRequestParser.SEOUL);
        return new FeedbackRequestParser(clock).parse(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static FeedbackDecision decision(String id) {
        return new FeedbackDecision(
                id,
                "129a1d369cc3",
                LocalDate.of(2026, 3, 11),
                new Outcome(Stage.WRITTEN, ExamResult.PASS),
                List.of(section(SectionId.RESULT_SUMMARY)),
                List.of(),
                List.of());
    }

    private static Section section(SectionId id) {
        return new Section(id, 10, Tone.INFO, "제목", "본문", Map.of(), List.of());
    }
}

package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Outcome;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Tone;
import org.junit.jupiter.api.Test;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

class DecisionRecordTextTest {

    @Test
    void theRecordBytesReadAsTheRecordAndAreItsEncodingWhenTheCandidateIdHasNoSurrogates() {
        FeedbackDecision decision = new FeedbackDecision("3b9d63ab-0a1b-4fb7-8b25-8da9ffa01099", "129a1d369cc3",
                LocalDate.of(2026, 3, 11), new Outcome(Stage.WRITTEN, ExamResult.FAIL),
                List.of(section(SectionId.RESULT_SUMMARY), section(SectionId.PASS_CRITERIA)), List.of(), List.of());
        Instant decidedAt = Instant.parse("2026-03-11T01:02:03.456Z");
        for (String candidateId : List.of("C-2026-000123", "수험자 \"1\" \\ / 끝", "tab\there\nline\u0001", "")) {
            assertEquals(DecisionRecords.recordOf(decision, candidateId, decidedAt).encode(),
                    new String(DecisionRecordText.of(decision, candidateId, decidedAt), StandardCharsets.UTF_8), candidateId);
        }
        assertEquals(DecisionRecords.recordOf(decision, null, decidedAt).encode(),
                new String(DecisionRecordText.of(decision, null, decidedAt), StandardCharsets.UTF_8), "no candidate id");
        // surrogates are escaped in the bytes (as Jackson's UTF-8 writer does), so they read back alike
        for (String candidateId : List.of("😀", "lone \uD800 half")) {
            assertEquals(DecisionRecords.recordOf(decision, candidateId, decidedAt),
                    new JsonObject(Buffer.buffer(DecisionRecordText.of(decision, candidateId, decidedAt))), candidateId);
        }
    }

    private static Section section(SectionId id) {
        return new Section(id, 10, Tone.INFO, "제목", "본문", Map.of(), List.of());
    }
}

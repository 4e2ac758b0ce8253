package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;

/** The bytes a record keeps of its request decode to the very request, and nothing else decodes. */
class CompactRequestTest {

    @Test
    void everyRequestOfAGeneratedCohortDecodesToAnEqualRequest() {
        RuleSet rules = ShippedRules.compiled();
        List<FeedbackRequest> cohort = CohortGenerator.list(rules.reference(), rules.parameters(), 7L, 20_000);
        FieldBytes.Out out = new FieldBytes.Out();
        for (FeedbackRequest request : cohort) {
            CompactRequest.encode(request, out.clear());
            assertEquals(request, CompactRequest.decode(out.bytes(), 0, out.length()));
        }
    }

    @Test
    void textsKeepEveryCharAndScoresEveryBitAndMissingValuesStayMissing() {
        FeedbackRequest odd = new FeedbackRequest(
                "id \"\n\t\\ \ud800 끝",
                LocalDate.of(2026, 12, 31),
                new QualificationRef("0000", null, Grade.CRAFTSMAN),
                new ExamSitting(
                        "2026-4",
                        Stage.PRACTICAL,
                        LocalDate.of(2026, 11, 1),
                        LocalDate.of(2026, 12, 5),
                        ExamResult.ABSENT,
                        null,
                        List.of(new SubjectScore("ÿ", 59.95), new SubjectScore("", -0.0))),
                new CandidateInfo(LocalDate.of(1901, 1, 1), null, DocumentStatus.values()[0], 0, List.of("", "😀")));
        FieldBytes.Out out = new FieldBytes.Out();
        CompactRequest.encode(odd, out);
        FeedbackRequest back = CompactRequest.decode(out.bytes(), 0, out.length());
        assertEquals(odd, back);
        assertEquals(
                Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(back.exam().subjects().get(1).score()));
        CompactRequest.encode(
                new FeedbackRequest("x", odd.asOf(), odd.qualification(), odd.exam(), CandidateInfo.UNKNOWN),
                out.clear());
        assertEquals(
                CandidateInfo.UNKNOWN,
                CompactRequest.decode(out.bytes(), 0, out.length()).candidate());
    }

    @Test
    void theExampleRequestTakesUnderAThirdOfItsJson() {
        FieldBytes.Out out = new FieldBytes.Out();
        CompactRequest.encode(example(), out);
        int json = ExampleRequests.EXAMPLE_REQUEST
                .replaceAll("\\s+(?=([^\"]*\"[^\"]*\")*[^\"]*$)", "")
                .getBytes(StandardCharsets.UTF_8)
                .length;
        assertTrue(out.length() * 3 < json, out.length() + " bytes against " + json + " of compact JSON");
    }

    @Test
    void bytesCutShortLongerOrOfAnotherFormatAreRefusedNeverMisread() {
        FieldBytes.Out out = new FieldBytes.Out();
        CompactRequest.encode(example(), out);
        byte[] bytes = Arrays.copyOf(out.bytes(), out.length());
        for (int cut = 0; cut < bytes.length; cut++) {
            int at = cut;
            assertThrows(IllegalArgumentException.class, () -> CompactRequest.decode(bytes, 0, at), "cut at " + at);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IllegalArgumentException.class, () -> CompactRequest.decode(longer, 0, longer.length));
        byte[] other = bytes.clone();
        other[0] = 2;
        assertThrows(IllegalArgumentException.class, () -> CompactRequest.decode(other, 0, other.length));
        byte[] huge = {CompactRequest.FORMAT, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        assertThrows(IllegalArgumentException.class, () -> CompactRequest.decode(huge, 0, huge.length));
    }

    private static FeedbackRequest example() {
        return new FeedbackRequestParser(Clock.systemUTC())
                .parse(Buffer.buffer(ExampleRequests.EXAMPLE_REQUEST.getBytes(StandardCharsets.UTF_8)));
    }
}

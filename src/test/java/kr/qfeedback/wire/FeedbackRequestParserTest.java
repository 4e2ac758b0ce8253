package kr.qfeedback.wire;

import static kr.qfeedback.testing.ExampleRequests.example;
import static kr.qfeedback.testing.ExampleRequests.with;
import static kr.qfeedback.testing.ExampleRequests.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request parser on its own, without HTTP: what it reads and which field path it blames. */
class FeedbackRequestParserTest {
    /** 2026-03-10 20:00 UTC is 2026-03-11 05:00 in Seoul. */
    private final FeedbackRequestParser parser =
            new FeedbackRequestParser(Clock.fixed(Instant.parse("2026-03-10T20:00:00Z"), ZoneOffset.UTC));

    private FeedbackRequest parse(JsonObject json) {
        return parser.parse(json.toBuffer());
    }

    private ApiError rejected(String body) {
        return assertThrows(ApiError.class, () -> parser.parse(Buffer.buffer(body)));
    }

    private ApiError rejected(JsonObject json) {
        return rejected(json.encode());
    }

    private static void assertInvalid(ApiError error, String field) {
        assertEquals(400, error.status());
        assertEquals("INVALID_REQUEST", error.code());
        assertEquals(field, error.field(), error::getMessage);
        assertTrue(error.getMessage() != null && !error.getMessage().isBlank());
    }

    @Test
    void theContractExampleIsReadFieldByField() {
        FeedbackRequest r = parse(example());
        assertEquals("cand-0001", r.candidateId());
        assertEquals(LocalDate.of(2026, 3, 11), r.asOf());
        assertEquals("1320", r.qualification().code());
        assertEquals("정보처리기사", r.qualification().name());
        assertEquals(Grade.ENGINEER, r.qualification().grade());
        assertEquals("2026-1", r.exam().round());
        assertEquals(Stage.WRITTEN, r.exam().stage());
        assertEquals(LocalDate.of(2026, 1, 30), r.exam().examDate());
        assertEquals(LocalDate.of(2026, 3, 11), r.exam().announcedOn());
        assertEquals(ExamResult.PASS, r.exam().result());
        assertEquals(71.5, r.exam().totalScore());
        assertEquals(List.of(new SubjectScore("소프트웨어 설계", 80)), r.exam().subjects());
        CandidateInfo c = r.candidate();
        assertEquals(LocalDate.of(1999, 5, 2), c.birthDate());
        assertEquals(LocalDate.of(2025, 6, 13), c.writtenPassAnnouncedOn());
        assertEquals(DocumentStatus.NOT_SUBMITTED, c.eligibilityDocuments());
        assertEquals(2, c.attempts());
        assertEquals(List.of("2290"), c.heldQualifications());
    }

    @Test
    void anOmittedAsOfIsTodayInSeoul() {
        assertEquals(
                LocalDate.of(2026, 3, 11), parse(without(example(), "asOf")).asOf());
    }

    @Test
    void anOmittedCandidateIsUnknownAndOmittedSubjectsAreEmpty() {
        FeedbackRequest r = parse(without(without(example(), "candidate"), "exam.subjects"));
        assertSame(CandidateInfo.UNKNOWN, r.candidate());
        assertEquals(List.of(), r.exam().subjects());
    }

    @Test
    void aBlankOptionalNameIsTreatedAsAbsent() {
        assertNull(parse(with(example(), "qualification.name", "  "))
                .qualification()
                .name());
    }

    @Test
    void anAbsenceNeedsNoTotalScore() {
        FeedbackRequest r = parse(with(without(example(), "exam.totalScore"), "exam.result", "ABSENT"));
        assertEquals(ExamResult.ABSENT, r.exam().result());
        assertNull(r.exam().totalScore());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{not json", "[1,2]", "", "null", "true", "\"x\""})
    void aBodyThatIsNotAnObjectBlamesNoField(String body) {
        assertInvalid(rejected(body), null);
    }

    @Test
    void aNullBodyBlamesNoField() {
        ApiError error = assertThrows(ApiError.class, () -> parser.parse(null));
        assertInvalid(error, null);
    }

    static Stream<String> requiredPaths() {
        return Stream.of(
                "candidateId",
                "qualification",
                "qualification.code",
                "qualification.grade",
                "exam",
                "exam.round",
                "exam.stage",
                "exam.examDate",
                "exam.announcedOn",
                "exam.result",
                "exam.totalScore");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredPaths")
    void eachMissingRequiredFieldIsBlamedByItsPath(String path) {
        assertInvalid(rejected(without(example(), path)), path);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("candidateId", 1),
                Arguments.of("candidateId", "x".repeat(65)),
                Arguments.of("qualification.code", "x".repeat(21)),
                Arguments.of("qualification.name", "x".repeat(201)),
                Arguments.of("qualification.grade", "ENGINEER "),
                Arguments.of("exam.round", ""),
                Arguments.of("exam.stage", "written"),
                Arguments.of("exam.result", "ABSENT_"),
                Arguments.of("exam.examDate", "2026-02-30"),
                Arguments.of("exam.examDate", "20260130"),
                Arguments.of("exam.examDate", "1899-12-31"),
                Arguments.of("exam.announcedOn", "2026-03-11 "),
                Arguments.of("exam.totalScore", "71.5"),
                Arguments.of("exam.totalScore", 100.1),
                Arguments.of("exam.totalScore", -0.5),
                Arguments.of("exam.totalScore", 71.55),
                Arguments.of("exam.subjects", new JsonObject()),
                Arguments.of("asOf", "2026-02-29"),
                Arguments.of("candidate", new JsonArray()),
                Arguments.of("candidate.attempts", 2.5),
                Arguments.of("candidate.attempts", 1001),
                Arguments.of("candidate.eligibilityDocuments", "YES"),
                Arguments.of("candidate.heldQualifications", new JsonObject()),
                Arguments.of("candidate.birthDate", "02/05/1999"),
                Arguments.of("candidate.writtenPassAnnouncedOn", 20250613));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void aBadValueIsBlamedOnItsPath(String path, Object value) {
        assertInvalid(rejected(with(example(), path, value)), path);
    }

    static Stream<Arguments> badSubjects() {
        JsonObject ok = new JsonObject().put("name", "과목").put("score", 50);
        return Stream.of(
                Arguments.of(
                        new JsonArray()
                                .add(ok)
                                .add(new JsonObject().put("name", "과목2").put("score", 80.25)),
                        "exam.subjects[1].score"),
                Arguments.of(
                        new JsonArray().add(ok).add(new JsonObject().put("name", "과목2")), "exam.subjects[1].score"),
                Arguments.of(
                        new JsonArray()
                                .add(ok)
                                .add(new JsonObject().put("name", "과목2").put("score", 101)),
                        "exam.subjects[1].score"),
                Arguments.of(
                        new JsonArray()
                                .add(ok)
                                .add(new JsonObject().put("name", "과목2").put("score", "80")),
                        "exam.subjects[1].score"),
                Arguments.of(
                        new JsonArray().add(new JsonObject().put("name", " ").put("score", 50)),
                        "exam.subjects[0].name"),
                Arguments.of(new JsonArray().add(ok).add(ok).add(42), "exam.subjects[2]"),
                Arguments.of(new JsonArray().add(ok).add(ok).add(ok).addNull(), "exam.subjects[3]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSubjects")
    void aBadSubjectIsBlamedOnItsIndexedPath(JsonArray subjects, String field) {
        ApiError error = rejected(with(example(), "exam.subjects", subjects));
        assertInvalid(error, field);
        assertTrue(error.getMessage().contains(field), error::getMessage);
    }

    @Test
    void moreThanFiftySubjectsAreRejected() {
        JsonArray subjects = new JsonArray();
        for (int i = 0; i < 51; i++) {
            subjects.add(new JsonObject().put("name", "과목" + i).put("score", 50));
        }
        assertInvalid(rejected(with(example(), "exam.subjects", subjects)), "exam.subjects");
    }

    @Test
    void aHeldQualificationIsBlamedByItsIndex() {
        JsonArray held = new JsonArray().add("2290").add("").add("1320");
        assertInvalid(
                rejected(with(example(), "candidate.heldQualifications", held)), "candidate.heldQualifications[1]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "100", "0.5", "99.9", "60.0", "60.10"})
    void scoresFromZeroToHundredWithAtMostOneDecimalAreAccepted(String score) {
        String body = example().encode().replace("71.5", score);
        assertEquals(
                Double.parseDouble(score),
                parser.parse(Buffer.buffer(body)).exam().totalScore());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e400", "-1e400", "1E+400"})
    void aNumberTooLargeForADoubleIsAnInvalidScoreNotACrash(String score) {
        String body = example().encode().replace("71.5", score);
        assertInvalid(rejected(body), "exam.totalScore");
    }

    @Test
    void attemptsBeyondTheIntRangeAreRejectedNotWrappedAround() {
        // 4294967297 = 2^32 + 1 would wrap to 1 if read with intValue().
        String body = example().encode().replace("\"attempts\":2", "\"attempts\":4294967297");
        assertInvalid(rejected(body), "candidate.attempts");
    }

    @Test
    void theRequiredFieldsAreCheckedOutsideInSoTheFirstMissingOneIsNamed() {
        assertInvalid(rejected("{}"), "candidateId");
        assertInvalid(rejected("{\"candidateId\":\"a\"}"), "qualification");
        assertInvalid(
                rejected("{\"candidateId\":\"a\",\"qualification\":{\"code\":\"1320\",\"grade\":\"ENGINEER\"}}"),
                "exam");
    }
}

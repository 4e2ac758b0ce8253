package kr.qfeedback.http;

import static kr.qfeedback.testing.ExampleRequests.example;
import static kr.qfeedback.testing.ExampleRequests.with;
import static kr.qfeedback.testing.ExampleRequests.without;
import static kr.qfeedback.testing.LiveServer.AUTHOR_TOKEN;
import static kr.qfeedback.testing.LiveServer.DECIDE_TOKEN;
import static kr.qfeedback.testing.LiveServer.assertError;
import static kr.qfeedback.testing.LiveServer.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every row of the contract's error table, against the real server on a real port with the
 * shipped rules: status, stable code, the field at fault, and the error body's shape. Bad input
 * never gets a 500.
 */
class FeedbackErrorsHttpTest {
    @RegisterExtension
    static final LiveServer server =
            LiveServer.withShippedRules().clock(Clock.fixed(Instant.parse("2026-03-11T00:00:00Z"), ZoneOffset.UTC));

    /** The contract's limit ("at most 64 KiB"), not the code's constant, so a changed constant fails here. */
    private static final int CONTRACT_BODY_LIMIT = 64 * 1024;

    private static HttpResponse<String> post(JsonObject body) {
        return server.postFeedback(body.encode());
    }

    @Test
    void theContractExampleItselfIsAcceptedSoThatEveryRejectionBelowIsCausedByItsOneChange() {
        decision(post(example()));
    }

    // ---- 400 INVALID_REQUEST ----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"{not json", "{\"candidateId\": \"a\",", "", "null", "42", "\"text\"", "{\"a\":1} trailing"})
    void aBodyThatIsNotOneJsonObjectIsRejectedWithoutNamingAField(String body) {
        HttpResponse<String> response = server.postFeedback(body);
        assertError(response, 400, "INVALID_REQUEST", null);
    }

    @Test
    void aTopLevelArrayIsRejectedAsInvalidRequest() {
        HttpResponse<String> response =
                server.postFeedback(new JsonArray().add(example()).encode());
        assertError(response, 400, "INVALID_REQUEST", null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
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
                "exam.totalScore"
            })
    void aMissingRequiredFieldIsRejectedNamingThatField(String path) {
        assertError(post(without(example(), path)), 400, "INVALID_REQUEST", path);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "candidateId",
                "qualification.code",
                "qualification.grade",
                "exam.round",
                "exam.stage",
                "exam.examDate",
                "exam.announcedOn",
                "exam.result",
                "exam.totalScore"
            })
    void aRequiredFieldSentAsNullIsRejectedLikeAMissingOne(String path) {
        assertError(post(with(example(), path, null)), 400, "INVALID_REQUEST", path);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PASS", "FAIL"})
    void aPassOrFailWithoutTotalScoreIsRejectedNamingExamTotalScore(String result) {
        JsonObject request = without(with(example(), "exam.result", result), "exam.totalScore");
        JsonObject error = assertError(post(request), 400, "INVALID_REQUEST", "exam.totalScore");
        assertTrue(error.getString("message").contains(result), () -> "the message names the result: " + error);
    }

    static Stream<Arguments> mistypedFields() {
        return Stream.of(
                Arguments.of("candidateId", 12345),
                Arguments.of("candidateId", ""),
                Arguments.of("candidateId", "   "),
                Arguments.of("qualification.code", 1320),
                Arguments.of("qualification.name", 7),
                Arguments.of("exam.round", 2026),
                Arguments.of("exam.examDate", 20260130),
                Arguments.of("exam.totalScore", "71.5"),
                Arguments.of("exam.totalScore", true),
                Arguments.of("exam.subjects", "소프트웨어 설계"),
                Arguments.of("candidate", "none"),
                Arguments.of("candidate.attempts", "2"),
                Arguments.of("candidate.attempts", 1.5),
                Arguments.of("candidate.attempts", -1),
                Arguments.of("candidate.heldQualifications", "2290"),
                Arguments.of("candidate.birthDate", 19990502));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("mistypedFields")
    void aMistypedFieldIsRejectedNamingThatField(String path, Object value) {
        assertError(post(with(example(), path, value)), 400, "INVALID_REQUEST", path);
    }

    @Test
    void aNonObjectQualificationIsRejectedNamingQualification() {
        assertError(post(with(example(), "qualification", "1320")), 400, "INVALID_REQUEST", "qualification");
    }

    @Test
    void aHeldQualificationThatIsNotACodeIsRejectedNamingItsIndex() {
        JsonObject request = with(
                example(),
                "candidate.heldQualifications",
                new JsonArray().add("2290").add(2291));
        assertError(post(request), 400, "INVALID_REQUEST", "candidate.heldQualifications[1]");
    }

    static Stream<Arguments> unknownEnumValues() {
        return Stream.of(
                Arguments.of("qualification.grade", "MASTER"),
                Arguments.of("qualification.grade", "engineer"),
                Arguments.of("exam.stage", "ORAL"),
                Arguments.of("exam.result", "PASSED"),
                Arguments.of("exam.stage", 1),
                Arguments.of("candidate.eligibilityDocuments", "LOST"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("unknownEnumValues")
    void anUnknownEnumValueIsRejectedNamingTheFieldAndListingWhatIsAccepted(String path, Object value) {
        JsonObject error = assertError(post(with(example(), path, value)), 400, "INVALID_REQUEST", path);
        String message = error.getString("message");
        assertTrue(message.contains(String.valueOf(value)), () -> "the message repeats the value sent: " + message);
    }

    @Test
    void anUnknownStageListsTheAcceptedStagesInItsMessage() {
        JsonObject error =
                assertError(post(with(example(), "exam.stage", "ORAL")), 400, "INVALID_REQUEST", "exam.stage");
        String message = error.getString("message");
        assertTrue(
                message.contains("WRITTEN") && message.contains("PRACTICAL") && message.contains("INTERVIEW"), message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {-0.1, -1, 100.1, 101, 1000})
    void aTotalScoreOutOfRangeIsRejectedNamingTheField(double score) {
        assertError(post(with(example(), "exam.totalScore", score)), 400, "INVALID_REQUEST", "exam.totalScore");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"71.55", "0.01", "99.99", "60.125"})
    void aScoreWithTwoDecimalsIsRejectedNamingTheField(String score) {
        String body = example().encode().replace("71.5", score);
        assertError(server.postFeedback(body), 400, "INVALID_REQUEST", "exam.totalScore");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "100", "100.0", "0.0", "59.9", "71.50"})
    void aScoreAtTheEdgesOfTheRangeOrWithTrailingZerosIsAccepted(String score) {
        String body = example().encode().replace("71.5", score);
        decision(server.postFeedback(body));
    }

    @Test
    void anIntegerTooLargeForALongIsAnInvalidScore() {
        String body = example().encode().replace("71.5", "123456789012345678901234567890");
        assertError(server.postFeedback(body), 400, "INVALID_REQUEST", "exam.totalScore");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e400", "-1e400"})
    void aNumberTooLargeForADoubleIsAnInvalidScoreNotAServerError(String score) {
        String body = example().encode().replace("71.5", score);
        HttpResponse<String> response = server.postFeedback(body);
        assertNotEquals(500, response.statusCode(), response::body);
        assertError(response, 400, "INVALID_REQUEST", "exam.totalScore");
    }

    @Test
    void aSubjectScoreErrorNamesTheSubjectByItsIndex() {
        JsonArray subjects = new JsonArray()
                .add(new JsonObject().put("name", "소프트웨어 설계").put("score", 80))
                .add(new JsonObject().put("name", "소프트웨어 개발").put("score", 80.25));
        JsonObject error = assertError(
                post(with(example(), "exam.subjects", subjects)), 400, "INVALID_REQUEST", "exam.subjects[1].score");
        assertTrue(error.getString("message").contains("exam.subjects[1].score"), error::encode);
    }

    static Stream<Arguments> badSubjects() {
        JsonObject ok = new JsonObject().put("name", "소프트웨어 설계").put("score", 80);
        return Stream.of(
                Arguments.of(
                        new JsonArray().add(ok).add(new JsonObject().put("name", "데이터베이스")), "exam.subjects[1].score"),
                Arguments.of(
                        new JsonArray()
                                .add(ok)
                                .add(new JsonObject().put("name", "데이터베이스").put("score", "80")),
                        "exam.subjects[1].score"),
                Arguments.of(
                        new JsonArray()
                                .add(ok)
                                .add(new JsonObject().put("name", "데이터베이스").put("score", 100.5)),
                        "exam.subjects[1].score"),
                Arguments.of(new JsonArray().add(ok).add(new JsonObject().put("score", 50)), "exam.subjects[1].name"),
                Arguments.of(new JsonArray().add(ok).add("데이터베이스"), "exam.subjects[1]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSubjects")
    void aBadSubjectIsRejectedNamingItsPathInsideTheArray(JsonArray subjects, String field) {
        assertError(post(with(example(), "exam.subjects", subjects)), 400, "INVALID_REQUEST", field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badDates")
    void aBadDateIsRejectedNamingTheField(String path, String date) {
        JsonObject error = assertError(post(with(example(), path, date)), 400, "INVALID_REQUEST", path);
        assertTrue(
                error.getString("message").contains("YYYY-MM-DD"), () -> "the message says what is accepted: " + error);
    }

    static Stream<Arguments> badDates() {
        return Stream.of(
                Arguments.of("exam.examDate", "2026-02-30"),
                Arguments.of("exam.examDate", "20260130"),
                Arguments.of("exam.examDate", "2026-1-30"),
                Arguments.of("exam.examDate", "2026-01-30T00:00:00"),
                Arguments.of("exam.announcedOn", "2026-13-01"),
                Arguments.of("asOf", "2026-02-29"),
                Arguments.of("asOf", "11.03.2026"),
                Arguments.of("candidate.birthDate", "1999-02-30"),
                Arguments.of("candidate.writtenPassAnnouncedOn", "yesterday"));
    }

    @Test
    void aCandidateIdLongerThan64CharactersIsRejectedNamingCandidateId() {
        assertError(post(with(example(), "candidateId", "x".repeat(65))), 400, "INVALID_REQUEST", "candidateId");
    }

    @Test
    void aCandidateIdOfExactly64CharactersIsAccepted() {
        decision(post(with(example(), "candidateId", "x".repeat(64))));
    }

    @Test
    void aRejectedCandidateIdIsNotEchoedBackInTheErrorMessage() {
        String id = "secret-candidate-" + "9".repeat(60);
        JsonObject error = assertError(post(with(example(), "candidateId", id)), 400, "INVALID_REQUEST", "candidateId");
        assertTrue(!error.getString("message").contains(id), error::encode);
    }

    @Test
    void aMalformedQueryStringIsABadRequestNotAServerError() {
        LiveServer.RawResponse response =
                server.raw("POST /v1/feedback?explain=%zz HTTP/1.1", example().encode());
        assertEquals(400, response.status(), response::body);
        JsonObject error = new JsonObject(response.body()).getJsonObject("error");
        assertEquals("INVALID_REQUEST", error.getString("code"), response::body);
    }

    // ---- 401 / 403 --------------------------------------------------------------------------

    @Test
    void aRequestWithoutTokenIsUnauthenticated() {
        HttpResponse<String> response =
                server.post("/v1/feedback", null, "application/json", example().encode());
        assertError(response, 401, "UNAUTHENTICATED", null);
    }

    @Test
    void aRequestWithAnUnknownTokenIsUnauthenticated() {
        HttpResponse<String> response = server.post(
                "/v1/feedback",
                "not-a-known-token",
                "application/json",
                example().encode());
        assertError(response, 401, "UNAUTHENTICATED", null);
    }

    @Test
    void aKnownTokenSentWithoutTheBearerSchemeIsUnauthenticated() {
        HttpResponse<String> response = server.send(server.request("/v1/feedback")
                .header("Authorization", "Basic " + DECIDE_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(example().encode()))
                .build());
        assertError(response, 401, "UNAUTHENTICATED", null);
    }

    @Test
    void authenticationIsCheckedBeforeTheBodySoAnUnauthenticatedBadBodyIs401() {
        HttpResponse<String> response = server.post("/v1/feedback", null, "text/plain", "{not json");
        assertError(response, 401, "UNAUTHENTICATED", null);
    }

    @Test
    void theAuthorTokenIsForbiddenOnFeedback() {
        HttpResponse<String> response = server.post(
                "/v1/feedback", AUTHOR_TOKEN, "application/json", example().encode());
        JsonObject error = assertError(response, 403, "FORBIDDEN", null);
        assertTrue(error.getString("message").contains("decide"), () -> "the message names the missing role: " + error);
    }

    // ---- 413 / 415 --------------------------------------------------------------------------

    private static String oversizedBody() {
        // A valid request padded with an unknown field (unknown fields are ignored) to just over 64 KiB.
        String body =
                with(example(), "padding", "x".repeat(CONTRACT_BODY_LIMIT)).encode();
        assertTrue(body.length() > 64 * 1024);
        return body;
    }

    @Test
    void aBodyOver64KiBIsTooLarge() {
        HttpResponse<String> response = server.postFeedback(oversizedBody());
        assertError(response, 413, "TOO_LARGE", null);
    }

    @Test
    void aChunkedBodyOver64KiBWithoutContentLengthIsTooLarge() {
        HttpResponse<String> response = server.postChunked("/v1/feedback", DECIDE_TOKEN, oversizedBody());
        assertError(response, 413, "TOO_LARGE", null);
    }

    @Test
    void aBodyOfExactly64KiBIsStillDecided() {
        int base = utf8Length(with(example(), "padding", "").encode());
        String body = with(example(), "padding", "x".repeat(CONTRACT_BODY_LIMIT - base))
                .encode();
        assertEquals(CONTRACT_BODY_LIMIT, utf8Length(body));
        decision(server.postFeedback(body));
    }

    @Test
    void aBodyOneByteOver64KiBIsTooLarge() {
        int base = utf8Length(with(example(), "padding", "").encode());
        String body = with(example(), "padding", "x".repeat(CONTRACT_BODY_LIMIT - base + 1))
                .encode();
        assertEquals(CONTRACT_BODY_LIMIT + 1, utf8Length(body));
        assertError(server.postFeedback(body), 413, "TOO_LARGE", null);
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @Test
    void aTextPlainBodyIsUnsupportedMediaType() {
        HttpResponse<String> response = server.post(
                "/v1/feedback", DECIDE_TOKEN, "text/plain", example().encode());
        JsonObject error = assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE", null);
        assertTrue(error.getString("message").contains("application/json"), error::encode);
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupportedMediaType() {
        HttpResponse<String> response =
                server.post("/v1/feedback", DECIDE_TOKEN, null, example().encode());
        assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE", null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/json; charset=utf-8", "Application/JSON", "application/vnd.qnet+json"})
    void jsonContentTypesWithParametersOrSuffixesAreAccepted(String contentType) {
        decision(
                server.post("/v1/feedback", DECIDE_TOKEN, contentType, example().encode()));
    }

    // ---- 422 INCONSISTENT -------------------------------------------------------------------

    @Test
    void anAnnouncementBeforeTheExamIsInconsistentNamingAnnouncedOn() {
        JsonObject request = with(example(), "exam.announcedOn", "2026-01-29");
        assertError(post(request), 422, "INCONSISTENT", "exam.announcedOn");
    }

    @Test
    void aPracticalResultForAProfessionalEngineerIsInconsistentNamingTheStage() {
        // 0011 용접기술사 is a PROFESSIONAL_ENGINEER qualification; its second stage is INTERVIEW.
        JsonObject request = with(
                with(with(example(), "qualification.code", "0011"), "qualification.grade", "PROFESSIONAL_ENGINEER"),
                "exam.stage",
                "PRACTICAL");
        JsonObject error = assertError(post(without(request, "qualification.name")), 422, "INCONSISTENT", "exam.stage");
        assertTrue(error.getString("message").contains("INTERVIEW"), error::encode);
    }

    @Test
    void anInterviewResultForAnEngineerIsInconsistentNamingTheStage() {
        JsonObject request = with(example(), "exam.stage", "INTERVIEW");
        JsonObject error = assertError(post(request), 422, "INCONSISTENT", "exam.stage");
        assertTrue(error.getString("message").contains("PRACTICAL"), error::encode);
    }

    @Test
    void aTotalScoreForAnAbsenceIsInconsistentNamingTotalScore() {
        JsonObject request = with(with(example(), "exam.result", "ABSENT"), "exam.subjects", new JsonArray());
        assertError(post(request), 422, "INCONSISTENT", "exam.totalScore");
    }

    @Test
    void subjectScoresForAnAbsenceAreInconsistentNamingSubjects() {
        JsonObject request = without(with(example(), "exam.result", "ABSENT"), "exam.totalScore");
        assertError(post(request), 422, "INCONSISTENT", "exam.subjects");
    }

    @Test
    void aGradeThatDiffersFromTheReferenceGradeOfTheCodeIsInconsistentNamingTheGrade() {
        // 1320 정보처리기사 is an ENGINEER qualification in the reference data.
        JsonObject request = with(example(), "qualification.grade", "INDUSTRIAL_ENGINEER");
        JsonObject error = assertError(post(request), 422, "INCONSISTENT", "qualification.grade");
        assertTrue(error.getString("message").contains("ENGINEER"), error::encode);
    }

    @Test
    void aBirthDateAfterTheExamIsInconsistentNamingTheBirthDate() {
        assertError(
                post(with(example(), "candidate.birthDate", "2026-02-01")), 422, "INCONSISTENT", "candidate.birthDate");
    }

    @Test
    void aWrittenPassAnnouncedAfterThePracticalExamIsInconsistent() {
        JsonObject request = with(
                with(with(example(), "exam.stage", "PRACTICAL"), "exam.examDate", "2026-04-18"),
                "exam.announcedOn",
                "2026-06-05");
        request = with(request, "candidate.writtenPassAnnouncedOn", "2026-05-01");
        assertError(post(request), 422, "INCONSISTENT", "candidate.writtenPassAnnouncedOn");
    }

    @Test
    void aWrittenPassWithASubjectUnderTheMinimumIsInconsistentNamingTheResultAndTheSubject() {
        // The contract's example is 1320 정보처리기사 (기사: 과목당 40); its subject at 35 is 과락.
        JsonArray subjects =
                example().getJsonObject("exam").getJsonArray("subjects").copy();
        subjects.getJsonObject(0).put("score", 35);
        JsonObject error =
                assertError(post(with(example(), "exam.subjects", subjects)), 422, "INCONSISTENT", "exam.result");
        assertTrue(error.getString("message").contains(subjects.getJsonObject(0).getString("name")), error::encode);
    }

    @Test
    void aWrittenFailWhoseScoresMeetTheCriterionIsInconsistentNamingTheResult() {
        JsonObject error =
                assertError(post(with(example(), "exam.result", "FAIL")), 422, "INCONSISTENT", "exam.result");
        assertTrue(error.getString("message").contains("meet"), error::encode);
    }

    @Test
    void aPracticalFailWithAPassingScoreIsAnsweredBecauseItCanFailForOtherReasons() {
        JsonObject request = with(
                with(
                        with(with(example(), "exam.stage", "PRACTICAL"), "exam.examDate", "2026-04-18"),
                        "exam.announcedOn",
                        "2026-06-05"),
                "exam.result",
                "FAIL");
        request = with(with(request, "exam.subjects", new JsonArray()), "exam.totalScore", 75);
        assertEquals(200, post(request).statusCode());
    }

    // ---- 404 / 405 --------------------------------------------------------------------------

    @Test
    void anUnknownPathIsNotFoundAsJson() {
        HttpResponse<String> response = server.get("/v1/nothing-here", DECIDE_TOKEN);
        assertError(response, 404, "NOT_FOUND", null);
    }

    @Test
    void anUnknownPathWithoutTokenIsStillAJsonError() {
        HttpResponse<String> response = server.get("/no/such/path", null);
        assertError(response, 404, "NOT_FOUND", null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void aMethodOtherThanPostOnFeedbackIsMethodNotAllowedAsJson(String method) {
        HttpResponse<String> response = server.send(server.request("/v1/feedback")
                .header("Authorization", "Bearer " + DECIDE_TOKEN)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        method.equals("GET") || method.equals("DELETE")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(example().encode()))
                .build());
        assertError(response, 405, "METHOD_NOT_ALLOWED", null);
    }

    // ---- a rejected request changes nothing --------------------------------------------------

    @Test
    void aRejectedRequestDoesNotSpoilTheNextGoodOne() {
        assertError(server.postFeedback("{not json"), 400, "INVALID_REQUEST", null);
        assertError(post(with(example(), "exam.stage", "INTERVIEW")), 422, "INCONSISTENT", "exam.stage");
        JsonObject first = decision(post(example()));
        JsonObject second = decision(post(example()));
        assertEquals(first.getJsonArray("sections"), second.getJsonArray("sections"));
    }
}

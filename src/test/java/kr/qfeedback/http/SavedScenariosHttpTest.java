package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.assertError;
import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A previewed page saved as a Korean scenario: the draft endpoint writes it and runs it against the
 * active rules; publishing the file saves it into the rules version, and from then on a publish that
 * contradicts it is refused naming it.
 */
class SavedScenariosHttpTest {
    static final String NAME = "정보처리기사 필기 합격 화면 (서류 미제출)";
    static final String FILE = "시나리오/정보처리기사_필기_합격_화면_서류_미제출.feature";

    @RegisterExtension
    static final LiveServer server = LiveServer.withLifecycle().perTest();

    /** The console's "필기 합격" preset. */
    static JsonObject writtenPass() {
        return new JsonObject("""
                {"candidateId": "console-preview", "asOf": "2026-03-11",
                 "qualification": {"code": "1320", "name": "정보처리기사", "grade": "ENGINEER"},
                 "exam": {"round": "2026-1", "stage": "WRITTEN", "examDate": "2026-01-30", "announcedOn": "2026-03-11",
                          "result": "PASS", "totalScore": 71.4,
                          "subjects": [{"name": "소프트웨어설계", "score": 80}, {"name": "소프트웨어개발", "score": 65},
                                       {"name": "데이터베이스구축", "score": 72}, {"name": "프로그래밍언어활용", "score": 58},
                                       {"name": "정보시스템구축관리", "score": 82}]},
                 "candidate": {"birthDate": "1999-05-02", "eligibilityDocuments": "NOT_SUBMITTED", "attempts": 2}}
                """);
    }

    static JsonObject draftBody(String name) {
        return new JsonObject()
                .put("name", name)
                .put("request", writtenPass())
                .put("sections", new JsonArray().add("RESULT_SUMMARY").add("ELIGIBILITY_DOCUMENTS"))
                .put(
                        "values",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("section", "ELIGIBILITY_DOCUMENTS")
                                        .put("field", "deadline"))
                                .add(new JsonObject()
                                        .put("section", "PASS_CRITERIA")
                                        .put("field", "averageMinimum")));
    }

    static HttpResponse<String> draft(JsonObject body, String token) {
        return server.post("/v1/rules/scenarios/draft", token, "application/json", body.encode());
    }

    @Test
    void theDraftOfAPreviewedPageIsAKoreanScenarioThatRunsGreenAgainstTheActiveRules() {
        HttpResponse<String> response = draft(draftBody(NAME), LiveServer.AUTHOR_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        JsonObject draft = json(response);
        assertEquals(FILE, draft.getString("path"));
        assertEquals(server.activeId(), draft.getString("rulesVersion"));
        assertFalse(draft.getBoolean("replaces"));
        String text = draft.getString("feature");
        for (String line : new String[] {
            "# language: ko",
            "  시나리오: " + NAME,
            "    조건 \"정보처리기사\"(1320, 기사) 응시자가 있다",
            "    그리고 시험은 \"2026-1\" 회차로 \"2026-01-30\"에 치렀고 \"2026-03-11\"에 발표되었다",
            "    그리고 응시자격 서류는 \"미제출\"이다",
            "    만일 \"필기\" 시험 결과 \"합격\", 총점 71.4점을 받는다",
            "      | 프로그래밍언어활용 | 58 |",
            "    그러면 결과는 \"WRITTEN_PASS\"이다",
            "    그리고 \"RESULT_SUMMARY\" 섹션의 톤은 \"SUCCESS\"이다",
            "    그리고 \"RESULT_SUMMARY\" 섹션의 제목에 \"정보처리기사 필기시험에 합격하셨습니다\"가 들어 있다",
            "    그리고 \"ELIGIBILITY_DOCUMENTS\" 섹션이 보인다",
            "      | deadline | 2026-03-20 |",
            "      | averageMinimum | 60 |"
        }) {
            assertTrue(text.lines().anyMatch(line::equals), "missing line '" + line + "' in:\n" + text);
        }
        JsonObject check = draft.getJsonObject("check");
        assertEquals(true, check.getBoolean("passed"), check::encodePrettily);
        assertEquals(1, check.getInteger("scenarios"));
    }

    @Test
    void aDraftNamesWhatItCannotUse() {
        assertError(draft(draftBody(" ").put("name", " "), LiveServer.AUTHOR_TOKEN), 400, "INVALID_REQUEST", "name");
        assertError(
                draft(
                        draftBody(NAME).put("sections", new JsonArray().add("CERTIFICATE_ISSUE")),
                        LiveServer.AUTHOR_TOKEN),
                400,
                "INVALID_REQUEST",
                "sections");
        JsonObject unknownField = draftBody(NAME)
                .put(
                        "values",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("section", "RESULT_SUMMARY")
                                        .put("field", "x")));
        assertError(draft(unknownField, LiveServer.AUTHOR_TOKEN), 400, "INVALID_REQUEST", "values");
        JsonObject noRound = draftBody(NAME);
        noRound.getJsonObject("request").getJsonObject("exam").remove("round");
        assertError(draft(noRound, LiveServer.AUTHOR_TOKEN), 400, "INVALID_REQUEST", "request.exam.round");
        assertError(draft(draftBody(NAME), LiveServer.DECIDE_TOKEN), 403, "FORBIDDEN", null);
    }

    @Test
    void aSavedScenarioGatesEveryLaterPublishAndIsNamedWhenOneContradictsIt() {
        String feature = json(draft(draftBody(NAME), LiveServer.AUTHOR_TOKEN)).getString("feature");
        HttpResponse<String> saved = server.publish(
                Part.file(FILE.substring(FILE.indexOf('/') + 1), feature.getBytes(StandardCharsets.UTF_8)),
                Part.field("note", "시나리오 저장: " + NAME));
        assertEquals(200, saved.statusCode(), saved::body);
        JsonObject listed = json(server.get("/v1/rules/scenarios", LiveServer.AUTHOR_TOKEN));
        assertEquals(json(saved).getString("to"), listed.getString("version"));
        assertEquals(FILE, listed.getJsonArray("scenarios").getJsonObject(0).getString("path"));
        assertTrue(json(draft(draftBody(NAME), LiveServer.AUTHOR_TOKEN)).getBoolean("replaces"));

        // The shipped features only check that the title contains "정보처리기사 필기시험에 합격": the saved one pins it whole.
        byte[] messages = ShippedRules.textWith(
                "messages.yaml", "\"{qualificationName} 필기시험에 합격하셨습니다\"", "\"{qualificationName} 필기시험에 합격했습니다\"");
        HttpResponse<String> refused = server.publish(Part.file("messages.yaml", messages));
        assertEquals(422, refused.statusCode(), refused::body);
        JsonObject body = json(refused);
        assertEquals("RULES_REJECTED", body.getJsonObject("error").getString("code"));
        JsonArray failures = body.getJsonObject("scenarios").getJsonArray("failures");
        assertEquals(1, failures.size(), failures::encodePrettily);
        JsonObject failure = failures.getJsonObject(0);
        assertEquals(NAME, failure.getString("name"));
        assertTrue(failure.getString("location").startsWith("rules/" + FILE + ":"), failure::encode);
        assertTrue(failure.getString("error").contains("합격했습니다"), failure::encode);
        assertEquals(json(saved).getString("to"), server.activeId(), "nothing changed");
    }
}

package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.assertError;
import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import kr.qfeedback.lifecycle.PublishApproval;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people to publish (기안 → 결재) on the real service with QF_PUBLISH_APPROVAL=required: kim.policy
 * authors; lee.approver approves or returns; kim.policy also holds an approver token, which must not
 * decide kim's own requests. Each test asks for its own requests and compares with the version
 * active when it started, so the tests do not depend on their order.
 */
class PublishApprovalHttpTest {
    static final String AUTHOR = "kim.policy";
    static final String APPROVER = "lee.approver";
    static final String APPROVER_TOKEN = "approver-token-for-lee";
    static final String AUTHORS_APPROVER_TOKEN = "approver-token-for-kim";
    static final String TOKENS = "decide:" + LiveServer.DECIDE_TOKEN + ",author:" + AUTHOR + ":"
            + LiveServer.AUTHOR_TOKEN + ",approver:" + APPROVER + ":" + APPROVER_TOKEN + ",approver:" + AUTHOR + ":"
            + AUTHORS_APPROVER_TOKEN;
    static final String MESSAGES = "messages.yaml";
    static final String SHIPPED_TITLE = "\"{qualificationName} 필기시험에 합격하셨습니다\"";

    @RegisterExtension
    static final LiveServer server =
            LiveServer.withLifecycle().tokens(TOKENS).publishApproval(PublishApproval.REQUIRED);

    /** Asks for a publish of a harmless title change; a cohort of 200 keeps the impact summary quick. */
    static HttpResponse<String> ask(String titleSuffix, String note) {
        byte[] messages = ShippedRules.textWith(
                MESSAGES, SHIPPED_TITLE, SHIPPED_TITLE.replace("합격하셨습니다\"", "합격하셨습니다 " + titleSuffix + "\""));
        return server.upload(
                "/v1/rules/publish?size=200",
                LiveServer.AUTHOR_TOKEN,
                Part.file(MESSAGES, messages),
                Part.field("note", note));
    }

    static JsonObject requested(String titleSuffix, String note) {
        HttpResponse<String> response = ask(titleSuffix, note);
        assertEquals(202, response.statusCode(), response::body);
        return json(response);
    }

    static HttpResponse<String> decide(String id, String decision, String token, String body) {
        return server.post("/v1/rules/pending/" + id + "/" + decision, token, "application/json", body);
    }

    static JsonObject listed(String id) {
        HttpResponse<String> response = server.get("/v1/rules/pending", LiveServer.AUTHOR_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        JsonObject list = json(response);
        assertEquals("required", list.getString("approval"));
        return list.getJsonArray("requests").stream()
                .map(JsonObject.class::cast)
                .filter(r -> r.getString("id").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not listed: " + list.encodePrettily()));
    }

    /** The newest audit entry of {@code action}. */
    static JsonObject last(String action) {
        JsonArray entries = server.auditEntries();
        List<JsonObject> matching = entries.stream()
                .map(JsonObject.class::cast)
                .filter(e -> e.getString("action").equals(action))
                .toList();
        assertFalse(matching.isEmpty(), () -> "no " + action + " entry in " + entries.encodePrettily());
        return matching.get(matching.size() - 1);
    }

    @Test
    void aPublishBecomesAPendingRequestWithItsChecksAndImpactAndTheActiveVersionStays() {
        String before = server.activeId();
        JsonObject request = requested("— 요청만", "제목 다듬기 요청");

        assertTrue(request.getString("id").matches("[0-9a-f]{16}"), request::encodePrettily);
        assertEquals("PENDING", request.getString("state"));
        assertEquals(AUTHOR, request.getString("author"));
        assertEquals(before, request.getString("base"));
        assertEquals(false, request.getBoolean("stale"));
        assertEquals("제목 다듬기 요청", request.getString("note"));
        assertEquals(true, request.getJsonObject("checks").getBoolean("valid"), request::encodePrettily);
        assertEquals(true, request.getJsonObject("scenarios").getBoolean("passed"));
        JsonObject impact = request.getJsonObject("impact");
        assertEquals(200, impact.getInteger("candidates"), impact::encodePrettily);
        assertTrue(impact.getInteger("candidatesAffected") > 0, "a written-pass title changed: " + impact);
        assertEquals(before, server.activeId(), "nothing goes live before a second person approves");

        JsonObject listed = listed(request.getString("id"));
        assertEquals("PENDING", listed.getString("state"));
        assertEquals(impact, listed.getJsonObject("impact"));
        HttpResponse<String> byApprover = server.get("/v1/rules/pending/" + request.getString("id"), APPROVER_TOKEN);
        assertEquals(200, byApprover.statusCode(), byApprover::body);
        assertTrue(Files.isRegularFile(server.dataDir()
                .resolve("pending")
                .resolve(request.getString("id"))
                .resolve("files/" + MESSAGES)));

        JsonObject entry = last("REQUEST");
        assertEquals(AUTHOR, entry.getString("who"));
        assertEquals(before, entry.getString("from"));
        assertEquals(request.getString("version"), entry.getString("to"));
        assertTrue(entry.getString("note").contains(request.getString("id")), entry::encode);
        assertTrue(entry.getJsonArray("diff").encode().contains(MESSAGES), "the requested change: " + entry);
    }

    @Test
    void theAuthorsOwnNameCannotApproveOrReturnTheRequestEvenWithAnApproverToken() {
        String before = server.activeId();
        String id = requested("— 본인 결재", "본인이 결재할 수 없음").getString("id");

        JsonObject error = assertError(decide(id, "approve", AUTHORS_APPROVER_TOKEN, "{}"), 403, "SELF_APPROVAL", null);
        assertTrue(error.getString("message").contains(AUTHOR), error::encode);
        assertError(decide(id, "return", AUTHORS_APPROVER_TOKEN, "{\"reason\":\"내가 거둠\"}"), 403, "SELF_APPROVAL", null);
        assertError(decide(id, "approve", LiveServer.AUTHOR_TOKEN, "{}"), 403, "FORBIDDEN", null);
        assertError(server.get("/v1/rules/pending", LiveServer.DECIDE_TOKEN), 403, "FORBIDDEN", null);
        assertEquals("PENDING", listed(id).getString("state"));
        assertEquals(before, server.activeId());
    }

    @Test
    void anotherApproverPublishesItOnceTheAuditNamesBothAndAStaleRequestIsCheckedAgain() {
        String before = server.activeId();
        JsonObject first = requested("— 첫째 요청", "첫째");
        JsonObject second = requested("— 둘째 요청", "둘째");

        HttpResponse<String> approved = decide(first.getString("id"), "approve", APPROVER_TOKEN, "");
        assertEquals(200, approved.statusCode(), approved::body);
        JsonObject answer = json(approved);
        assertEquals(true, answer.getBoolean("published"));
        assertEquals(before, answer.getString("from"));
        assertEquals(first.getString("version"), answer.getString("to"));
        assertEquals(first.getString("version"), server.activeId());
        JsonObject decided = answer.getJsonObject("request");
        assertEquals("APPROVED", decided.getString("state"));
        assertEquals(APPROVER, decided.getString("decidedBy"));
        assertEquals("APPROVED", listed(first.getString("id")).getString("state"));

        JsonObject publish = last("PUBLISH");
        assertEquals(APPROVER, publish.getString("who"), "the 결재자 made it go live");
        assertEquals(first.getString("version"), publish.getString("to"));
        String note = publish.getString("note");
        assertTrue(note.contains("기안자 " + AUTHOR) && note.contains("결재자 " + APPROVER), note);
        assertTrue(note.contains(first.getString("requestedAt")), "when it was asked for: " + note);

        assertError(decide(first.getString("id"), "approve", APPROVER_TOKEN, ""), 409, "ALREADY_DECIDED", null);
        assertError(
                decide(first.getString("id"), "return", APPROVER_TOKEN, "{\"reason\":\"늦게 반려\"}"),
                409,
                "ALREADY_DECIDED",
                null);

        JsonObject stale = listed(second.getString("id"));
        assertEquals(true, stale.getBoolean("stale"), "asked for over the version that was active before");
        HttpResponse<String> late = decide(second.getString("id"), "approve", APPROVER_TOKEN, "");
        assertEquals(200, late.statusCode(), late::body);
        assertEquals(
                first.getString("version"), json(late).getString("from"), "checked against the version active then");
        assertEquals(second.getString("version"), server.activeId());
    }

    @Test
    void anApproverReturnsARequestWithAReasonAndNothingGoesLive() {
        String before = server.activeId();
        String id = requested("— 반려될 요청", "반려 시험").getString("id");

        assertError(decide(id, "return", APPROVER_TOKEN, "{}"), 400, "INVALID_REQUEST", "reason");
        assertError(decide(id, "return", APPROVER_TOKEN, "{\"reason\":\"  \"}"), 400, "INVALID_REQUEST", "reason");
        HttpResponse<String> returned = decide(id, "return", APPROVER_TOKEN, "{\"reason\":\"제목이 너무 길어 모바일에서 잘립니다\"}");
        assertEquals(200, returned.statusCode(), returned::body);
        JsonObject request = json(returned);
        assertEquals("RETURNED", request.getString("state"));
        assertEquals(APPROVER, request.getString("decidedBy"));
        assertEquals("제목이 너무 길어 모바일에서 잘립니다", request.getString("reason"));
        assertEquals("RETURNED", listed(id).getString("state"));
        assertEquals(before, server.activeId(), "a returned request switches nothing");

        JsonObject entry = last("RETURN");
        assertEquals(APPROVER, entry.getString("who"));
        assertTrue(entry.getString("note").contains("제목이 너무 길어"), entry::encode);
        assertTrue(entry.getString("note").contains(AUTHOR), "names the 기안자: " + entry);
        assertError(decide(id, "approve", APPROVER_TOKEN, ""), 409, "ALREADY_DECIDED", null);
        assertError(decide("0123456789abcdef", "approve", APPROVER_TOKEN, ""), 404, "UNKNOWN_REQUEST", "id");
    }

    @Test
    void oneAuthorRollsBackAtOnceToAVersionThatWentLiveButNeverToARequestedOrReturnedOne() {
        String before = server.activeId();
        JsonObject live = requested("— 되돌림 시험 게시", "되돌림 시험");
        assertEquals(
                200, decide(live.getString("id"), "approve", APPROVER_TOKEN, "").statusCode());
        assertEquals(live.getString("version"), server.activeId());
        JsonObject waiting = requested("— 되돌림 시험 대기", "대기");
        JsonObject returned = requested("— 되돌림 시험 반려", "반려");
        assertEquals(
                200,
                decide(returned.getString("id"), "return", APPROVER_TOKEN, "{\"reason\":\"되돌림 시험\"}")
                        .statusCode());

        for (JsonObject request : List.of(waiting, returned)) {
            assertError(rollback(request.getString("version")), 404, "UNKNOWN_VERSION", "version");
            assertEquals(live.getString("version"), server.activeId(), "nothing switched");
        }

        HttpResponse<String> back = rollback(before);
        assertEquals(200, back.statusCode(), back::body);
        assertEquals(before, server.activeId(), "switched at once, with no request and no approver");
        JsonObject entry = last("ROLLBACK");
        assertEquals(AUTHOR, entry.getString("who"), "the audit names who rolled back");
        assertEquals(live.getString("version"), entry.getString("from"));
        assertEquals(before, entry.getString("to"));
        assertEquals("PENDING", listed(waiting.getString("id")).getString("state"), "a rollback decides no request");
    }

    @Test
    void aStoredVersionThatNeverWentLiveCannotBeRolledBackToWithoutASecondPerson(@TempDir java.nio.file.Path folder) {
        // What a cluster switch that failed after its prepare leaves: the version stored, never active.
        ShippedRules.copyInto(folder);
        ShippedRules.replace(
                folder.resolve(MESSAGES),
                SHIPPED_TITLE,
                SHIPPED_TITLE.replace("합격하셨습니다\"", "합격하셨습니다 — 전환 실패로 남은 버전\""));
        RuleFiles files = RuleFiles.read(folder);
        server.lifecycle().store().store(files, AUTHOR, java.time.Instant.now(), "전환 실패로 남은 버전");
        String before = server.activeId();
        int audited = server.auditEntries().size();

        HttpResponse<String> refused = rollback(files.version());

        JsonObject error = assertError(refused, 409, "NEVER_LIVE", "version");
        assertTrue(error.getString("message").contains("QF_PUBLISH_APPROVAL=required"), refused::body);
        assertEquals(before, server.activeId(), "nothing switched");
        assertEquals(audited, server.auditEntries().size(), "nothing audited as a rollback");
        assertError(rollback("0123456789ab"), 404, "UNKNOWN_VERSION", "version");
    }

    private static HttpResponse<String> rollback(String version) {
        return server.post(
                "/v1/rules/rollback",
                LiveServer.AUTHOR_TOKEN,
                "application/json",
                new JsonObject().put("version", version).encode());
    }

    @Test
    void aRequestWhoseChecksFailIsNotCreatedAndAnswersAsAPublishWould() {
        int before = pendingCount();
        HttpResponse<String> refused = server.upload(
                "/v1/rules/publish",
                LiveServer.AUTHOR_TOKEN,
                Part.file("judgements.drl", "rule \"깨진 규칙\" when then".getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, refused.statusCode(), refused::body);
        JsonObject body = json(refused);
        assertEquals("RULES_REJECTED", body.getJsonObject("error").getString("code"));
        assertEquals(false, body.getBoolean("published"), body::encodePrettily);
        assertFalse(body.containsKey("state"), body::encodePrettily);
        assertEquals(before, pendingCount(), "no request was created");
        assertNull(body.getValue("id"));
        assertNotEquals(0, body.getJsonObject("checks").getJsonArray("problems").size());
    }

    private static int pendingCount() {
        return json(server.get("/v1/rules/pending", APPROVER_TOKEN))
                .getJsonArray("requests")
                .size();
    }
}

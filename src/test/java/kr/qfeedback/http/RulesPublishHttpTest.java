package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.assertError;
import static kr.qfeedback.testing.LiveServer.json;
import static kr.qfeedback.testing.LiveServer.section;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Publish and rollback on the real service. Before the tests one harmless change (a message title
 * and a row description) is published over the shipped rules; every test leaves that version
 * active again, so the tests do not depend on their order.
 */
class RulesPublishHttpTest {
    static final String MESSAGES = "messages.yaml";
    static final String SHIPPED_TITLE = "\"{qualificationName} 필기시험에 합격하셨습니다\"";
    static final String NEW_TITLE = "\"{qualificationName} 필기시험에 합격하셨습니다 — 축하드립니다\"";
    static final String SHIPPED_B10 = "필기 합격: 합격 결과를 맨 위에 강조";
    static final String NEW_B10 = "필기 합격: 합격 결과를 맨 위에 크게 강조";

    @RegisterExtension
    static final LiveServer server = LiveServer.withLifecycle();

    private static String shipped;
    private static byte[] newMessages;
    private static byte[] newTable;
    private static JsonObject published;

    @BeforeAll
    static void startAndPublishAHarmlessChange() {
        shipped = server.activeId();
        newMessages = ShippedRules.textWith(MESSAGES, SHIPPED_TITLE, NEW_TITLE);
        newTable = ShippedRules.tableWith(sheet -> ShippedRules.type(sheet, "B10", NEW_B10));
        HttpResponse<String> response = server.publish(
                Part.file(MESSAGES, newMessages),
                Part.file("sections.drl.xlsx", newTable),
                Part.field("note", "필기 합격 제목 다듬기"));
        assertEquals(200, response.statusCode(), response::body);
        published = json(response);
    }

    private static String harmless() {
        return published.getString("to");
    }

    // ---- publish ------------------------------------------------------------------------------

    @Test
    void aHarmlessChangeIsPublishedFromTheShippedVersionAfterEveryCheckAndScenarioPassed() {
        assertEquals(true, published.getBoolean("published"), published::encodePrettily);
        assertEquals(shipped, published.getString("from"));
        assertNotEquals(shipped, harmless());
        assertTrue(harmless().matches("[0-9a-f]{12}"), harmless());
        assertFalse(published.containsKey("error"), published::encodePrettily);
        JsonObject checks = published.getJsonObject("checks");
        assertEquals(true, checks.getBoolean("valid"), checks::encodePrettily);
        JsonObject scenarios = published.getJsonObject("scenarios");
        assertEquals(true, scenarios.getBoolean("passed"), scenarios::encodePrettily);
        assertTrue(scenarios.getInteger("scenarios") > 40, scenarios::encodePrettily);
        assertEquals(List.of(), scenarios.getJsonArray("failures").getList());
    }

    @Test
    void theHistoryShowsThePublishedVersionActiveWithWhoPublishedItAndItsFilesWithTheirHashes() {
        JsonObject history = server.history();

        JsonObject active = history.getJsonObject("active");
        assertEquals(harmless(), active.getString("id"), history::encodePrettily);
        assertTrue(
                active.getString("fullHash").matches(harmless() + "[0-9a-f]{52}"),
                "the id is the first 12 hex digits of the version's full SHA-256: " + active.getString("fullHash"));
        assertEquals(LiveServer.AUTHOR_NAME, active.getString("publishedBy"));
        assertEquals("필기 합격 제목 다듬기", active.getString("note"));
        assertNotNull(active.getString("publishedAt"));
        Map<String, String> sha = active.getJsonArray("files").stream()
                .map(JsonObject.class::cast)
                .collect(Collectors.toMap(f -> f.getString("path"), f -> f.getString("sha256")));
        assertTrue(
                sha.keySet().containsAll(List.of(MESSAGES, "sections.drl.xlsx", "parameters.yaml", "judgements.drl")),
                sha::toString);
        assertTrue(sha.values().stream().allMatch(h -> h.matches("[0-9a-f]{64}")), sha::toString);
        assertEquals(sha256(newMessages), sha.get(MESSAGES));
        assertEquals(
                sha256(ShippedRules.bytes("parameters.yaml")),
                sha.get("parameters.yaml"),
                "files not uploaded come from the active version");

        List<String> versions = history.getJsonArray("versions").stream()
                .map(v -> ((JsonObject) v).getString("id"))
                .toList();
        assertTrue(versions.containsAll(List.of(shipped, harmless())), versions::toString);
        JsonObject shippedVersion = history.getJsonArray("versions").stream()
                .map(JsonObject.class::cast)
                .filter(v -> v.getString("id").equals(shipped))
                .findFirst()
                .orElseThrow();
        assertEquals("system", shippedVersion.getString("publishedBy"), "the shipped rules went live at start-up");
        assertTrue(
                history.getJsonArray("activations").stream()
                        .map(JsonObject.class::cast)
                        .anyMatch(a -> a.getString("version").equals(harmless())
                                && a.getString("action").equals("PUBLISH")
                                && a.getString("by").equals(LiveServer.AUTHOR_NAME)),
                history::encodePrettily);
    }

    @Test
    void aPublishedVersionIsStoredWithItsFilesUnderTheDataFolderAndItsIdIsTheHashOfThem() throws Exception {
        Path files = server.dataDir().resolve("versions").resolve(harmless()).resolve("files");

        assertArrayEquals(newMessages, Files.readAllBytes(files.resolve(MESSAGES)));
        assertArrayEquals(newTable, Files.readAllBytes(files.resolve("sections.drl.xlsx")));
        assertEquals(harmless(), RuleFiles.read(files).version());
    }

    @Test
    void aDecisionAfterThePublishUsesTheNewVersionAndItsTexts() {
        JsonObject decision = LiveServer.decision(server.postFeedback(ExampleRequests.EXAMPLE_REQUEST));

        assertEquals(harmless(), decision.getString("rulesVersion"));
        assertEquals(
                "정보처리기사 필기시험에 합격하셨습니다 — 축하드립니다",
                section(decision, "RESULT_SUMMARY").getString("title"));
        JsonObject explained = LiveServer.decision(server.post(
                "/v1/feedback?explain=true",
                LiveServer.DECIDE_TOKEN,
                "application/json",
                ExampleRequests.EXAMPLE_REQUEST));
        assertTrue(
                explained.getJsonArray("trace").stream()
                        .map(JsonObject.class::cast)
                        .anyMatch(t -> "RESULT_SUMMARY".equals(t.getString("section"))
                                && t.getString("rule").contains(NEW_B10)),
                explained::encodePrettily);
    }

    @Test
    void editingTheRulesFolderOnDiskChangesNothingUntilItIsPublished() throws Exception {
        Path onDisk = server.rulesDir().resolve(MESSAGES);
        byte[] before = Files.readAllBytes(onDisk);
        try {
            ShippedRules.write(onDisk, ShippedRules.textWith(MESSAGES, SHIPPED_TITLE, "\"디스크에서만 고친 제목\""));

            JsonObject decision = server.decideExample();

            assertEquals(harmless(), decision.getString("rulesVersion"));
            assertFalse(section(decision, "RESULT_SUMMARY").getString("title").contains("디스크에서만"));
            assertEquals(harmless(), server.activeId());
        } finally {
            ShippedRules.write(onDisk, before);
        }
    }

    @Test
    void aChangeThatBreaksAcceptanceScenariosIsRejectedWith422ListingTheFailingScenariosAndChangesNothing() {
        int auditBefore = server.auditEntries().size();
        byte[] parameters = ShippedRules.textWith("parameters.yaml", "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39");

        HttpResponse<String> response = server.publish(Part.file("parameters.yaml", parameters));

        assertEquals(422, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals("RULES_REJECTED", body.getJsonObject("error").getString("code"), body::encodePrettily);
        assertEquals(false, body.getBoolean("published"));
        assertEquals(harmless(), body.getString("from"));
        String candidate = body.getString("to");
        assertEquals(true, body.getJsonObject("checks").getBoolean("valid"), "it compiles and has no gap or conflict");
        JsonObject scenarios = body.getJsonObject("scenarios");
        assertEquals(false, scenarios.getBoolean("passed"));
        List<JsonObject> failures = scenarios.getJsonArray("failures").stream()
                .map(JsonObject.class::cast)
                .toList();
        assertFalse(failures.isEmpty(), scenarios::encodePrettily);
        for (JsonObject f : failures) {
            assertTrue(f.getString("location").matches("features/[^/]+\\.feature:\\d+"), f::encode);
            assertFalse(f.getString("name").isBlank(), f::encode);
            assertNotNull(f.getString("error"), f::encode);
        }
        assertTrue(
                failures.stream().anyMatch(f -> f.getString("location").startsWith("features/청년_응시료_할인.feature:")),
                scenarios::encodePrettily);

        assertEquals(harmless(), server.activeId(), "the active version is unchanged");
        assertEquals(harmless(), server.decideExample().getString("rulesVersion"));
        assertFalse(
                server.history().getJsonArray("versions").stream()
                        .anyMatch(v -> ((JsonObject) v).getString("id").equals(candidate)),
                "a rejected candidate is not stored");
        JsonArray audit = server.auditEntries();
        assertEquals(auditBefore + 1, audit.size());
        JsonObject entry = audit.getJsonObject(audit.size() - 1);
        assertEquals("VALIDATE", entry.getString("action"));
        assertEquals(LiveServer.AUTHOR_NAME, entry.getString("who"));
        assertEquals(harmless(), entry.getString("from"));
        assertEquals(candidate, entry.getString("to"));
        assertTrue(entry.getString("note").contains("수용 시나리오"), entry::encode);
    }

    @Test
    void aCopyOfARowWithAnotherToneIsAConflictThatTheCoverageAnalysisRejectsBeforeAnyScenarioRuns() {
        int[] added = new int[1];
        byte[] table =
                ShippedRules.tableWith(sheet -> added[0] = ShippedRules.appendCopy(sheet, 29, Map.of("W", "WARNING")));

        HttpResponse<String> response = server.publish(Part.file("sections.drl.xlsx", table));

        assertEquals(422, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals("RULES_REJECTED", body.getJsonObject("error").getString("code"));
        JsonObject checks = body.getJsonObject("checks");
        assertEquals(false, checks.getBoolean("valid"), checks::encodePrettily);
        assertEquals(true, checks.getBoolean("compiled"));
        JsonArray conflicts = checks.getJsonObject("coverage").getJsonArray("conflicts");
        assertEquals(1, conflicts.size(), checks::encodePrettily);
        List<String> summary = checks.getJsonObject("coverage").getJsonArray("summary").stream()
                .map(String.class::cast)
                .toList();
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("[충돌] 섹션표시 29행과 " + added[0] + "행")), summary::toString);
        assertNull(body.getValue("scenarios"), "the scenarios do not run for a candidate the checks refused");
        assertEquals(harmless(), server.activeId());
    }

    @Test
    void aTableThatDoesNotCompileIsRejectedWithItsCellProblems() {
        byte[] table = ShippedRules.tableWith(sheet -> ShippedRules.type(sheet, "H23", "60점"));

        HttpResponse<String> response = server.publish(Part.file("sections.drl.xlsx", table));

        assertEquals(422, response.statusCode(), response::body);
        JsonObject checks = json(response).getJsonObject("checks");
        assertEquals(false, checks.getBoolean("compiled"));
        JsonObject p = checks.getJsonArray("problems").getJsonObject(0);
        assertEquals(
                List.of("rules/sections.drl.xlsx", "섹션표시", 23, "H"),
                List.of(p.getString("file"), p.getString("sheet"), p.getInteger("row"), p.getString("column")));
        assertEquals(harmless(), server.activeId());
    }

    // ---- rollback -----------------------------------------------------------------------------

    @Test
    void rollingBackToThePreviousVersionMakesItActiveAndDecisionsUseItThenRollingForwardRestoresTheNewOne() {
        HttpResponse<String> response = server.rollbackTo(shipped);
        try {
            assertEquals(200, response.statusCode(), response::body);
            JsonObject body = json(response);
            assertEquals(shipped, body.getString("active"));
            assertEquals("ROLLBACK", body.getJsonObject("activation").getString("action"));
            assertEquals(
                    LiveServer.AUTHOR_NAME, body.getJsonObject("activation").getString("by"));
            assertEquals(shipped, server.activeId());
            JsonObject decision = server.decideExample();
            assertEquals(shipped, decision.getString("rulesVersion"));
            assertEquals(
                    "정보처리기사 필기시험에 합격하셨습니다", section(decision, "RESULT_SUMMARY").getString("title"));
            JsonObject latest = server.history().getJsonArray("activations").getJsonObject(0);
            assertEquals(
                    List.of(shipped, "ROLLBACK"), List.of(latest.getString("version"), latest.getString("action")));
        } finally {
            // the other tests expect the published version active, whatever failed above
            assertEquals(200, server.rollbackTo(harmless()).statusCode());
        }
        assertEquals(harmless(), server.decideExample().getString("rulesVersion"));
    }

    @Test
    void rollingBackToAStoredVersionWhoseFilesWereAlteredIs409VersionDamagedAndChangesNothing() throws Exception {
        Path stored;
        try (Stream<Path> files =
                Files.walk(server.dataDir().resolve("versions").resolve(shipped))) {
            stored = files.filter(f -> f.getFileName().toString().equals("messages.yaml"))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] original = Files.readAllBytes(stored);
        try {
            Files.writeString(stored, "# altered\n", java.nio.file.StandardOpenOption.APPEND);

            HttpResponse<String> response = server.rollbackTo(shipped);

            assertError(response, 409, "VERSION_DAMAGED", "version");
            assertTrue(
                    json(response).getJsonObject("error").getString("message").contains("messages.yaml"),
                    response::body);
            assertEquals(harmless(), server.activeId());
        } finally {
            Files.write(stored, original);
        }
    }

    @ParameterizedTest(name = "version {0}")
    @CsvSource({"0123456789ab", "no-such-version", "../../etc"})
    void rollingBackToAnUnknownVersionIs404UnknownVersion(String version) {
        HttpResponse<String> response = server.rollbackTo(version);

        assertError(response, 404, "UNKNOWN_VERSION", "version");
        assertEquals(harmless(), server.activeId());
    }

    @ParameterizedTest(name = "body {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not json             | ``
            `[\"0123456789ab\"]` | ``
            {}                   | version
            `{"version": ""}`    | version
            `{"version": null}`  | version
            `{"version": 12}`    | version
            `{"version": ["a"]}` | version
            """)
    void rollingBackWithABadBodyIs400(String body, String field) {
        HttpResponse<String> response = server.rollback(body);

        assertError(response, 400, "INVALID_REQUEST", field == null || field.isEmpty() ? null : field);
        assertEquals(harmless(), server.activeId());
    }

    @Test
    void aRollbackBodyOverItsLimitIs413NamingThatLimit() {
        HttpResponse<String> response = server.rollback("{\"version\": \"" + "a".repeat(5000) + "\"}");

        JsonObject error = assertError(response, 413, "TOO_LARGE", null);
        assertTrue(error.getString("message").contains("4096"), error::encode);
    }

    // ---- helpers ----------------------------------------------------------------------------

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, JsonObject> byId(JsonArray array, Function<JsonObject, String> id) {
        return array.stream().map(JsonObject.class::cast).collect(Collectors.toMap(id, o -> o));
    }
}

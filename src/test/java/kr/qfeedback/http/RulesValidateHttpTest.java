package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.assertError;
import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * POST /v1/rules/validate on the real service: uploads of broken and good rule files, as single
 * files laid over the active version or as a zip of the whole folder. Validating never changes the
 * active version.
 */
class RulesValidateHttpTest {
    private static final Pattern HANGUL = Pattern.compile("[가-힣]");
    private static final String PARAMETERS = "parameters.yaml";
    /** The tests only validate or measure, which changes nothing, so they share one server. */
    @RegisterExtension
    static final LiveServer server = LiveServer.withLifecycle();

    private static String active;

    @BeforeAll
    static void readTheActiveVersion() {
        active = server.activeId();
    }

    @Test
    void aBrokenSectionsTableUploadedAloneIsInvalidAndEveryProblemNamesFileSheetRowAndColumnInKorean() {
        byte[] broken = ShippedRules.tableWith(sheet -> {
            ShippedRules.type(sheet, "H23", "60점");
            ShippedRules.type(sheet, "U10", "RESULT_SUMARY");
            ShippedRules.type(sheet, "D10", "“PASS”");
        });

        JsonObject report = okJson(server.validate(Part.file("sections.drl.xlsx", broken)));

        assertEquals(false, report.getBoolean("valid"), report::encodePrettily);
        assertEquals(false, report.getBoolean("compiled"), report::encodePrettily);
        assertNull(report.getValue("coverage"), "nothing to analyse when the table does not compile");
        JsonArray problems = report.getJsonArray("problems");
        assertEquals(3, problems.size(), report::encodePrettily);
        assertCellProblem(problems, 23, "H", "'60점'", "0~100");
        assertCellProblem(problems, 10, "U", "'RESULT_SUMARY'", "알 수 없는 섹션 ID");
        assertCellProblem(problems, 10, "D", "'결과'", "둥근 따옴표");
        assertEquals(active, server.activeId(), "validating changes nothing");
    }

    @Test
    void aZipOfTheWholeRulesFolderWithOneBrokenParameterIsInvalidAtThatParametersLine(@TempDir Path dir) {
        int line = brokenYouthAge(dir);

        JsonObject report =
                okJson(server.validate(Part.file("rules.zip", LiveServer.zip(dir.resolve("rules"), "rules"))));

        assertBrokenYouthAge(report, line);
    }

    @Test
    void aZipSentAsTheWholeBodyWithContentTypeApplicationZipIsCheckedLikeAnUploadedZip(@TempDir Path dir) {
        int line = brokenYouthAge(dir);
        byte[] zip = LiveServer.zip(dir.resolve("rules"), "rules");

        HttpResponse<String> response = server.send(server.request("/v1/rules/validate")
                .header("Authorization", "Bearer " + LiveServer.AUTHOR_TOKEN)
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
                .build());

        assertBrokenYouthAge(okJson(response), line);
    }

    @Test
    void aGoodSingleFileUploadIsValidWithTheCoverageSummaryAndAVersionOtherThanTheActiveOne() {
        byte[] messages = ShippedRules.textWith("messages.yaml", "필기시험에 합격하셨습니다\"", "필기시험에 합격하셨습니다 (검증만)\"");

        JsonObject report = okJson(server.validate(Part.file("messages.yaml", messages)));

        assertEquals(true, report.getBoolean("valid"), report::encodePrettily);
        assertEquals(true, report.getBoolean("compiled"));
        assertEquals(List.of(), report.getJsonArray("problems").getList());
        assertTrue(report.getString("version").matches("[0-9a-f]{12}"), report::encodePrettily);
        assertNotEquals(
                active, report.getString("version"), "the upload was laid over the active files, so it differs");
        JsonObject coverage = report.getJsonObject("coverage");
        assertNotNull(coverage, report::encodePrettily);
        assertEquals(List.of(), coverage.getJsonArray("gaps").getList());
        assertEquals(List.of(), coverage.getJsonArray("conflicts").getList());
        assertTrue(coverage.getInteger("profilesChecked") > 0, coverage::encodePrettily);
        List<String> summary = strings(coverage.getJsonArray("summary"));
        assertTrue(
                summary.get(0).startsWith("규칙 검사:") && summary.get(0).contains("게시를 막는 문제는 없습니다"), summary::toString);
        assertTrue(
                summary.stream().anyMatch(l -> l.startsWith("[안내]") && l.contains("스위치가 꺼져 있어 쓰이지 않음")),
                () -> "the survey row is kept off by its switch, not dead: " + summary);
        assertEquals(List.of(), coverage.getJsonArray("deadRows").getList(), coverage::encodePrettily);
        assertEquals(active, server.activeId(), "validating changes nothing");
    }

    @ParameterizedTest(name = "POST {0}")
    @CsvSource({"/v1/rules/validate", "/v1/rules/publish", "/v1/rules/impact", "/v1/rules/rollback"})
    void theDecideTokenIsForbiddenToChangeOrCheckRules(String path) {
        HttpResponse<String> response = server.upload(
                path, LiveServer.DECIDE_TOKEN, Part.file("messages.yaml", ShippedRules.bytes("messages.yaml")));

        assertError(response, 403, "FORBIDDEN", null);
        assertEquals(active, server.activeId());
    }

    @ParameterizedTest(name = "POST {0}")
    @CsvSource({"/v1/rules/validate", "/v1/rules/publish", "/v1/rules/impact", "/v1/rules/rollback"})
    void withoutATokenChangingOrCheckingRulesIsUnauthenticated(String path) {
        HttpResponse<String> response =
                server.upload(path, null, Part.file("messages.yaml", ShippedRules.bytes("messages.yaml")));

        assertError(response, 401, "UNAUTHENTICATED", null);
    }

    @ParameterizedTest(name = "GET {0}")
    @CsvSource({"/v1/rules/audit", "/v1/rules/audit/verify"})
    void onlyTheAuthorRoleReadsTheAuditTrail(String path) {
        assertError(server.get(path, null), 401, "UNAUTHENTICATED", null);
        assertError(server.get(path, LiveServer.DECIDE_TOKEN), 403, "FORBIDDEN", null);
        assertEquals(200, server.get(path, LiveServer.AUTHOR_TOKEN).statusCode());
    }

    @Test
    void theHistoryNeedsAToken() {
        assertError(server.get("/v1/rules", null), 401, "UNAUTHENTICATED", null);
    }

    @Test
    void anUploadWithoutAnyFileIs400NamingFiles() {
        HttpResponse<String> response = server.validate(Part.field("note", "파일을 깜빡함"));

        JsonObject error = assertError(response, 400, "INVALID_REQUEST", "files");
        assertTrue(error.getString("message").contains("multipart/form-data"), error::encode);
    }

    @Test
    void anEmptyBodyIs400NamingFiles() {
        HttpResponse<String> response = server.post("/v1/rules/validate", LiveServer.AUTHOR_TOKEN, null, "");

        assertError(response, 400, "INVALID_REQUEST", "files");
    }

    @Test
    void anUploadOverTheLimitIs413WithAJsonErrorNamingTheUploadLimit() {
        byte[] huge = new byte[(int) RulesApi.UPLOAD_LIMIT_BYTES + 1024 * 1024];

        HttpResponse<String> response = server.validate(Part.file("sections.drl.xlsx", huge));

        JsonObject error = assertError(response, 413, "TOO_LARGE", null);
        assertTrue(
                error.getString("message").contains(String.valueOf(RulesApi.UPLOAD_LIMIT_BYTES)),
                () -> "the limit named must be the upload limit: " + error.encode());
        assertEquals(active, server.activeId());
    }

    @ParameterizedTest(name = "zip entry {0}")
    @CsvSource({
        "rules/../../evil.yaml, rules.zip",
        "/etc/evil.yaml, rules.zip",
        "rules/C:/evil.yaml, rules.zip",
        // a name ending in '..' is skipped like a hidden file, so the folder just lacks the other files
        "rules/sub/.., rules/messages.yaml",
        "rules/messages.yaml/.., rules/messages.yaml"
    })
    void aZipWhoseEntryPointsOutsideTheFolderIsInvalidAndNothingIsWrittenOutside(String entry, String problemFile)
            throws Exception {
        byte[] zip = zipWith(entry, "x: 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        JsonObject report = okJson(server.validate(Part.file("rules.zip", zip)));

        assertEquals(false, report.getBoolean("valid"), report::encodePrettily);
        JsonObject p = report.getJsonArray("problems").getJsonObject(0);
        assertEquals(problemFile, p.getString("file"), p::encode);
        assertTrue(HANGUL.matcher(p.getString("message")).find(), p::encode);
        assertFalse(java.nio.file.Files.exists(server.dataDir().resolve("evil.yaml")));
        assertEquals(active, server.activeId());
    }

    @Test
    void anUploadedMessagesFileWithAJavascriptLinkIsInvalidNamingItsLineAndMessage() {
        String link = "이름: \"NCS 학습모듈 보기\", 주소: \"https://www.ncs.go.kr\"";
        byte[] messages =
                ShippedRules.textWith("messages.yaml", link, "이름: \"NCS 학습모듈 보기\", 주소: \"javascript:alert(1)\"");

        JsonObject report = okJson(server.validate(Part.file("messages.yaml", messages)));

        assertEquals(false, report.getBoolean("valid"), report::encodePrettily);
        JsonObject p = report.getJsonArray("problems").getJsonObject(0);
        assertEquals("rules/messages.yaml", p.getString("file"), p::encode);
        assertEquals(ShippedRules.lineOf("messages.yaml", link), p.getInteger("line"), p::encode);
        assertTrue(p.getString("message").contains("WEAK_SUBJECTS / FAILED"), p::encode);
        assertTrue(p.getString("message").contains("https://"), p::encode);
        assertEquals(active, server.activeId());
    }

    @Test
    void aFileNamedZipThatIsNotAZipIsInvalidWithAKoreanSentence() {
        JsonObject report = okJson(
                server.validate(Part.file("rules.zip", "not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        assertEquals(false, report.getBoolean("valid"), report::encodePrettily);
        JsonObject p = report.getJsonArray("problems").getJsonObject(0);
        assertEquals("rules.zip", p.getString("file"));
        assertTrue(p.getString("message").contains("올바른 zip 파일이 아닙니다"), () -> "not 'empty': " + p.encode());
    }

    @Test
    void aZipWithoutTheMessagesFileNamesTheMissingFile(@TempDir Path dir) throws Exception {
        Path rules = ShippedRules.copyInto(dir.resolve("rules"));
        java.nio.file.Files.delete(rules.resolve("messages.yaml"));

        JsonObject report = okJson(server.validate(Part.file("rules.zip", LiveServer.zip(rules, "rules"))));

        assertEquals(false, report.getBoolean("valid"), report::encodePrettily);
        assertTrue(
                report.getJsonArray("problems").stream()
                        .map(JsonObject.class::cast)
                        .anyMatch(p -> p.getString("file").contains("messages.yaml")),
                report::encodePrettily);
    }

    @Test
    void noCandidateFolderOrUploadedFileIsLeftInTheDataFolderAfterChecking() throws Exception {
        server.validate(Part.file(
                "sections.drl.xlsx", ShippedRules.tableWith(sheet -> ShippedRules.type(sheet, "H23", "60점"))));
        Path uploads = server.dataDir().resolve("uploads");
        List<Path> left = List.of();
        for (int i = 0; i < 50; i++) {
            try (var walk = java.nio.file.Files.walk(uploads)) {
                left = walk.filter(java.nio.file.Files::isRegularFile).toList();
            }
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(List.of(), left);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Copies the shipped rules to {@code dir/rules} with the youth age out of range; returns its line. */
    private static int brokenYouthAge(Path dir) {
        Path rules = ShippedRules.copyInto(dir.resolve("rules"));
        ShippedRules.write(
                rules.resolve(PARAMETERS), ShippedRules.textWith(PARAMETERS, "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 99"));
        return ShippedRules.lineOf(PARAMETERS, "청년 할인 최대 나이: 34");
    }

    private static void assertBrokenYouthAge(JsonObject report, int line) {
        assertEquals(false, report.getBoolean("valid"), report::encodePrettily);
        JsonArray problems = report.getJsonArray("problems");
        assertEquals(1, problems.size(), report::encodePrettily);
        JsonObject p = problems.getJsonObject(0);
        assertEquals("rules/parameters.yaml", p.getString("file"), p::encode);
        assertEquals(line, p.getInteger("line"), p::encode);
        assertNull(p.getString("sheet"), p::encode);
        String message = p.getString("message");
        assertTrue(
                HANGUL.matcher(message).find()
                        && message.contains("'청년 할인 최대 나이'")
                        && message.contains("99")
                        && message.contains("15~60"),
                message);
        assertEquals(active, server.activeId(), "validating changes nothing");
    }

    private static void assertCellProblem(JsonArray problems, int row, String column, String... saying) {
        List<JsonObject> at = problems.stream()
                .map(JsonObject.class::cast)
                .filter(p -> Integer.valueOf(row).equals(p.getInteger("row")) && column.equals(p.getString("column")))
                .collect(Collectors.toList());
        assertEquals(
                1,
                at.size(),
                () -> "one problem at row " + row + " column " + column + " in " + problems.encodePrettily());
        JsonObject p = at.get(0);
        assertEquals("rules/sections.drl.xlsx", p.getString("file"), p::encode);
        assertEquals(ShippedRules.SHEET, p.getString("sheet"), p::encode);
        String message = p.getString("message");
        assertTrue(HANGUL.matcher(message).find(), () -> "a Korean sentence: " + message);
        for (String s : saying) {
            assertTrue(message.contains(s), () -> "'" + message + "' should say " + s);
        }
    }

    private static byte[] zipWith(String entry, byte[] content) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("rules/parameters.yaml"));
            zip.write(ShippedRules.bytes("parameters.yaml"));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static JsonObject okJson(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        return json(response);
    }

    private static List<String> strings(JsonArray array) {
        assertFalse(array == null || array.isEmpty(), "a summary is expected");
        return array.stream().map(String.class::cast).collect(Collectors.toList());
    }
}

package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.lifecycle.AuditLog;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail of the real service: who did what from which version to which, with a cell- or
 * line-level diff, in a hash-chained log that the endpoint and the {@code audit-verify} command
 * check. Before the tests: start-up (STARTUP), a rejected publish (VALIDATE), a publish of one
 * message title and one table cell (PUBLISH), a rollback (ROLLBACK).
 */
class RulesAuditHttpTest {
    @RegisterExtension
    static final LiveServer server = LiveServer.withLifecycle();

    private static String shipped;
    private static String harmless;
    private static String rejected;

    @BeforeAll
    static void startAndAct() {
        shipped = server.activeId();
        byte[] broken = ShippedRules.tableWith(sheet -> ShippedRules.type(sheet, "H23", "60점"));
        JsonObject refused = json(server.publish(Part.file("sections.drl.xlsx", broken)));
        rejected = refused.getString("to");
        byte[] messages = ShippedRules.textWith(
                RulesPublishHttpTest.MESSAGES, RulesPublishHttpTest.SHIPPED_TITLE, RulesPublishHttpTest.NEW_TITLE);
        byte[] table = ShippedRules.tableWith(sheet -> ShippedRules.type(sheet, "B10", RulesPublishHttpTest.NEW_B10));
        var response = server.publish(
                Part.file(RulesPublishHttpTest.MESSAGES, messages), Part.file("sections.drl.xlsx", table));
        assertEquals(200, response.statusCode(), response::body);
        harmless = json(response).getString("to");
        assertEquals(200, server.rollbackTo(shipped).statusCode());
    }

    @Test
    void theTrailHoldsStartupTheRejectedAttemptThePublishAndTheRollbackInOrderWithWhoFromAndTo() {
        JsonArray entries = server.auditEntries();

        assertEquals(4, entries.size(), entries::encodePrettily);
        assertEntry(entries.getJsonObject(0), 1, "STARTUP", "system", null, shipped);
        assertEntry(entries.getJsonObject(1), 2, "VALIDATE", LiveServer.AUTHOR_NAME, shipped, rejected);
        assertEntry(entries.getJsonObject(2), 3, "PUBLISH", LiveServer.AUTHOR_NAME, shipped, harmless);
        assertEntry(entries.getJsonObject(3), 4, "ROLLBACK", LiveServer.AUTHOR_NAME, harmless, shipped);
        assertTrue(entries.getJsonObject(1).getString("note").contains("게시 거부"), entries.getJsonObject(1)::encode);
        for (int i = 0; i < entries.size(); i++) {
            JsonObject e = entries.getJsonObject(i);
            assertTrue(e.getString("hash").matches("[0-9a-f]{64}"), e::encode);
            assertEquals(
                    i == 0 ? "0".repeat(64) : entries.getJsonObject(i - 1).getString("hash"),
                    e.getString("prevHash"),
                    "each entry names the hash of the one before");
            assertTrue(e.getString("at").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), e::encode);
        }
    }

    @Test
    void thePublishEntryHoldsTheChangedMessageLineAndTheChangedTableCellBeforeAndAfter() {
        JsonObject publish = server.auditEntries().getJsonObject(2);

        JsonObject messages = file(publish, RulesPublishHttpTest.MESSAGES);
        int line = ShippedRules.lineOf(RulesPublishHttpTest.MESSAGES, RulesPublishHttpTest.SHIPPED_TITLE);
        JsonArray lines = messages.getJsonArray("lines");
        assertEquals(1, lines.size(), messages::encodePrettily);
        JsonObject changed = lines.getJsonObject(0);
        assertEquals(line, changed.getInteger("beforeLine"));
        assertEquals(line, changed.getInteger("afterLine"));
        assertEquals(
                "제목: " + RulesPublishHttpTest.SHIPPED_TITLE,
                changed.getString("before").strip());
        assertEquals(
                "제목: " + RulesPublishHttpTest.NEW_TITLE,
                changed.getString("after").strip());

        JsonObject table = file(publish, "sections.drl.xlsx");
        JsonArray cells = table.getJsonArray("cells");
        assertEquals(1, cells.size(), table::encodePrettily);
        assertEquals(
                new JsonObject()
                        .put("sheet", ShippedRules.SHEET)
                        .put("cell", "B10")
                        .put("before", RulesPublishHttpTest.SHIPPED_B10)
                        .put("after", RulesPublishHttpTest.NEW_B10),
                cells.getJsonObject(0));
        assertEquals(
                2,
                publish.getJsonArray("diff").size(),
                "only the two edited files differ: " + publish.getJsonArray("diff"));
    }

    @Test
    void theRollbackEntryHoldsTheReverseDiff() {
        JsonObject rollback = server.auditEntries().getJsonObject(3);

        JsonObject changed = file(rollback, RulesPublishHttpTest.MESSAGES)
                .getJsonArray("lines")
                .getJsonObject(0);
        assertEquals(
                "제목: " + RulesPublishHttpTest.NEW_TITLE,
                changed.getString("before").strip());
        assertEquals(
                "제목: " + RulesPublishHttpTest.SHIPPED_TITLE,
                changed.getString("after").strip());
        assertEquals(
                RulesPublishHttpTest.SHIPPED_B10,
                file(rollback, "sections.drl.xlsx")
                        .getJsonArray("cells")
                        .getJsonObject(0)
                        .getString("after"));
    }

    @Test
    void theChainVerifiesAndTheHeadHashIsTheLastEntrysHash() {
        JsonObject verify = verify();

        assertEquals(true, verify.getBoolean("ok"), verify::encodePrettily);
        assertEquals(4, verify.getInteger("entryCount"));
        assertNull(verify.getValue("firstBadSeq"));
        assertEquals(server.auditEntries().getJsonObject(3).getString("hash"), verify.getString("headHash"));
    }

    @Test
    void theAuditVerifyCommandExitsZeroOnAnIntactCopyAndOneWhenAMiddleEntryWasEditedWhichTheEndpointAlsoReports(
            @TempDir Path dir) throws Exception {
        Path copy = dir.resolve("tampered");
        Files.createDirectories(copy);
        Path log = copy.resolve(AuditLog.FILE_NAME);
        Files.copy(server.dataDir().resolve(AuditLog.FILE_NAME), log);

        Run intact = auditVerify(copy.toString());
        assertEquals(0, intact.exit(), intact::output);
        assertTrue(intact.output().contains("감사 기록 이상 없음: 4개 항목"), intact::output);

        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        String second = lines.get(1);
        assertTrue(second.contains("\"who\":\"author-1\""), second);
        lines.set(1, second.replace("\"who\":\"author-1\"", "\"who\":\"author-2\""));
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        Run tampered = auditVerify(copy.toString());
        assertEquals(1, tampered.exit(), tampered::output);
        assertTrue(
                tampered.output().contains("감사 기록 변조 또는 손상 발견")
                        && tampered.output().contains("(항목 2)"),
                tampered::output);

        // The same file in the service's own data folder: the endpoint reports the entry.
        Path live = server.dataDir().resolve(AuditLog.FILE_NAME);
        byte[] original = Files.readAllBytes(live);
        try {
            Files.copy(log, live, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            JsonObject verify = verify();
            assertEquals(false, verify.getBoolean("ok"), verify::encodePrettily);
            assertEquals(2L, verify.getLong("firstBadSeq"));
            assertTrue(
                    verify.getString("reason").contains("entry 2's hash does not match its content"),
                    verify::encodePrettily);
        } finally {
            Files.write(live, original);
        }
        assertEquals(true, verify().getBoolean("ok"));
    }

    @Test
    void theAuditVerifyCommandWithTheHeadHashKeptElsewhereDetectsThatTheLastEntryWasRemoved(@TempDir Path dir)
            throws Exception {
        String head = verify().getString("headHash");
        Path copy = dir.resolve("truncated");
        Files.createDirectories(copy);
        List<String> lines = Files.readAllLines(server.dataDir().resolve(AuditLog.FILE_NAME), StandardCharsets.UTF_8);
        Files.writeString(
                copy.resolve(AuditLog.FILE_NAME),
                String.join("\n", lines.subList(0, lines.size() - 1)) + "\n",
                StandardCharsets.UTF_8);

        assertEquals(0, auditVerify(copy.toString()).exit(), "the shorter chain is intact in itself");
        Run withHead = auditVerify(copy.toString(), "--head", head);
        assertEquals(1, withHead.exit(), withHead::output);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static JsonObject verify() {
        var response = server.get("/v1/rules/audit/verify", LiveServer.AUTHOR_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        return json(response);
    }

    private static void assertEntry(JsonObject e, int seq, String action, String who, String from, String to) {
        assertEquals(seq, e.getInteger("seq"), e::encode);
        assertEquals(action, e.getString("action"), e::encode);
        assertEquals(who, e.getString("who"), e::encode);
        assertEquals(from, e.getString("from"), e::encode);
        assertEquals(to, e.getString("to"), e::encode);
    }

    private static JsonObject file(JsonObject entry, String path) {
        return entry.getJsonArray("diff").stream()
                .map(JsonObject.class::cast)
                .filter(f -> path.equals(f.getString("path")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no diff of " + path + " in " + entry.encodePrettily()));
    }

    record Run(int exit, String output) {}

    /** Runs {@code java kr.qfeedback.Main audit-verify ARGS} in a new JVM with the test class path. */
    static Run auditVerify(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8",
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "kr.qfeedback.Main",
                "audit-verify"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "audit-verify did not finish");
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}

package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import kr.qfeedback.lifecycle.AuditLog;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleProblem;
import kr.qfeedback.rules.RuleSetException;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarting the real service over the same data folder ({@code QF_DATA_DIR}): what was active stays
 * active, an edited rules folder goes live only after the same checks as a publish, and a folder
 * that fails them stops the start.
 */
class RulesRestartHttpTest {
    private static final String MESSAGES = RulesPublishHttpTest.MESSAGES;
    private static final String SHIPPED = RuleFiles.read(ShippedRules.FOLDER).version();

    @Test
    void aRestartWithTheSameFolderKeepsTheActiveVersionAndAddsNoStartupEntry(@TempDir Path dir) {
        String shipped = SHIPPED;
        try (LiveServer first =
                LiveServer.withLifecycleOver(seeded(dir), dir.resolve("data")).start()) {
            assertEquals(shipped, first.activeId());
            JsonArray audit = first.auditEntries();
            assertEquals(1, audit.size(), audit::encodePrettily);
            JsonObject startup = audit.getJsonObject(0);
            assertEquals(
                    "STARTUP",
                    startup.getString("action"),
                    "the shipped rules went live when the data folder was empty");
            assertEquals("system", startup.getString("who"));
            assertNull(startup.getString("from"));
            assertEquals(shipped, startup.getString("to"));
        }

        try (LiveServer second = LiveServer.withLifecycleOver(dir.resolve("rules"), dir.resolve("data"))
                .start()) {
            assertEquals(shipped, second.activeId());
            assertEquals(shipped, second.decideExample().getString("rulesVersion"));
            assertEquals(
                    1,
                    second.auditEntries().size(),
                    () -> "no new entry: " + second.auditEntries().encodePrettily());
            assertEquals(
                    true,
                    json(second.get("/v1/rules/audit/verify", LiveServer.AUTHOR_TOKEN))
                            .getBoolean("ok"));
        }
    }

    @Test
    void aVersionPublishedThroughTheApiStaysActiveAfterARestartWithTheUnchangedFolder(@TempDir Path dir) {
        String published;
        int entries;
        try (LiveServer first =
                LiveServer.withLifecycleOver(seeded(dir), dir.resolve("data")).start()) {
            byte[] messages =
                    ShippedRules.textWith(MESSAGES, RulesPublishHttpTest.SHIPPED_TITLE, RulesPublishHttpTest.NEW_TITLE);
            var response = first.publish(Part.file(MESSAGES, messages));
            assertEquals(200, response.statusCode(), response::body);
            published = json(response).getString("to");
            entries = first.auditEntries().size();
        }

        try (LiveServer second = LiveServer.withLifecycleOver(dir.resolve("rules"), dir.resolve("data"))
                .start()) {
            assertEquals(published, second.activeId(), "a published version survives a restart");
            assertEquals(published, second.decideExample().getString("rulesVersion"));
            assertEquals(
                    entries,
                    second.auditEntries().size(),
                    () -> "nothing changed: " + second.auditEntries().encodePrettily());
        }
    }

    @Test
    void aRestartWithAnEditedFolderAppliesItAfterTheChecksWithAStartupEntryAndItsDiff(@TempDir Path dir) {
        Path rules = seeded(dir);
        String before = SHIPPED;
        ShippedRules.write(
                rules.resolve(MESSAGES),
                ShippedRules.textWith(MESSAGES, RulesPublishHttpTest.SHIPPED_TITLE, RulesPublishHttpTest.NEW_TITLE));
        String edited = RuleFiles.read(rules).version();

        try (LiveServer second =
                LiveServer.withLifecycleOver(rules, dir.resolve("data")).start()) {
            assertEquals(edited, second.activeId());
            assertEquals(edited, second.decideExample().getString("rulesVersion"));
            JsonArray audit = second.auditEntries();
            JsonObject last = audit.getJsonObject(audit.size() - 1);
            assertEquals("STARTUP", last.getString("action"), audit::encodePrettily);
            assertEquals("system", last.getString("who"));
            assertEquals(before, last.getString("from"));
            assertEquals(edited, last.getString("to"));
            JsonObject diff = last.getJsonArray("diff").getJsonObject(0);
            assertEquals(MESSAGES, diff.getString("path"));
            assertEquals(
                    "제목: " + RulesPublishHttpTest.NEW_TITLE,
                    diff.getJsonArray("lines")
                            .getJsonObject(0)
                            .getString("after")
                            .strip());
            assertTrue(second.history().getJsonArray("versions").stream()
                    .anyMatch(v -> ((JsonObject) v).getString("id").equals(edited)));
        }
    }

    @Test
    void aRestartWithAFolderThatDoesNotCompileFailsNamingTheCellAndLeavesTheStoreAsItWas(@TempDir Path dir) {
        Path rules = seeded(dir);
        String before = SHIPPED;
        int entries = 1;
        ShippedRules.write(
                rules.resolve(ShippedRules.TABLE),
                ShippedRules.tableWith(sheet -> ShippedRules.type(sheet, "H23", "60점")));

        RuleSetException e = assertThrows(
                RuleSetException.class,
                () -> LiveServer.withLifecycleOver(rules, dir.resolve("data"))
                        .start()
                        .close());

        RuleProblem p = e.problems().get(0);
        assertEquals(ShippedRules.SHEET, p.sheet(), p::describe);
        assertEquals(23, p.row(), p::describe);
        assertEquals("H", p.column(), p::describe);
        assertStoreUnchanged(dir.resolve("data"), before, entries);
    }

    @Test
    void aRestartWithAFolderThatFailsAcceptanceScenariosFailsNamingThem(@TempDir Path dir) {
        Path rules = seeded(dir);
        String before = SHIPPED;
        int entries = 1;
        ShippedRules.write(
                rules.resolve("parameters.yaml"),
                ShippedRules.textWith("parameters.yaml", "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39"));

        RuleSetException e = assertThrows(
                RuleSetException.class,
                () -> LiveServer.withLifecycleOver(rules, dir.resolve("data"))
                        .start()
                        .close());

        assertTrue(
                e.problems().stream()
                        .anyMatch(p -> p.file().startsWith("features/청년_응시료_할인.feature:")
                                && p.message().contains("수용 시나리오")),
                () -> e.problems().toString());
        assertStoreUnchanged(dir.resolve("data"), before, entries);
    }

    /** The shipped rules in {@code dir/rules} and a data folder in {@code dir/data} where they are active, as after a first start. */
    private static Path seeded(Path dir) {
        LiveServer.seededDataDir(dir.resolve("data"));
        return ShippedRules.copyInto(dir.resolve("rules"));
    }

    private static void assertStoreUnchanged(Path data, String active, int entries) {
        assertEquals(active, VersionStore.open(data).activeVersion().orElseThrow());
        assertEquals(entries, AuditLog.open(data).entries().size());
        assertEquals(1, VersionStore.open(data).versions().size(), "nothing new was stored");
    }
}

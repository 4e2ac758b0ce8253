package kr.qfeedback.http;

import static kr.qfeedback.http.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import kr.qfeedback.http.LifecycleServer.Part;
import kr.qfeedback.lifecycle.AuditLog;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleProblem;
import kr.qfeedback.rules.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarting the real service over the same data folder ({@code QF_DATA_DIR}): what was active stays
 * active, an edited rules folder goes live only after the same checks as a publish, and a folder
 * that fails them stops the start.
 */
class RulesRestartHttpTest {
    private static final String MESSAGES = RulesPublishHttpTest.MESSAGES;
    private static final String SHIPPED = RuleFiles.read(LifecycleServer.SHIPPED_RULES).version();

    @Test
    void aRestartWithTheSameFolderKeepsTheActiveVersionAndAddsNoStartupEntry(@TempDir Path dir) {
        String shipped = SHIPPED;
        try (LifecycleServer first = LifecycleServer.startSeeded(dir, 1)) {
            assertEquals(shipped, first.activeId());
            JsonArray audit = first.auditEntries();
            assertEquals(1, audit.size(), audit::encodePrettily);
            JsonObject startup = audit.getJsonObject(0);
            assertEquals("STARTUP", startup.getString("action"), "the shipped rules went live when the data folder was empty");
            assertEquals("system", startup.getString("who"));
            assertNull(startup.getString("from"));
            assertEquals(shipped, startup.getString("to"));
        }

        try (LifecycleServer second = LifecycleServer.start(dir.resolve("rules"), dir.resolve("data"), 1)) {
            assertEquals(shipped, second.activeId());
            assertEquals(shipped, second.decideExample().getString("rulesVersion"));
            assertEquals(1, second.auditEntries().size(), () -> "no new entry: " + second.auditEntries().encodePrettily());
            assertEquals(true, json(second.http().get("/v1/rules/audit/verify", LiveServer.AUTHOR_TOKEN)).getBoolean("ok"));
        }
    }

    @Test
    void aVersionPublishedThroughTheApiStaysActiveAfterARestartWithTheUnchangedFolder(@TempDir Path dir) {
        String published;
        int entries;
        try (LifecycleServer first = LifecycleServer.startSeeded(dir, 1)) {
            byte[] messages = LifecycleServer.shippedTextWith(MESSAGES, RulesPublishHttpTest.SHIPPED_TITLE, RulesPublishHttpTest.NEW_TITLE);
            var response = first.publish(Part.file(MESSAGES, messages));
            assertEquals(200, response.statusCode(), response::body);
            published = json(response).getString("to");
            entries = first.auditEntries().size();
        }

        try (LifecycleServer second = LifecycleServer.start(dir.resolve("rules"), dir.resolve("data"), 1)) {
            assertEquals(published, second.activeId(), "a published version survives a restart");
            assertEquals(published, second.decideExample().getString("rulesVersion"));
            assertEquals(entries, second.auditEntries().size(), () -> "nothing changed: " + second.auditEntries().encodePrettily());
        }
    }

    @Test
    void aRestartWithAnEditedFolderAppliesItAfterTheChecksWithAStartupEntryAndItsDiff(@TempDir Path dir) {
        Path rules = seeded(dir);
        String before = SHIPPED;
        LifecycleServer.write(rules.resolve(MESSAGES),
                LifecycleServer.shippedTextWith(MESSAGES, RulesPublishHttpTest.SHIPPED_TITLE, RulesPublishHttpTest.NEW_TITLE));
        String edited = RuleFiles.read(rules).version();

        try (LifecycleServer second = LifecycleServer.start(rules, dir.resolve("data"), 1)) {
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
            assertEquals("제목: " + RulesPublishHttpTest.NEW_TITLE, diff.getJsonArray("lines").getJsonObject(0).getString("after").strip());
            assertTrue(second.history().getJsonArray("versions").stream().anyMatch(v -> ((JsonObject) v).getString("id").equals(edited)));
        }
    }

    @Test
    void aRestartWithAFolderThatDoesNotCompileFailsNamingTheCellAndLeavesTheStoreAsItWas(@TempDir Path dir) {
        Path rules = seeded(dir);
        String before = SHIPPED;
        int entries = 1;
        LifecycleServer.write(rules.resolve(LifecycleServer.TABLE),
                LifecycleServer.shippedTableWith(sheet -> LifecycleServer.type(sheet, "H23", "60점")));

        RuleSetException e = assertThrows(RuleSetException.class, () -> LifecycleServer.start(rules, dir.resolve("data"), 1).close());

        RuleProblem p = e.problems().get(0);
        assertEquals(LifecycleServer.SHEET, p.sheet(), p::describe);
        assertEquals(23, p.row(), p::describe);
        assertEquals("H", p.column(), p::describe);
        assertStoreUnchanged(dir.resolve("data"), before, entries);
    }

    @Test
    void aRestartWithAFolderThatFailsAcceptanceScenariosFailsNamingThem(@TempDir Path dir) {
        Path rules = seeded(dir);
        String before = SHIPPED;
        int entries = 1;
        LifecycleServer.write(rules.resolve("parameters.yaml"),
                LifecycleServer.shippedTextWith("parameters.yaml", "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39"));

        RuleSetException e = assertThrows(RuleSetException.class, () -> LifecycleServer.start(rules, dir.resolve("data"), 1).close());

        assertTrue(e.problems().stream().anyMatch(p -> p.file().startsWith("features/청년_응시료_할인.feature:")
                && p.message().contains("수용 시나리오")), () -> e.problems().toString());
        assertStoreUnchanged(dir.resolve("data"), before, entries);
    }

    /** The shipped rules in {@code dir/rules} and a data folder in {@code dir/data} where they are active, as after a first start. */
    private static Path seeded(Path dir) {
        LifecycleServer.seededDataDir(dir.resolve("data"));
        return LifecycleServer.copyOfShippedRules(dir.resolve("rules"));
    }

    private static void assertStoreUnchanged(Path data, String active, int entries) {
        assertEquals(active, VersionStore.open(data).activeVersion().orElseThrow());
        assertEquals(entries, AuditLog.open(data).entries().size());
        assertEquals(1, VersionStore.open(data).versions().size(), "nothing new was stored");
    }
}

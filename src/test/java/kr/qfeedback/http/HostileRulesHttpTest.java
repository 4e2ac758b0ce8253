package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.qfeedback.lifecycle.VersionStore;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleProblem;
import kr.qfeedback.rules.RuleSetException;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule files are data, on every path that compiles them: the hostile corpus
 * (src/test/resources/hostile/drl), appended to the shipped judgements.drl, is refused by
 * validate, impact, publish (422 RULES_REJECTED) and start-up, with Korean problems, no side
 * effect (no probe file, the JVM alive) and the active version unchanged.
 */
class HostileRulesHttpTest {
    private static final Path HOSTILE_DRL = Path.of("src/test/resources/hostile/drl");
    private static final List<Path> PROBES =
            List.of(Path.of("target/hostile-probe.txt"), Path.of("target/hostile-probe-exec"));
    private static final Pattern HANGUL = Pattern.compile("[가-힣]");
    private static final String DRL = "judgements.drl";

    /** Every test checks that what it sent changed nothing, so they share one server. */
    @RegisterExtension
    static final LiveServer server = LiveServer.withLifecycle();

    static Stream<String> hostileDrlFiles() throws IOException {
        try (Stream<Path> files = Files.list(HOSTILE_DRL)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".drl"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static byte[] judgementsWith(String hostileFile) {
        try {
            String shipped = new String(ShippedRules.bytes(DRL), StandardCharsets.UTF_8);
            return (shipped + (shipped.endsWith("\n") ? "" : "\n") + Files.readString(HOSTILE_DRL.resolve(hostileFile)))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRefusedInKorean(JsonObject report) {
        assertEquals(false, report.getBoolean("valid"), report::encodePrettily);
        assertEquals(false, report.getBoolean("compiled"), report::encodePrettily);
        JsonArray problems = report.getJsonArray("problems");
        assertFalse(problems.isEmpty(), report::encodePrettily);
        for (Object o : problems) {
            JsonObject p = (JsonObject) o;
            assertEquals("rules/judgements.drl", p.getString("file"), p::encode);
            assertTrue(HANGUL.matcher(p.getString("message")).find(), p::encode);
        }
        for (Path probe : PROBES) {
            assertFalse(Files.exists(probe), "a hostile rule ran: " + probe);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDrlFiles")
    void validateRefusesEachHostileDrlAndChangesNothing(String hostile) {
        String active = server.activeId();

        HttpResponse<String> response = server.validate(Part.file(DRL, judgementsWith(hostile)));

        assertEquals(200, response.statusCode(), response::body);
        assertRefusedInKorean(json(response));
        assertEquals(active, server.activeId(), "validating changes nothing");
    }

    @Test
    void impactRefusesAHostileDrlWithoutAnalysing() {
        HttpResponse<String> response = server.upload(
                "/v1/rules/impact?size=100&seed=1",
                LiveServer.AUTHOR_TOKEN,
                Part.file(DRL, judgementsWith("file-write.drl")));

        assertEquals(200, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertRefusedInKorean(body);
        assertEquals(null, body.getValue("impact"), body::encodePrettily);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedHostileFiles")
    void publishRejectsAHostileDrlWith422AndKeepsTheActiveVersion(String hostile) {
        String active = server.activeId();
        int versions = server.history().getJsonArray("versions").size();

        HttpResponse<String> response = server.publish(Part.file(DRL, judgementsWith(hostile)));

        assertEquals(422, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals("RULES_REJECTED", body.getJsonObject("error").getString("code"), body::encodePrettily);
        assertEquals(false, body.getBoolean("published"));
        assertRefusedInKorean(body.getJsonObject("checks"));
        assertEquals(active, server.activeId(), "the active version is unchanged");
        assertEquals(versions, server.history().getJsonArray("versions").size(), "nothing is stored");
        assertEquals(active, server.decideExample().getString("rulesVersion"));
    }

    static Stream<String> publishedHostileFiles() {
        return Stream.of(
                "file-write.drl", "system-exit.drl", "endless-loop.drl", "function.drl", "mvel-class-loader.drl");
    }

    @Test
    void publishRejectsATableWhoseImportCellAddsJavaLangRuntime() {
        String active = server.activeId();
        byte[] table = ShippedRules.tableWith(sheet -> ShippedRules.type(
                sheet, "C2", sheet.getRow(1).getCell(2).getStringCellValue() + ", java.lang.Runtime"));

        HttpResponse<String> response = server.publish(Part.file("sections.drl.xlsx", table));

        assertEquals(422, response.statusCode(), response::body);
        JsonObject body = json(response);
        assertEquals("RULES_REJECTED", body.getJsonObject("error").getString("code"));
        JsonObject problem =
                body.getJsonObject("checks").getJsonArray("problems").getJsonObject(0);
        assertEquals("rules/sections.drl.xlsx", problem.getString("file"), problem::encode);
        assertEquals(ShippedRules.SHEET, problem.getString("sheet"), problem::encode);
        assertEquals(2, problem.getInteger("row"), problem::encode);
        assertEquals("C", problem.getString("column"), problem::encode);
        assertTrue(problem.getString("message").contains("java.lang.Runtime"), problem::encode);
        assertEquals(active, server.activeId());
    }

    @Test
    void startUpRefusesAFolderWithAHostileDrlAndLeavesTheStoredVersionActive(@TempDir Path dir) {
        Path rules = ShippedRules.copyInto(dir.resolve("rules"));
        Path data = LiveServer.seededDataDir(dir.resolve("data"));
        String before = VersionStore.open(data).activeVersion().orElseThrow();
        ShippedRules.write(rules.resolve(DRL), judgementsWith("file-write.drl"));

        RuleSetException e = assertThrows(
                RuleSetException.class,
                () -> LiveServer.withLifecycleOver(rules, data).start().close());

        RuleProblem p = e.problems().get(0);
        assertEquals("rules/judgements.drl", p.file(), p::describe);
        assertTrue(p.message().contains("허용되지 않는 코드"), p::describe);
        for (Path probe : PROBES) {
            assertFalse(Files.exists(probe), "a hostile rule ran: " + probe);
        }
        assertEquals(
                before,
                VersionStore.open(data).activeVersion().orElseThrow(),
                "the stored active version is unchanged");
    }

    /** A cluster member prepares a version the leader sends with {@code RulesLifecycle.compile}: the same allow-list. */
    @Test
    void theCompileAClusterMemberPreparesWithRefusesAHostileDrl(@TempDir Path dir) {
        Path rules = ShippedRules.copyInto(dir.resolve("rules"));
        ShippedRules.write(rules.resolve(DRL), judgementsWith("system-exit.drl"));

        RuleSetException e = assertThrows(
                RuleSetException.class,
                () -> LiveServer.newLifecycle(dir.resolve("data")).compile(RuleFiles.read(rules)));

        assertTrue(e.problems().stream().allMatch(p -> p.file().equals("rules/judgements.drl")), e::getMessage);
    }
}

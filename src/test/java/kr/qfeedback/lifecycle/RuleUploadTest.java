package kr.qfeedback.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleProblem;
import kr.qfeedback.rules.RuleSetException;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What staff upload becomes a complete candidate folder, and nothing is written outside it. */
class RuleUploadTest {

    @Test
    void aSingleEditedFileIsLaidOverTheActiveVersionsFiles(@TempDir Path dir) throws IOException {
        RuleFiles active = RuleFiles.read(ShippedRules.copyInto(dir.resolve("active")));
        byte[] edited = "# edited\n".getBytes(StandardCharsets.UTF_8);

        RuleFiles candidate = new RuleUpload()
                .add("C:\\Users\\staff\\Desktop\\messages.yaml", edited)
                .materialise(active, Files.createDirectories(dir.resolve("candidate")));

        assertArrayEquals(edited, candidate.files().get("messages.yaml"));
        assertEquals(
                active.files().keySet(),
                candidate.files().keySet(),
                "only the file's name counts, not the uploader's folder");
        assertArrayEquals(
                active.files().get("parameters.yaml"), candidate.files().get("parameters.yaml"));
    }

    @Test
    void aZipReplacesTheWholeFolderAndItsTopFolderIsStripped(@TempDir Path dir) throws IOException {
        RuleFiles active = RuleFiles.read(ShippedRules.copyInto(dir.resolve("active")));

        RuleFiles candidate = new RuleUpload()
                .add("규칙.zip", zip("rules/parameters.yaml", "a: 1\n", "rules/__MACOSX/x", "y"))
                .materialise(active, Files.createDirectories(dir.resolve("candidate")));

        assertEquals(java.util.Set.of("parameters.yaml"), candidate.files().keySet());
    }

    @Test
    void aNewScenarioGoesIntoTheScenariosFolderAndAnEmptyFileOfItsNameRemovesIt(@TempDir Path dir) throws IOException {
        RuleFiles active = RuleFiles.read(ShippedRules.copyInto(dir.resolve("active")));
        byte[] scenario = "# language: ko\n".getBytes(StandardCharsets.UTF_8);

        RuleFiles saved = new RuleUpload()
                .add("필기_합격.feature", scenario)
                .materialise(active, Files.createDirectories(dir.resolve("saved")));
        assertArrayEquals(scenario, saved.files().get("시나리오/필기_합격.feature"));

        RuleFiles removed = new RuleUpload()
                .add("필기_합격.feature", new byte[0])
                .materialise(saved, Files.createDirectories(dir.resolve("removed")));
        assertEquals(active.files().keySet(), removed.files().keySet());
        assertEquals(active.version(), removed.version(), "the same files as before it was saved");
    }

    @Test
    void aZipWithoutScenariosKeepsTheSavedOnesAndAZipWithScenariosReplacesThem(@TempDir Path dir) throws IOException {
        RuleFiles active = RuleFiles.read(ShippedRules.copyInto(dir.resolve("active")));
        RuleFiles saved = new RuleUpload()
                .add("a.feature", "# language: ko\n".getBytes(StandardCharsets.UTF_8))
                .materialise(active, Files.createDirectories(dir.resolve("saved")));

        RuleFiles kept = new RuleUpload()
                .add("규칙.zip", zip("rules/parameters.yaml", "a: 1\n"))
                .materialise(saved, Files.createDirectories(dir.resolve("kept")));
        assertEquals(
                java.util.Set.of("parameters.yaml", "시나리오/a.feature"),
                kept.files().keySet());

        RuleFiles replaced = new RuleUpload()
                .add("규칙.zip", zip("rules/parameters.yaml", "a: 1\n", "rules/시나리오/b.feature", "# language: ko\n"))
                .materialise(saved, Files.createDirectories(dir.resolve("replaced")));
        assertEquals(
                java.util.Set.of("parameters.yaml", "시나리오/b.feature"),
                replaced.files().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rules/../evil.yaml", "../evil.yaml", "/evil.yaml", "rules/..\\evil.yaml", "C:/evil.yaml"})
    void aZipEntryOutsideTheFolderIsRefusedInKorean(String entry) throws IOException {
        RuleSetException e = assertThrows(
                RuleSetException.class,
                () -> new RuleUpload().add("rules.zip", zip("rules/parameters.yaml", "a: 1\n", entry, "x")));

        RuleProblem p = e.problems().get(0);
        assertEquals("rules.zip", p.file());
        assertTrue(p.message().contains("폴더 밖을 가리키는 경로"), p::describe);
    }

    @Test
    void bytesThatAreNotAZipAreReportedAsNotAZipRatherThanAsAnEmptyOne() {
        RuleSetException e = assertThrows(
                RuleSetException.class,
                () -> new RuleUpload().add("rules.zip", "hello".getBytes(StandardCharsets.UTF_8)));

        assertTrue(e.problems().get(0).message().startsWith("올바른 zip 파일이 아닙니다"), e.problems()::toString);
    }

    @Test
    void anEmptyZipIsReportedAsEmpty() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ZipOutputStream(bytes).close();

        RuleSetException e =
                assertThrows(RuleSetException.class, () -> new RuleUpload().add("rules.zip", bytes.toByteArray()));

        assertEquals("압축 파일이 비어 있습니다.", e.problems().get(0).message());
    }

    @Test
    void nothingUploadedIsEmpty() {
        assertTrue(new RuleUpload().isEmpty());
        assertFalse(new RuleUpload().add("messages.yaml", new byte[0]).isEmpty());
    }

    /** A zip of (name, text) pairs. */
    private static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

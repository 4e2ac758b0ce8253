package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules version is a hash of every file path and byte: equal content, equal version. */
class RuleFilesTest {

    @Test
    void twoCopiesOfTheSameRulesHaveTheSameVersion(@TempDir Path a, @TempDir Path b) {
        RuleFolder.copyOfShippedRules(a);
        RuleFolder.copyOfShippedRules(b);

        assertEquals(RuleFiles.read(a).version(), RuleFiles.read(b).version());
        assertEquals(
                RuleFiles.read(RuleFolder.SHIPPED).version(), RuleFiles.read(a).version());
    }

    @Test
    void readingTheSameFolderTwiceGivesTheSameVersion(@TempDir Path a) {
        RuleFolder.copyOfShippedRules(a);

        assertEquals(RuleFiles.read(a).version(), RuleFiles.read(a).version());
    }

    @Test
    void oneChangedByteChangesTheVersion(@TempDir Path a) throws IOException {
        RuleFolder.copyOfShippedRules(a);
        String before = RuleFiles.read(a).version();
        Path parameters = a.resolve("parameters.yaml");
        byte[] bytes = Files.readAllBytes(parameters);
        int at = indexOf(bytes, "90".getBytes());
        bytes[at + 1] = '1'; // 90 → 91
        Files.write(parameters, bytes);

        assertNotEquals(before, RuleFiles.read(a).version());
    }

    @Test
    void oneChangedByteInTheWorkbookChangesTheVersion(@TempDir Path a) throws IOException {
        RuleFolder.copyOfShippedRules(a);
        String before = RuleFiles.read(a).version();
        Path table = a.resolve(RuleFolder.TABLE);
        byte[] bytes = Files.readAllBytes(table);
        bytes[bytes.length - 1] ^= 1;
        Files.write(table, bytes);

        assertNotEquals(before, RuleFiles.read(a).version());
    }

    @Test
    void renamingAFileChangesTheVersion(@TempDir Path a) throws IOException {
        RuleFolder.copyOfShippedRules(a);
        String before = RuleFiles.read(a).version();
        Files.move(a.resolve("judgements.drl"), a.resolve("judgement.drl"));

        assertNotEquals(before, RuleFiles.read(a).version());
    }

    @Test
    void excelLockFilesAndHiddenFilesDoNotChangeTheVersion(@TempDir Path a) throws IOException {
        RuleFolder.copyOfShippedRules(a);
        String before = RuleFiles.read(a).version();
        Files.writeString(a.resolve("~$sections.drl.xlsx"), "lock");
        Files.writeString(a.resolve(".DS_Store"), "finder");

        assertEquals(before, RuleFiles.read(a).version());
        assertTrue(RuleFiles.read(a).files().keySet().stream().noneMatch(p -> p.startsWith("~$") || p.startsWith(".")));
    }

    @Test
    void theVersionIsTwelveHexDigits() {
        assertTrue(RuleFiles.read(RuleFolder.SHIPPED).version().matches("[0-9a-f]{12}"));
    }

    @Test
    void aMissingFolderIsReportedInKorean(@TempDir Path a) {
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleFiles.read(a.resolve("없는 폴더")));

        assertEquals(1, e.problems().size());
        RuleFolder.assertKoreanSaying(e.problems().get(0), "규칙 폴더가 없습니다", "QF_RULES_DIR");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}

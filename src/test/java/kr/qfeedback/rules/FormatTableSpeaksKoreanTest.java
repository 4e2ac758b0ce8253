package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import kr.qfeedback.testing.ShippedRules;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything {@code format-table} prints is for the policy officer who runs it: Korean sentences
 * that name the file and say what to do, never a stack trace. A hostile workbook is refused by the
 * same checks {@code validate} runs ({@link WorkbookLimits}) before POI opens it, and the file is
 * left byte for byte.
 */
class FormatTableSpeaksKoreanTest {
    private static final String ENTITY_BOMB = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol3;</t></si></sst>";

    @TempDir
    Path dir;

    @Test
    void aWorkbookHidingAnEntityBombIsRefusedBeforeItIsOpenedAndLeftByteForByte() throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Path table = folder.file(RuleFolder.TABLE);
        replaceParts(table, Map.of("xl/sharedStrings.xml", ENTITY_BOMB.getBytes(StandardCharsets.UTF_8)));
        byte[] before = Files.readAllBytes(table);

        FormatTableRun run = FormatTableRun.on(folder.dir());

        assertEquals(1, run.exit());
        assertRefused(run, table, "DOCTYPE", "xl/sharedStrings.xml", "다시 저장");
        assertArrayEquals(before, Files.readAllBytes(table), "not a byte changed");
        assertNoTemporaryFileLeft(folder);
    }

    @Test
    void aWorkbookThatUnpacksIntoTooManyBytesIsRefusedAsAPossibleZipBombAndLeftByteForByte() throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Path table = folder.file(RuleFolder.TABLE);
        replaceParts(table, Map.of("xl/media/bomb.bin", new byte[(int) WorkbookLimits.MAX_TOTAL_BYTES + 1]));
        byte[] before = Files.readAllBytes(table);

        FormatTableRun run = FormatTableRun.on(folder.dir());

        assertEquals(1, run.exit());
        assertRefused(run, table, "너무 큽니다", "압축 폭탄");
        assertArrayEquals(before, Files.readAllBytes(table), "not a byte changed");
        assertNoTemporaryFileLeft(folder);
    }

    @Test
    void aTableThatLostItsAidsIsToldInKoreanThatTheyWereAddedAndThenThatNothingChanged() {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Path table = folder.file(RuleFolder.TABLE);
        ShippedRules.editTable(
                folder.dir(), s -> ((XSSFSheet) s).getCTWorksheet().unsetDataValidations());

        FormatTableRun first = FormatTableRun.on(folder.dir());
        FormatTableRun second = FormatTableRun.on(folder.dir());

        assertEquals(0, first.exit(), first::err);
        assertAllKorean(first);
        assertTrue(first.out().contains(table.toString()) && first.out().contains("달았습니다"), first::out);
        assertEquals(0, second.exit(), second::err);
        assertAllKorean(second);
        assertTrue(second.out().contains(table.toString()) && second.out().contains("그대로 두었습니다"), second::out);
        assertNoTemporaryFileLeft(folder);
    }

    @Test
    void aMessagesFileWithAMistakeIsNamedInKoreanAndTheRestOfTheFormIsStillApplied() throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        ShippedRules.editTable(
                folder.dir(), s -> ((XSSFSheet) s).getCTWorksheet().unsetDataValidations());
        Files.writeString(folder.file(MessagesReader.FILE), "섹션: [\n", StandardCharsets.UTF_8);

        FormatTableRun run = FormatTableRun.on(folder.dir());

        assertEquals(0, run.exit(), run::err);
        assertAllKorean(run);
        assertTrue(run.err().contains(folder.file(MessagesReader.FILE).toString()), run::err);
        assertTrue(run.err().contains("목록(드롭다운)을 달지 않습니다"), run::err);
        assertTrue(run.err().contains("다시 실행"), run::err);
        try (InputStream in = Files.newInputStream(folder.file(RuleFolder.TABLE));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertFalse(workbook.getSheet(RuleFolder.SHEET).getDataValidations().isEmpty(), "the other aids are back");
        }
    }

    @Test
    void aMissingMessagesFileIsRefusedNamingItAndTheTableIsLeftAsItWas() throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Files.delete(folder.file(MessagesReader.FILE));
        byte[] before = Files.readAllBytes(folder.file(RuleFolder.TABLE));

        FormatTableRun run = FormatTableRun.on(folder.dir());

        assertEquals(1, run.exit());
        assertRefused(run, folder.file(MessagesReader.FILE), "파일이 없습니다", "다시 실행");
        assertArrayEquals(before, Files.readAllBytes(folder.file(RuleFolder.TABLE)));
    }

    @Test
    void aMissingTableIsRefusedNamingIt() throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Files.delete(folder.file(RuleFolder.TABLE));

        FormatTableRun run = FormatTableRun.on(folder.dir());

        assertEquals(1, run.exit());
        assertRefused(run, folder.file(RuleFolder.TABLE), "파일이 없습니다", RuleFolder.TABLE);
    }

    @Test
    void theTableFileGivenInsteadOfItsFolderIsRefusedSayingToGiveTheFolder() {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Path table = folder.file(RuleFolder.TABLE);

        FormatTableRun run = FormatTableRun.on(table);

        assertEquals(1, run.exit());
        assertRefused(run, table, "폴더가 아니라 파일입니다", "format-table rules");
    }

    @Test
    void aFolderThatDoesNotExistIsRefusedSayingWhichFolderToGive() {
        Path missing = dir.resolve("없는폴더");

        FormatTableRun run = FormatTableRun.on(missing);

        assertEquals(1, run.exit());
        assertRefused(run, missing, "폴더가 없습니다", RuleFolder.TABLE);
    }

    @Test
    void aRuleTableWithoutItsSystemRowsIsRefusedAndNoSheetIsChanged() throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Path table = folder.file(RuleFolder.TABLE);
        try (InputStream in = Files.newInputStream(table);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            workbook.createSheet("빈 표").createRow(0).createCell(0).setCellValue("RuleTable 빈표");
            try (OutputStream out = Files.newOutputStream(table)) {
                workbook.write(out);
            }
        }
        byte[] before = Files.readAllBytes(table);

        FormatTableRun run = FormatTableRun.on(folder.dir());

        assertEquals(1, run.exit());
        assertRefused(run, table, "'빈 표'", "CONDITION/ACTION", "validate");
        assertArrayEquals(before, Files.readAllBytes(table), "not a byte changed");
        assertNoTemporaryFileLeft(folder);
    }

    /** The refusal validate's way: a Korean heading, then {@code  - <file>: <sentence>}. */
    private static void assertRefused(FormatTableRun run, Path file, String... mentions) {
        assertAllKorean(run);
        assertTrue(
                run.err().startsWith("format-table: 아래 문제로 결정표 파일을 바꾸지 않았습니다.\n  - " + file + ": "),
                () -> "the refusal names " + file + ":\n" + run.err());
        for (String mention : mentions) {
            assertTrue(run.err().contains(mention), () -> "mentions '" + mention + "': " + run.err());
        }
    }

    /** Every line printed is Korean, and none is part of a stack trace. */
    private static void assertAllKorean(FormatTableRun run) {
        Stream.concat(run.out().lines(), run.err().lines()).forEach(line -> {
            assertTrue(
                    line.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                    () -> "a line in Korean: " + line);
            assertFalse(line.startsWith("\tat ") || line.contains("Exception:"), () -> "no stack trace: " + line);
        });
    }

    private static void assertNoTemporaryFileLeft(RuleFolder folder) {
        assertFalse(Files.exists(folder.file(RuleFolder.TABLE + ".tmp")), "nothing left beside the table");
    }

    /** Rewrites the .xlsx file with {@code replaced} parts replaced or added, every other part as it was. */
    private static void replaceParts(Path table, Map<String, byte[]> replaced) throws IOException {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        Set<String> written = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(table)));
                ZipOutputStream out = new ZipOutputStream(rewritten)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(replaced.getOrDefault(entry.getName(), content));
                out.closeEntry();
                written.add(entry.getName());
            }
            for (Map.Entry<String, byte[]> added : replaced.entrySet()) {
                if (written.add(added.getKey())) {
                    out.putNextEntry(new ZipEntry(added.getKey()));
                    out.write(added.getValue());
                    out.closeEntry();
                }
            }
        }
        Files.write(table, rewritten.toByteArray());
    }
}

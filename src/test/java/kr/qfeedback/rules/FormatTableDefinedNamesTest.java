package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import kr.qfeedback.testing.ShippedRules;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code format-table} on a workbook whose defined names (Excel's 이름 관리자) are broken: a name
 * the form does not manage is left exactly as it is, even when its formula does not parse; what
 * the form cannot manage, or a workbook POI cannot open, is refused in Korean naming the file,
 * with no stack trace and the file unchanged. The names are written into {@code xl/workbook.xml}
 * directly, as a file saved by another tool holds them: POI itself refuses to set such a formula.
 */
class FormatTableDefinedNamesTest {
    private static final String BROKEN_NAMES = "<definedName name=\"고장난_합계\">SUM(</definedName>"
            + "<definedName name=\"지운_범위\">#REF!</definedName>"
            + "<definedName name=\"없는_시트\">'없는시트'!$A$1:$B$2</definedName>"
            + "<definedName name=\"인쇄_영역\" localSheetId=\"0\">'섹션표시'!#REF!</definedName>";

    @Test
    void definedNamesWhoseFormulasDoNotParseAreLeftAsTheyWereWhileTheTableGetsItsForm(@TempDir Path dir)
            throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Path table = folder.file(RuleFolder.TABLE);
        ShippedRules.editTable(
                folder.dir(), s -> ((XSSFSheet) s).getCTWorksheet().unsetDataValidations());
        addToWorkbookXml(table, xml -> xml.replace("</definedNames>", BROKEN_NAMES + "</definedNames>"));
        FormatTableRun run = FormatTableRun.on(folder.dir());

        assertEquals(0, run.exit(), run::err);
        assertTrue(part(table, "xl/workbook.xml").contains(BROKEN_NAMES), "the names are kept, byte for byte");
        try (InputStream in = Files.newInputStream(table);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertFalse(workbook.getSheet(RuleFolder.SHEET).getDataValidations().isEmpty(), "the dropdowns are back");
        }
        assertTrue(folder.compile().ruleCount() > 0, "names the rules do not read do not stop them compiling");
    }

    @Test
    void aNamelessDefinedNameOnTheListSheetIsRefusedNamingItAndTheFileIsLeftAsItWas(@TempDir Path dir)
            throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Path table = folder.file(RuleFolder.TABLE);
        addToWorkbookXml(
                table, xml -> xml.replace("</definedNames>", "<definedName>'값 목록'!$C$1</definedName></definedNames>"));
        byte[] before = Files.readAllBytes(table);

        FormatTableRun run = FormatTableRun.on(folder.dir());

        assertEquals(1, run.exit());
        assertRefusedInKorean(run, table, "'값 목록'!$C$1", "이름 관리자", "다시 실행");
        assertArrayEquals(before, Files.readAllBytes(table), "not a byte changed");
        assertFalse(Files.exists(folder.file(RuleFolder.TABLE + ".tmp")), "nothing written beside it");
        assertTrue(folder.compile().ruleCount() > 0, "validate does not read the names");
    }

    @Test
    void aWorkbookWhoseNamesPoiCannotReadIsRefusedInKoreanByFormatTableAndByValidate(@TempDir Path dir)
            throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Path table = folder.file(RuleFolder.TABLE);
        addToWorkbookXml( // a bare '&': xl/workbook.xml is no longer well-formed XML
                table,
                xml -> xml.replace("</definedNames>", "<definedName name=\"AB\">A&B</definedName></definedNames>"));
        byte[] before = Files.readAllBytes(table);

        FormatTableRun run = FormatTableRun.on(folder.dir());

        assertEquals(1, run.exit());
        assertRefusedInKorean(run, table, "엑셀 파일을 열 수 없습니다", ".xlsx");
        assertArrayEquals(before, Files.readAllBytes(table), "not a byte changed");
        RuleProblem problem = folder.onlyProblem();
        assertEquals(RuleFolder.TABLE_DISPLAY, problem.file(), problem::describe);
        RuleFolder.assertKoreanSaying(problem, "엑셀 파일을 열 수 없습니다");
    }

    private static void assertRefusedInKorean(FormatTableRun run, Path table, String... mentions) {
        assertTrue(run.err().contains(table.toString()), () -> "names the file: " + run.err());
        assertTrue(run.err().contains("바꾸지 않았습니다"), () -> "says the file was left as it was: " + run.err());
        for (String mention : mentions) {
            assertTrue(run.err().contains(mention), () -> "mentions '" + mention + "': " + run.err());
        }
        assertFalse(
                run.err().contains("Exception:") || run.err().contains("\tat "), () -> "no stack trace: " + run.err());
    }

    /** Rewrites {@code xl/workbook.xml} inside the .xlsx file, every other part as it was. */
    private static void addToWorkbookXml(Path table, UnaryOperator<String> edit) throws IOException {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(table)));
                ZipOutputStream out = new ZipOutputStream(rewritten)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/workbook.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    String edited = edit.apply(xml);
                    assertFalse(xml.equals(edited), "the shipped workbook.xml has a definedNames element to add to");
                    content = edited.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        Files.write(table, rewritten.toByteArray());
    }

    private static String part(Path table, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(table))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(table + " has no part " + name);
    }
}

package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import kr.qfeedback.testing.ShippedRules;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped decision table is a form for the staff who edit it, and the project's own code
 * writes it so: read back with POI (TheShippedTableRoundTripsThroughLibreOfficeTest has LibreOffice
 * save it again), it keeps a dropdown or
 * range check on every value column, a Korean comment on every header, locked system rows and
 * editable value rows, and the same rules.
 */
class SectionTableFormTest {
    private static final int HEADER_ROW = 8; // row 9, 0-based
    private static final int FIRST_VALUE_ROW = 9;

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void theShippedTableHasADropdownOrRangeCheckOnEveryValueColumnAndACommentOnEveryHeader() throws IOException {
        try (XSSFWorkbook workbook = open(RuleFolder.SHIPPED.resolve(RuleFolder.TABLE))) {
            XSSFSheet sheet = workbook.getSheet(RuleFolder.SHEET);
            Set<Integer> validated = new HashSet<>();
            for (XSSFDataValidation v : sheet.getDataValidations()) {
                for (CellRangeAddress range : v.getRegions().getCellRangeAddresses()) {
                    assertEquals(FIRST_VALUE_ROW, range.getFirstRow(), "aids start at the first value row");
                    validated.add(range.getFirstColumn());
                }
            }
            Row header = sheet.getRow(HEADER_ROW);
            DataFormatter formatter = new DataFormatter();
            List<String> missing = new ArrayList<>();
            for (int c = 2; c < header.getLastCellNum(); c++) { // C (stage) .. Y (data stage); B is the description
                if (!validated.contains(c)) {
                    missing.add(formatter
                            .formatCellValue(header.getCell(c))
                            .lines()
                            .findFirst()
                            .orElse("?"));
                }
                assertNotNull(
                        header.getCell(c).getCellComment(),
                        "a comment on " + formatter.formatCellValue(header.getCell(c)));
                assertTrue(
                        header.getCell(c)
                                .getCellComment()
                                .getString()
                                .getString()
                                .matches("(?s).*[가-힣].*"),
                        "Korean");
            }
            assertEquals(List.of(), missing, "value columns without a dropdown or range check");
            assertNotNull(header.getCell(1).getCellComment(), "the description column is explained too");
        }
    }

    @Test
    void theSystemRowsAreLockedAndTheValueRowsEditableInAProtectedSheet() throws IOException {
        try (XSSFWorkbook workbook = open(RuleFolder.SHIPPED.resolve(RuleFolder.TABLE))) {
            XSSFSheet sheet = workbook.getSheet(RuleFolder.SHEET);
            assertTrue(sheet.getProtect(), "the sheet is protected");
            assertFalse(sheet.isInsertRowsLocked(), "staff may add rows");
            for (int r = 0; r <= HEADER_ROW; r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(2) != null) {
                    assertTrue(row.getCell(2).getCellStyle().getLocked(), "row " + (r + 1) + " is a system row");
                }
            }
            for (int r = FIRST_VALUE_ROW; r < FIRST_VALUE_ROW + 5; r++) {
                assertFalse(sheet.getRow(r).getCell(2).getCellStyle().getLocked(), "row " + (r + 1) + " is editable");
            }
            assertTrue(
                    workbook.isSheetHidden(workbook.getSheetIndex(SectionTableForm.LIST_SHEET)),
                    "the long lists are out of sight");
        }
    }

    @Test
    void formattingAgainChangesNoValueKeepsTheAidsAndTheRulesStillCompile(@TempDir Path dir) throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Path table = folder.dir().resolve(RuleFolder.TABLE);
        String before = values(table);

        assertEquals(0, FormatTableCommand.run(List.of(folder.dir().toString()), System.out, System.err));

        assertEquals(before, values(table), "values unchanged");
        try (XSSFWorkbook again = open(table);
                XSSFWorkbook shipped = open(RuleFolder.SHIPPED.resolve(RuleFolder.TABLE))) {
            assertEquals(
                    shipped.getSheet(RuleFolder.SHEET).getDataValidations().size(),
                    again.getSheet(RuleFolder.SHEET).getDataValidations().size(),
                    "the shipped file is what the command writes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            again.write(out);
            try (XSSFWorkbook roundTrip = new XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
                assertEquals(
                        again.getSheet(RuleFolder.SHEET).getDataValidations().size(),
                        roundTrip
                                .getSheet(RuleFolder.SHEET)
                                .getDataValidations()
                                .size(),
                        "the aids survive a round trip");
            }
        }
        RuleSet rules = new RuleSetCompiler().compile(RuleFiles.read(folder.dir()));
        assertTrue(rules.ruleCount() > 0);
    }

    @Test
    void formattingTheShippedTableAgainChangesNothing(@TempDir Path dir) throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Path table = folder.dir().resolve(RuleFolder.TABLE);
        Path shipped = RuleFolder.SHIPPED.resolve(RuleFolder.TABLE);

        assertEquals(0, FormatTableCommand.run(List.of(folder.dir().toString()), System.out, System.err));
        Map<String, String> once = parts(table);
        assertEquals(0, FormatTableCommand.run(List.of(folder.dir().toString()), System.out, System.err));

        assertSameParts(parts(shipped), once, "the shipped file");
        assertSameParts(once, parts(table), "the first run");
        assertArrayEquals(Files.readAllBytes(shipped), Files.readAllBytes(table), "not a byte rewritten");
        assertEquals(
                RuleFiles.read(RuleFolder.SHIPPED).version(),
                RuleFiles.read(folder.dir()).version(),
                "the rules version stays");
    }

    @Test
    void formattingATableThatLostItsAidsTwiceWritesItOnce(@TempDir Path dir) throws IOException {
        RuleFolder folder = RuleFolder.copyOfShippedRules(dir);
        Path table = folder.dir().resolve(RuleFolder.TABLE);
        ShippedRules.editTable(
                folder.dir(),
                s -> { // as a file re-created without the form aids
                    XSSFSheet sheet = (XSSFSheet) s;
                    XSSFWorkbook workbook = sheet.getWorkbook();
                    workbook.removeSheetAt(workbook.getSheetIndex(SectionTableForm.LIST_SHEET));
                    List.copyOf(workbook.getAllNames()).forEach(workbook::removeName);
                    sheet.getCTWorksheet().unsetDataValidations();
                    sheet.getRow(HEADER_ROW).forEach(cell -> cell.removeCellComment());
                    for (int c = 0; c < 30; c++) {
                        sheet.setDefaultColumnStyle(c, workbook.getCellStyleAt(0));
                    }
                });
        byte[] stripped = Files.readAllBytes(table);

        assertEquals(0, FormatTableCommand.run(List.of(folder.dir().toString()), System.out, System.err));
        byte[] once = Files.readAllBytes(table);
        assertFalse(Arrays.equals(stripped, once), "the first run puts the aids back");
        assertEquals(0, FormatTableCommand.run(List.of(folder.dir().toString()), System.out, System.err));

        assertArrayEquals(once, Files.readAllBytes(table), "the second run changes no byte");
        try (XSSFWorkbook workbook = open(table);
                XSSFWorkbook shipped = open(RuleFolder.SHIPPED.resolve(RuleFolder.TABLE))) {
            assertEquals(
                    shipped.getNumCellStyles(), workbook.getNumCellStyles(), "the unlocked styles there are reused");
            assertEquals(
                    shipped.getSheet(RuleFolder.SHEET).getDataValidations().size(),
                    workbook.getSheet(RuleFolder.SHEET).getDataValidations().size());
            assertEquals(
                    shipped.getSheet(RuleFolder.SHEET).getCellComments().size(),
                    workbook.getSheet(RuleFolder.SHEET).getCellComments().size());
            assertEquals(2, workbook.getAllNames().size(), "LIST_SECTIONS and LIST_MESSAGES");
            assertTrue(workbook.isSheetHidden(workbook.getSheetIndex(SectionTableForm.LIST_SHEET)));
        }
    }

    /** Every part of the workbook (sheets, comments, styles, strings, names), unzipped, by entry name. */
    private static Map<String, String> parts(Path table) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(table))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    private static void assertSameParts(Map<String, String> expected, Map<String, String> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), "the parts of the workbook, against " + what);
        expected.forEach((name, text) -> assertEquals(text, actual.get(name), name + ", against " + what));
    }

    private static String values(Path table) throws IOException {
        StringBuilder all = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = open(table)) {
            for (Row row : workbook.getSheet(RuleFolder.SHEET)) {
                row.forEach(cell -> all.append(cell.getAddress())
                        .append('=')
                        .append(formatter.formatCellValue(cell))
                        .append('\n'));
            }
        }
        return all.toString();
    }
}

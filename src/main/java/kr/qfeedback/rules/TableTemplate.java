package kr.qfeedback.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * The code of a decision table belongs to the application, not to the file: rows 1–8 of the sheet
 * {@value #SHEET} (RuleSet, Import, Notes, RuleTable, CONDITION/ACTION, object types, code
 * snippets) must equal the template kept in {@code decision-table-template.tsv}, cell by cell,
 * and no other cell of the workbook may be a Drools setting (RuleSet, Import, Functions,
 * Variables, Queries, Declare, Sequential, RuleTable, …): staff edit values from row 10 down, not
 * code. Also caps the size of a workbook (sheets, rows, columns).
 */
final class TableTemplate {
    static final String SHEET = "섹션표시";
    static final int CODE_ROWS = 8;
    static final int MAX_SHEETS = 10;
    static final int MAX_ROWS = 5_000;
    static final int MAX_COLUMNS = 100;
    /** Excel row (1-based) of the first data row, and of the column headers just above. */
    private static final int HEADER_ROW = 9;

    private static final String DESCRIPTION_COLUMN = "B";
    /** What Drools' decision-table reader takes as a setting or a table outside rows 1–8 (compared ignoring case). */
    private static final Set<String> KEYWORDS = Set.of(
            "ruleset",
            "import",
            "notes",
            "variables",
            "functions",
            "queries",
            "declare",
            "unit",
            "dialect",
            "sequential",
            "sequentialmaxpriority",
            "sequentialminpriority",
            "escapequotes",
            "numericdisabled",
            "ignorenumericformat",
            "ruletable",
            "condition",
            "action",
            "description",
            "metadata",
            "name",
            "priority",
            "salience",
            "duration",
            "timer",
            "enabled",
            "calendars",
            "no-loop",
            "lock-on-active",
            "auto-focus",
            "activation-group",
            "agenda-group",
            "ruleflow-group",
            "date-effective",
            "date-expires");

    private static final Map<String, String> TEMPLATE = load();

    private TableTemplate() {}

    /** The template cells, reference → exact text, in reading order. */
    static Map<String, String> cells() {
        return TEMPLATE;
    }

    private static Map<String, String> load() {
        Map<String, String> cells = new LinkedHashMap<>();
        try (InputStream in = TableTemplate.class.getResourceAsStream("decision-table-template.tsv")) {
            if (in == null) {
                throw new IllegalStateException("decision-table-template.tsv is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                cells.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(cells);
    }

    /** Every difference from the template and every setting cell of {@code workbook}, in {@code file}. */
    static List<RuleProblem> check(String file, Workbook workbook) {
        List<RuleProblem> problems = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        if (workbook.getNumberOfSheets() > MAX_SHEETS) {
            problems.add(RuleProblem.inFile(
                    file,
                    "시트가 너무 많습니다(" + workbook.getNumberOfSheets() + "개). 결정표 파일에는 시트를 " + MAX_SHEETS
                            + "개까지 둘 수 있습니다."));
            return problems;
        }
        if (workbook.getSheet(SHEET) == null) {
            problems.add(RuleProblem.inFile(file, "시트 '" + SHEET + "'가 없습니다. 섹션표는 이 이름의 시트에 있어야 합니다(시트 이름을 바꾸지 마세요)."));
        }
        for (Sheet sheet : workbook) {
            String name = sheet.getSheetName();
            if (sheet.getLastRowNum() + 1 > MAX_ROWS) {
                problems.add(RuleProblem.atCell(
                        file,
                        name,
                        MAX_ROWS + 1,
                        null,
                        "행이 너무 많습니다(" + (sheet.getLastRowNum() + 1) + "행). 결정표 시트는 " + MAX_ROWS + "행까지 쓸 수 있습니다."));
                continue;
            }
            boolean table = name.equals(SHEET);
            int tableEnd = table ? tableEnd(sheet, formatter) : -1;
            for (Row row : sheet) {
                int excelRow = row.getRowNum() + 1;
                if (row.getLastCellNum() > MAX_COLUMNS) {
                    problems.add(RuleProblem.atCell(
                            file,
                            name,
                            excelRow,
                            CellReference.convertNumToColString(MAX_COLUMNS),
                            "열이 너무 많습니다(" + row.getLastCellNum() + "열). 결정표는 " + MAX_COLUMNS + "열까지 쓸 수 있습니다."));
                    continue;
                }
                for (Cell cell : row) {
                    String ref = CellReference.convertNumToColString(cell.getColumnIndex()) + excelRow;
                    String column = CellReference.convertNumToColString(cell.getColumnIndex());
                    String text = formatter.formatCellValue(cell).strip();
                    if (table && excelRow <= CODE_ROWS) {
                        String expected = TEMPLATE.getOrDefault(ref, "");
                        if (!text.equals(expected) || (!expected.isEmpty() && cell.getCellType() != CellType.STRING)) {
                            problems.add(RuleProblem.atCell(file, name, excelRow, column, changed(text, expected)));
                        }
                        continue;
                    }
                    if (table && cell.getCellType() == CellType.FORMULA) {
                        problems.add(RuleProblem.atCell(
                                file,
                                name,
                                excelRow,
                                column,
                                "수식(=" + shorten(cell.getCellFormula()) + ")은 쓸 수 없습니다. 칸에는 값만 적어 주세요."));
                        continue;
                    }
                    boolean description =
                            table && column.equals(DESCRIPTION_COLUMN) && excelRow > HEADER_ROW && excelRow <= tableEnd;
                    if (!description && isKeyword(text)) {
                        problems.add(RuleProblem.atCell(
                                file,
                                name,
                                excelRow,
                                column,
                                "결정표 설정 '" + shorten(text)
                                        + "' 은(는) 쓸 수 없습니다. 규칙 설정(RuleSet, Import, Functions, Variables, Queries, RuleTable 등)은 프로그램이 정한 '"
                                        + SHEET + "' 시트 1~8행에만 있습니다. 이 칸을 비워 주세요."));
                    }
                }
            }
            if (table) {
                for (Map.Entry<String, String> expected : TEMPLATE.entrySet()) {
                    CellReference at = new CellReference(expected.getKey());
                    Row row = sheet.getRow(at.getRow());
                    Cell cell = row == null ? null : row.getCell(at.getCol());
                    if (cell == null) {
                        problems.add(RuleProblem.atCell(
                                file,
                                name,
                                at.getRow() + 1,
                                CellReference.convertNumToColString(at.getCol()),
                                changed("", expected.getValue())));
                    }
                }
            }
        }
        return problems;
    }

    /** The last (1-based) row of the table: the row before the first one whose template columns are all empty. */
    private static int tableEnd(Sheet sheet, DataFormatter formatter) {
        int last = HEADER_ROW;
        for (int r = HEADER_ROW; r <= sheet.getLastRowNum() && r < MAX_ROWS; r++) {
            Row row = sheet.getRow(r);
            boolean empty = true;
            if (row != null) {
                for (int c = 1; c <= 24 && empty; c++) {
                    empty = formatter.formatCellValue(row.getCell(c)).isBlank();
                }
            }
            if (empty) {
                break;
            }
            last = r + 1;
        }
        return last;
    }

    private static boolean isKeyword(String text) {
        if (text.isEmpty()) {
            return false;
        }
        String first = text.split("[\\s:]+", 2)[0].toLowerCase(Locale.ROOT);
        return KEYWORDS.contains(first);
    }

    private static String changed(String text, String expected) {
        String what = text.isEmpty() ? "비어 있습니다" : "'" + shorten(text) + "' 이(가) 적혀 있습니다";
        String should = expected.isEmpty() ? "비어 있어야 합니다" : "'" + shorten(expected) + "' 이어야 합니다";
        return "1~8행은 시스템이 읽는 칸이라 고칠 수 없습니다: 이 칸에 " + what + ", 프로그램이 정한 대로 " + should + "."
                + difference(text, expected) + " 직원은 10행부터 값만 고칩니다. 이 칸을 원래대로 되돌려 주세요.";
    }

    /** For two long texts, the part of {@code text} that differs, e.g. " 다른 부분: '…, java.lang.Runtime'". */
    private static String difference(String text, String expected) {
        if (text.isEmpty() || expected.isEmpty() || (text.length() <= 80 && expected.length() <= 80)) {
            return "";
        }
        int prefix = 0;
        while (prefix < text.length() && prefix < expected.length() && text.charAt(prefix) == expected.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < text.length() - prefix
                && suffix < expected.length() - prefix
                && text.charAt(text.length() - 1 - suffix) == expected.charAt(expected.length() - 1 - suffix)) {
            suffix++;
        }
        String part = text.substring(prefix, text.length() - suffix);
        return part.isEmpty()
                ? " 빠진 부분: '" + shorten(expected.substring(prefix, expected.length() - suffix)) + "'."
                : " 다른 부분: '" + (prefix > 0 ? "…" : "") + shorten(part) + (suffix > 0 ? "…" : "") + "'.";
    }

    private static String shorten(String text) {
        String s = text.replaceAll("\\s+", " ");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}

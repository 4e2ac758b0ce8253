package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads a decision-table workbook as staff see it and checks every cell before Drools does, so
 * that each problem names the sheet, row and column and says what the cell may hold. It
 * recognises the columns by their code snippet (row under the object types) and knows which
 * values each kind of column accepts ({@link ColumnKind}, {@link TableRowCheck}). It also returns
 * each row's description for the trace.
 */
public final class DecisionTableChecker {
    private final String file;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final TableRowCheck rows;
    private final Map<String, Map<Integer, String>> descriptions = new LinkedHashMap<>();
    private final DataFormatter formatter = new DataFormatter();

    private DecisionTableChecker(String file, MessageCatalogue messages) {
        this.file = file;
        this.rows = new TableRowCheck(file, messages, problems);
    }

    /** What checking one workbook found: problems, and per sheet the description of each data row. */
    public record Result(List<RuleProblem> problems, Map<String, Map<Integer, String>> rowDescriptions) {

        public List<String> tableSheets() {
            return List.copyOf(rowDescriptions.keySet());
        }
    }

    /**
     * Checks an open workbook (the caller closes it; it is read from its bytes once for checking and
     * converting). {@code messages} may be null when messages.yaml itself is broken; message names
     * are then not checked.
     */
    public static Result check(String file, Workbook workbook, MessageCatalogue messages) {
        DecisionTableChecker checker = new DecisionTableChecker(file, messages);
        checker.run(workbook);
        return new Result(List.copyOf(checker.problems), Map.copyOf(checker.descriptions));
    }

    /** The problem of a file that POI cannot open or read as a workbook. */
    static RuleProblem unreadable(String file, Exception e) {
        if (e instanceof WorkbookLimits.Refused refused) {
            return RuleProblem.inFile(file, refused.getMessage());
        }
        return RuleProblem.inFile(
                file,
                "엑셀 파일을 열 수 없습니다(" + e.getClass().getSimpleName() + "). .xlsx 형식으로 저장했는지, 암호가 걸려 있지 않은지 확인해 주세요.");
    }

    private void run(Workbook workbook) {
        try {
            boolean anyTable = false;
            for (Sheet sheet : workbook) {
                anyTable |= checkSheet(sheet);
            }
            if (!anyTable) {
                problems.add(RuleProblem.inFile(
                        file, "'RuleTable'로 시작하는 표를 찾지 못했습니다. 결정표에는 RuleTable 행과 그 아래 CONDITION/ACTION 행이 있어야 합니다."));
            }
        } catch (RuntimeException e) {
            problems.add(unreadable(file, e));
        }
    }

    private boolean checkSheet(Sheet sheet) {
        int tableRow = -1;
        int tableCol = -1;
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (text(cell).startsWith("RuleTable")) {
                    tableRow = row.getRowNum();
                    tableCol = cell.getColumnIndex();
                    break;
                }
            }
            if (tableRow >= 0) {
                break;
            }
        }
        if (tableRow < 0) {
            return false;
        }
        String sheetName = sheet.getSheetName();
        descriptions.put(sheetName, new LinkedHashMap<>());
        Row keywords = sheet.getRow(tableRow + 1);
        Row snippets = sheet.getRow(tableRow + 3);
        Row headers = sheet.getRow(tableRow + 4);
        if (keywords == null || snippets == null || headers == null) {
            problems.add(RuleProblem.atCell(
                    file,
                    sheetName,
                    tableRow + 1,
                    null,
                    "RuleTable 아래에 CONDITION/ACTION 행, 객체 행, 코드 행, 제목 행이 차례로 있어야 합니다."));
            return true;
        }
        List<TableColumn> columns = new ArrayList<>();
        for (int c = tableCol; c < keywords.getLastCellNum(); c++) {
            String keyword = text(keywords.getCell(c));
            if (keyword.isEmpty()) {
                break;
            }
            String snippet = text(snippets.getCell(c));
            columns.add(new TableColumn(
                    c,
                    CellReference.convertNumToColString(c),
                    keyword,
                    ColumnKind.of(keyword, snippet),
                    ColumnKind.fieldOf(snippet),
                    firstLine(text(headers.getCell(c)))));
        }
        for (int r = tableRow + 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null
                    || columns.stream()
                            .allMatch(col -> text(row.getCell(col.index())).isEmpty())) {
                break;
            }
            checkRow(sheetName, r + 1, row, columns);
        }
        return true;
    }

    private void checkRow(String sheet, int excelRow, Row row, List<TableColumn> columns) {
        Set<ColumnKind> filled = EnumSet.noneOf(ColumnKind.class);
        Map<ColumnKind, String> actions = new LinkedHashMap<>();
        for (TableColumn col : columns) {
            String value = text(row.getCell(col.index()));
            if (col.kind() == ColumnKind.DESCRIPTION) {
                descriptions.get(sheet).put(excelRow, value);
            }
            if (value.isEmpty()) {
                continue;
            }
            filled.add(col.kind());
            rows.checkCell(sheet, excelRow, col, value, actions);
        }
        rows.checkActions(sheet, excelRow, columns, filled, actions);
    }

    private String text(Cell cell) {
        return cell == null ? "" : formatter.formatCellValue(cell).strip();
    }

    private static String firstLine(String header) {
        int nl = header.indexOf('\n');
        return nl < 0 ? header : header.substring(0, nl);
    }
}

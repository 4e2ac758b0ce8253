package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The value lists of the decision table's dropdowns: in the cell's own list when short, else in a
 * column of the hidden {@link SectionTableForm#LIST_SHEET} sheet under a workbook name (which no
 * rule table reads). A list sheet and names already there are reused and only changed where a list
 * changed, so that formatting again writes the same file; {@link #finish()} drops what is left over.
 * Other names are not this form's: they are left as they are, even one whose formula does not parse
 * (POI parses a name's formula only when one is set).
 */
final class FormValueLists {
    private static final String SHEET_REFERENCE = "'" + SectionTableForm.LIST_SHEET + "'!";

    private final XSSFWorkbook workbook;
    private final Set<String> names = new HashSet<>();
    private XSSFSheet sheet;
    private int columns;

    /**
     * The lists of {@code workbook}; refused, before anything is changed, when a defined name points
     * at the list sheet without a name of its own: {@link #finish()} could not remove it (POI finds
     * names by name).
     */
    FormValueLists(XSSFWorkbook workbook) throws SectionTableForm.Refused {
        this.workbook = workbook;
        this.sheet = workbook.getSheet(SectionTableForm.LIST_SHEET);
        for (Name name : workbook.getAllNames()) {
            if (name.getNameName() == null && pointsAtListSheet(name)) {
                throw new SectionTableForm.Refused("이름이 없는 정의된 이름(참조 대상 " + name.getRefersToFormula() + ")이 숨은 '"
                        + SectionTableForm.LIST_SHEET + "' 시트를 가리킵니다. 이 시트와 이 시트를 가리키는 이름은 format-table 이"
                        + " 관리하는데, 이름이 없는 것은 지울 수 없습니다. 엑셀에서 [수식] → [이름 관리자]로 이 이름을 지우고"
                        + "(엑셀이 파일을 복구하겠다고 하면 복구하고) 저장한 뒤 format-table 을 다시 실행해 주세요.");
            }
        }
    }

    private static boolean pointsAtListSheet(Name name) {
        return name.getRefersToFormula() != null && name.getRefersToFormula().startsWith(SHEET_REFERENCE);
    }

    /** A list constraint offering {@code values}, kept under the workbook name {@code name} when long. */
    DataValidationConstraint constraint(DataValidationHelper helper, String name, String[] values) {
        if (String.join(",", values).length() <= 250) {
            return helper.createExplicitListConstraint(values);
        }
        if (sheet == null) {
            sheet = workbook.createSheet(SectionTableForm.LIST_SHEET);
        }
        int column = columns++;
        for (int r = 0; r < values.length; r++) {
            Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
            Cell cell = row.getCell(column) != null ? row.getCell(column) : row.createCell(column);
            if (cell.getCellType() != CellType.STRING || !values[r].equals(cell.getStringCellValue())) {
                cell.setCellValue(values[r]);
            }
        }
        for (int r = values.length; r <= sheet.getLastRowNum(); r++) { // a list that got shorter
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(column) != null) {
                row.removeCell(row.getCell(column));
            }
        }
        String letter = CellReference.convertNumToColString(column);
        String formula = SHEET_REFERENCE + "$" + letter + "$1:$" + letter + "$" + values.length;
        Name named = workbook.getName(name);
        if (named == null
                || !formula.equals(named.getRefersToFormula())
                || workbook.getNames(name).size() > 1) {
            removeNames(name);
            named = workbook.createName();
            named.setNameName(name);
            named.setRefersToFormula(formula);
        }
        names.add(name);
        return helper.createFormulaListConstraint(name);
    }

    /** Hides the list sheet, empties its columns no list used and drops names that point at them. */
    void finish() {
        for (Name name : List.copyOf(workbook.getAllNames())) {
            if (!names.contains(name.getNameName()) && pointsAtListSheet(name)) {
                workbook.removeName(name);
            }
        }
        if (sheet == null) {
            return;
        }
        if (columns == 0) {
            workbook.removeSheetAt(workbook.getSheetIndex(sheet));
            return;
        }
        for (Row row : sheet) {
            List<Cell> unused = new ArrayList<>();
            row.forEach(cell -> {
                if (cell.getColumnIndex() >= columns) {
                    unused.add(cell);
                }
            });
            unused.forEach(row::removeCell);
        }
        for (int r = sheet.getLastRowNum(); r >= 0; r--) {
            Row row = sheet.getRow(r);
            if (row != null && row.getPhysicalNumberOfCells() == 0) {
                sheet.removeRow(row);
            }
        }
        int index = workbook.getSheetIndex(sheet);
        if (!workbook.isSheetHidden(index)) {
            workbook.setSheetHidden(index, true);
        }
    }

    private void removeNames(String name) {
        while (workbook.getName(name) != null) {
            workbook.removeName(workbook.getName(name));
        }
    }
}

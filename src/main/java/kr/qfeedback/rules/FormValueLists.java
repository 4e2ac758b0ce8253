package kr.qfeedback.rules;

import java.util.List;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The value lists of the decision table's dropdowns: in the cell's own list when short, else in a
 * column of the hidden {@link SectionTableForm#LIST_SHEET} sheet under a workbook name (which no
 * rule table reads).
 */
final class FormValueLists {
    private final XSSFWorkbook workbook;
    private XSSFSheet sheet;
    private int columns;

    FormValueLists(XSSFWorkbook workbook) {
        this.workbook = workbook;
        int old = workbook.getSheetIndex(SectionTableForm.LIST_SHEET);
        if (old >= 0) {
            workbook.removeSheetAt(old);
        }
        for (String name : List.of("LIST_SECTIONS", "LIST_MESSAGES")) {
            while (workbook.getName(name) != null) {
                workbook.removeName(workbook.getName(name));
            }
        }
    }

    /** A list constraint offering {@code values}, kept under the workbook name {@code name} when long. */
    DataValidationConstraint constraint(DataValidationHelper helper, String name, String[] values) {
        if (String.join(",", values).length() <= 250) {
            return helper.createExplicitListConstraint(values);
        }
        if (sheet == null) {
            sheet = workbook.createSheet(SectionTableForm.LIST_SHEET);
            workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
        }
        int column = columns++;
        for (int r = 0; r < values.length; r++) {
            Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
            row.createCell(column).setCellValue(values[r]);
        }
        String letter = CellReference.convertNumToColString(column);
        while (workbook.getName(name) != null) {
            workbook.removeName(workbook.getName(name));
        }
        var named = workbook.createName();
        named.setNameName(name);
        named.setRefersToFormula(
                "'" + SectionTableForm.LIST_SHEET + "'!$" + letter + "$1:$" + letter + "$" + values.length);
        return helper.createFormulaListConstraint(name);
    }
}

package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Tone;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTXf;

/**
 * Gives the decision table the aids of a form for the staff who edit it: a dropdown for every
 * enumerated column (stage, result, grade, O/X, section, tone, message, data stage and the other
 * value lists), a range check on numeric columns, a Korean comment on every column header saying
 * what it means, and protection of the system rows (1–9) while the value rows stay editable. It is
 * how the project writes the shipped {@code sections.drl.xlsx} ({@code format-table}), so a new
 * column or a re-written file keeps the aids. The cells' values are never changed.
 */
public final class SectionTableForm {
    /** How many rows below the header get the aids: room for the table to grow. */
    static final int FORM_ROWS = 400;

    private static final String AUTHOR = "Q-Feedback";

    private SectionTableForm() {}

    /** The hidden sheet that holds the lists too long for a cell's own list (Excel allows 255 characters). */
    static final String LIST_SHEET = "값 목록";

    /**
     * Why the form cannot be applied to a workbook, as a Korean sentence saying what to change; the
     * workbook has not been changed.
     */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * Applies the form to every RuleTable sheet; {@code messageNames} are the names messages.yaml
     * offers. Refused, with the workbook unchanged, when it holds what the form cannot manage.
     */
    public static void apply(XSSFWorkbook workbook, List<String> messageNames) throws Refused {
        Objects.requireNonNull(workbook, "workbook must not be null");
        FormValueLists lists = new FormValueLists(workbook);
        Map<XSSFSheet, int[]> tables = new LinkedHashMap<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            XSSFSheet sheet = workbook.getSheetAt(i);
            if (sheet.getSheetName().equals(LIST_SHEET)) {
                continue;
            }
            int[] at = ruleTable(sheet);
            if (at != null) {
                requireSystemRows(sheet, at[0]);
                tables.put(sheet, at);
            }
        }
        for (Map.Entry<XSSFSheet, int[]> table : tables.entrySet()) {
            int[] at = table.getValue();
            apply(workbook, table.getKey(), at[0], at[1], messageNames, lists);
        }
        lists.finish();
    }

    /**
     * Refuses a RuleTable without the rows the form reads below it: the keyword row
     * (CONDITION/ACTION) and the header row. Checked on every sheet before any is changed.
     */
    private static void requireSystemRows(XSSFSheet sheet, int tableRow) throws Refused {
        if (sheet.getRow(tableRow + 1) == null || sheet.getRow(tableRow + 4) == null) {
            throw new Refused("시트 '" + sheet.getSheetName() + "' 의 RuleTable(" + (tableRow + 1) + "행) 아래에"
                    + " CONDITION/ACTION 행(" + (tableRow + 2) + "행)이나 제목 행(" + (tableRow + 5) + "행)이 없어 도움 기능을 달 수"
                    + " 없습니다. validate 로 결정표를 검사해 고친 뒤 format-table 을 다시 실행해 주세요.");
        }
    }

    private static void apply(
            XSSFWorkbook workbook,
            XSSFSheet sheet,
            int tableRow,
            int tableCol,
            List<String> messageNames,
            FormValueLists lists) {
        DataFormatter formatter = new DataFormatter();
        Row keywords = sheet.getRow(tableRow + 1);
        Row snippets = sheet.getRow(tableRow + 3);
        Row headers = sheet.getRow(tableRow + 4);
        int first = tableRow + 5;
        int last = Math.max(sheet.getLastRowNum(), first) + FORM_ROWS;
        sheet.getDataValidations().clear();
        if (sheet.getCTWorksheet().isSetDataValidations()) {
            sheet.getCTWorksheet().unsetDataValidations();
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        int lastColumn = tableCol;
        for (int c = tableCol; c < keywords.getLastCellNum(); c++) {
            String keyword = formatter.formatCellValue(keywords.getCell(c)).strip();
            if (keyword.isEmpty()) {
                break;
            }
            lastColumn = c;
            String snippet = snippets == null
                    ? ""
                    : formatter.formatCellValue(snippets.getCell(c)).strip();
            ColumnKind kind = ColumnKind.of(keyword, snippet);
            String field = kind == ColumnKind.FLAG ? snippet.split("\\s")[0] : ColumnKind.fieldOf(snippet);
            DataValidation validation =
                    validation(helper, lists, kind, field, messageNames, new CellRangeAddressList(first, last, c, c));
            if (validation != null) {
                sheet.addValidationData(validation);
            }
            Cell header = headers.getCell(c) != null ? headers.getCell(c) : headers.createCell(c);
            String explanation = ColumnComments.explain(kind, field, formatter.formatCellValue(header));
            comment(workbook, drawing, header, explanation);
        }
        unlockValueRows(workbook, sheet, first, tableCol, lastColumn);
        sheet.lockFormatCells(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockInsertRows(false);
        sheet.lockDeleteRows(false);
        sheet.lockSort(false);
        sheet.lockAutoFilter(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.enableLocking();
    }

    private static DataValidation validation(
            DataValidationHelper helper,
            FormValueLists lists,
            ColumnKind kind,
            String field,
            List<String> messageNames,
            CellRangeAddressList range) {
        DataValidationConstraint constraint;
        boolean strict = true;
        String prompt;
        switch (kind) {
            case FLAG -> {
                constraint = helper.createExplicitListConstraint(new String[] {"O", "X"});
                prompt = "O(예) 또는 X(아니오). 비우면 따지지 않습니다.";
            }
            case MARK -> {
                constraint = helper.createExplicitListConstraint(new String[] {"O"});
                prompt = "O 만 씁니다. 비우면 따지지 않습니다.";
            }
            case ENUM -> {
                var values = ColumnKind.ENUM_FIELDS.get(field);
                if (values == null) {
                    return null;
                }
                constraint = lists.constraint(
                        helper, "LIST_" + field.toUpperCase(), new TreeSet<>(values).toArray(String[]::new));
                strict = false; // several values, comma-separated, are allowed: a warning, not a refusal
                prompt = "목록에서 고르거나, 여러 개는 쉼표로 적습니다. 비우면 따지지 않습니다.";
            }
            case NUMBER -> {
                constraint = helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0", "100");
                prompt = "0~100 사이의 점수.";
            }
            case SECTION -> {
                constraint = lists.constraint(
                        helper,
                        "LIST_SECTIONS",
                        Arrays.stream(SectionId.values()).map(Enum::name).toArray(String[]::new));
                prompt = "보여 줄 섹션 ID.";
            }
            case ORDER -> {
                constraint = helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0", "9999");
                prompt = "0~9999 사이의 정수. 작을수록 위에 보입니다.";
            }
            case TONE -> {
                constraint = helper.createExplicitListConstraint(
                        Arrays.stream(Tone.values()).map(Enum::name).toArray(String[]::new));
                prompt = "SUCCESS 성공, FAILURE 실패, WARNING 주의, INFO 안내.";
            }
            case MESSAGE -> {
                if (messageNames.isEmpty()) {
                    return null;
                }
                constraint = lists.constraint(helper, "LIST_MESSAGES", messageNames.toArray(String[]::new));
                strict = false; // names differ by section; the checks name a wrong one at its cell
                prompt = "messages.yaml 에서 이 섹션 아래에 있는 문구 이름.";
            }
            case DATA_STAGE -> {
                constraint = helper.createExplicitListConstraint(new String[] {"SAME", "NEXT"});
                prompt = "SAME 이번 단계, NEXT 다음 단계.";
            }
            default -> {
                return null;
            }
        }
        DataValidation validation = helper.createValidation(constraint, range);
        validation.setEmptyCellAllowed(true);
        validation.setShowErrorBox(true);
        validation.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
        validation.createErrorBox("값 확인", strict ? "이 칸에 쓸 수 없는 값입니다. " + prompt : "목록에 없는 값입니다. " + prompt);
        validation.setShowPromptBox(true);
        validation.createPromptBox("쓸 수 있는 값", prompt);
        if (validation.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.LIST) {
            validation.setSuppressDropDownArrow(true); // in XSSF, true shows the arrow
        }
        return validation;
    }

    /**
     * Puts {@code text} on the header as a comment. A comment already there at the same place is
     * kept and only its words brought up to date, so that formatting again adds no new shape.
     */
    private static void comment(XSSFWorkbook workbook, Drawing<?> drawing, Cell header, String text) {
        int col = header.getColumnIndex();
        int row = header.getRowIndex();
        Comment old = header.getCellComment();
        if (old != null) {
            ClientAnchor at = old.getClientAnchor();
            if (at.getCol1() == col && at.getCol2() == col + 3 && at.getRow1() == row && at.getRow2() == row + 5) {
                if (!text.equals(old.getString().getString())) {
                    old.setString(workbook.getCreationHelper().createRichTextString(text));
                }
                if (!AUTHOR.equals(old.getAuthor())) {
                    old.setAuthor(AUTHOR);
                }
                return;
            }
            header.removeCellComment();
        }
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(col);
        anchor.setCol2(col + 3);
        anchor.setRow1(row);
        anchor.setRow2(row + 5);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(workbook.getCreationHelper().createRichTextString(text));
        comment.setAuthor(AUTHOR);
        header.setCellComment(comment);
    }

    /** Value rows stay editable: their cells and the columns' default style are unlocked; rows 1–9 stay locked. */
    private static void unlockValueRows(
            XSSFWorkbook workbook, XSSFSheet sheet, int first, int firstColumn, int lastColumn) {
        Map<Short, CellStyle> unlocked = new HashMap<>();
        for (int r = first; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell cell : row) {
                cell.setCellStyle(unlocked.computeIfAbsent(
                        cell.getCellStyle().getIndex(),
                        i -> unlockedLike(workbook, (XSSFCellStyle) cell.getCellStyle())));
            }
        }
        XSSFCellStyle plain = workbook.getCellStyleAt(0);
        CellStyle open = null;
        for (int c = 0; c <= lastColumn + 1; c++) {
            CellStyle now = sheet.getColumnStyle(c);
            if (now instanceof XSSFCellStyle style && isUnlockedLike(style, plain)) {
                continue; // already right: keep it rather than point the column at another equal style
            }
            if (open == null) {
                open = unlockedLike(workbook, plain);
            }
            sheet.setDefaultColumnStyle(c, open);
        }
    }

    /**
     * {@code style} when it is unlocked, else a style of the workbook that differs from it only in
     * being unlocked: an existing one when there is one, so that formatting again adds no style.
     */
    private static CellStyle unlockedLike(XSSFWorkbook workbook, XSSFCellStyle style) {
        if (!style.getLocked()) {
            return style;
        }
        for (int i = 0; i < workbook.getNumCellStyles(); i++) {
            XSSFCellStyle candidate = workbook.getCellStyleAt(i);
            if (isUnlockedLike(candidate, style)) {
                return candidate;
            }
        }
        CellStyle copy = workbook.createCellStyle();
        copy.cloneStyleFrom(style);
        copy.setLocked(false);
        return copy;
    }

    /** Whether {@code candidate} is unlocked and otherwise {@code like}: same font, fill, border, format, alignment. */
    private static boolean isUnlockedLike(XSSFCellStyle candidate, XSSFCellStyle like) {
        return !candidate.getLocked()
                && candidate.getHidden() == like.getHidden()
                && withoutProtection(candidate).equals(withoutProtection(like));
    }

    private static String withoutProtection(XSSFCellStyle style) {
        CTXf xf = (CTXf) style.getCoreXf().copy();
        if (xf.isSetProtection()) {
            xf.unsetProtection();
        }
        if (xf.isSetApplyProtection()) {
            xf.unsetApplyProtection();
        }
        return xf.xmlText();
    }

    /** The row and column of the RuleTable keyword, null when the sheet has none. */
    private static int[] ruleTable(XSSFSheet sheet) {
        DataFormatter formatter = new DataFormatter();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (formatter.formatCellValue(cell).strip().startsWith("RuleTable")) {
                    return new int[] {row.getRowNum(), cell.getColumnIndex()};
                }
            }
        }
        return null;
    }

    /** The message names messages.yaml offers under any section, sorted. */
    public static List<String> messageNames(MessageCatalogue messages) {
        TreeSet<String> names = new TreeSet<>();
        messages.sections().values().forEach(m -> names.addAll(m.keySet()));
        return new ArrayList<>(names);
    }
}

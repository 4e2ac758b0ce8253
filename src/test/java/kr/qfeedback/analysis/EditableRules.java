package kr.qfeedback.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/** The shipped rules (compiled once per JVM) and copies of them that a test edits, as staff would in Excel. */
final class EditableRules {
    static final Path SHIPPED = Path.of("rules");
    static final String TABLE = "sections.drl.xlsx";
    static final String SHEET = "섹션표시";
    private static volatile RuleSet shipped;

    private EditableRules() {
    }

    static synchronized RuleSet shipped() {
        if (shipped == null) {
            shipped = compile(SHIPPED);
        }
        return shipped;
    }

    static RuleSet compile(Path folder) {
        return new RuleSetCompiler().compile(RuleFiles.read(folder));
    }

    /** Copies the shipped rules into {@code target}. */
    static Path copy(Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SHIPPED)) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        for (Path file : files) {
            Path copy = target.resolve(SHIPPED.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
        return target;
    }

    /** Edits the decision table of a copy in place. */
    static void editTable(Path folder, Consumer<Sheet> edit) throws IOException {
        Path file = folder.resolve(TABLE);
        Workbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = WorkbookFactory.create(in);
        }
        try (Workbook w = workbook) {
            edit.accept(w.getSheet(SHEET));
            try (OutputStream out = Files.newOutputStream(file)) {
                w.write(out);
            }
        }
    }

    /** Deletes a table row (Excel numbering) by moving the rows under it up, so no blank row ends the table. */
    static void deleteRow(Sheet sheet, int excelRow) {
        sheet.removeRow(sheet.getRow(excelRow - 1));
        sheet.shiftRows(excelRow, sheet.getLastRowNum(), -1);
    }

    /** Appends a copy of a row (Excel numbering) under the last row, with some cells replaced; returns its Excel row. */
    static int appendCopy(Sheet sheet, int excelRow, Map<String, String> replaced) {
        Row from = sheet.getRow(excelRow - 1);
        int index = sheet.getLastRowNum() + 1;
        Row to = sheet.createRow(index);
        for (Cell cell : from) {
            Cell copy = to.createCell(cell.getColumnIndex());
            copy.setCellStyle(cell.getCellStyle());
            switch (cell.getCellType()) {
                case NUMERIC -> copy.setCellValue(cell.getNumericCellValue());
                case STRING -> copy.setCellValue(cell.getStringCellValue());
                case BOOLEAN -> copy.setCellValue(cell.getBooleanCellValue());
                default -> {
                }
            }
        }
        replaced.forEach((column, value) -> {
            int col = CellReference.convertColStringToIndex(column);
            Cell cell = to.getCell(col) == null ? to.createCell(col) : to.getCell(col);
            if (value.isEmpty()) {
                to.removeCell(cell);
            } else {
                cell.setCellValue(value);
            }
        });
        return index + 1;
    }

    /** Adds a DRL file to a copy. */
    static void addDrl(Path folder, String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}

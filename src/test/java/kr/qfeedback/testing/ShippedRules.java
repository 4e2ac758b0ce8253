package kr.qfeedback.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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

/**
 * The shipped {@code rules/} folder for tests: compiled once per JVM, copied into a folder a test
 * may edit as staff would (text files, cells of the decision table), or read as edited bytes for an upload.
 */
public final class ShippedRules {
    /** The shipped folder; {@code qfeedback.rules.dir} overrides it. */
    public static final Path FOLDER = Path.of(System.getProperty("qfeedback.rules.dir", "rules"));
    /** The decision table and its sheet. */
    public static final String TABLE = "sections.drl.xlsx";

    public static final String SHEET = "섹션표시";

    private static volatile RuleSet compiled;

    private ShippedRules() {}

    /** The shipped rules, compiled once per JVM since compiling takes seconds. */
    public static RuleSet compiled() {
        RuleSet r = compiled;
        if (r == null) {
            synchronized (ShippedRules.class) {
                r = compiled;
                if (r == null) {
                    r = compile(FOLDER);
                    compiled = r;
                }
            }
        }
        return r;
    }

    /** Compiles a rules folder (a copy a test edited, say). */
    public static RuleSet compile(Path folder) {
        return new RuleSetCompiler().compile(RuleFiles.read(folder));
    }

    // ---- copies on disk ---------------------------------------------------------------------

    /** Copies every shipped file into {@code target} (created when missing) and returns it. */
    public static Path copyInto(Path target) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(FOLDER)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(target);
            for (Path file : files) {
                Path copy = target.resolve(FOLDER.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Replaces text in a file of a copy, failing when the text is not there. */
    public static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalStateException(file + " does not contain '" + from + "'");
            }
            Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file (a new DRL, say) into a copy. */
    public static void write(Path folder, String name, String text) {
        write(folder.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file, creating its folder. */
    public static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits the decision table of a copy in place. */
    public static void editTable(Path folder, Consumer<Sheet> edit) {
        editWorkbook(folder.resolve(TABLE), SHEET, edit);
    }

    /** Edits one sheet of a workbook file in place. */
    public static void editWorkbook(Path workbookFile, String sheet, Consumer<Sheet> edit) {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(workbookFile)) {
            workbook = WorkbookFactory.create(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Workbook w = workbook) {
            edit.accept(w.getSheet(sheet));
            try (OutputStream out = Files.newOutputStream(workbookFile)) {
                w.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets one numeric cell (e.g. {@code "V10"}) of a workbook file in place. */
    public static void setCell(Path workbookFile, String sheet, String cell, double value) {
        editWorkbook(workbookFile, sheet, s -> {
            CellReference ref = new CellReference(cell);
            s.getRow(ref.getRow()).getCell(ref.getCol()).setCellValue(value);
        });
    }

    // ---- edited shipped files as bytes, for uploads -------------------------------------------

    /** The shipped file's bytes. */
    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(FOLDER.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped text file with {@code from} (which must occur exactly once) replaced. */
    public static byte[] textWith(String name, String from, String to) {
        String text = new String(bytes(name), StandardCharsets.UTF_8);
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("'" + from + "' should occur exactly once in " + name);
        }
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    /** The 1-based line of the shipped text file that contains {@code text}. */
    public static int lineOf(String name, String text) {
        List<String> lines =
                new String(bytes(name), StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no line of " + name + " contains '" + text + "'");
    }

    /** The shipped decision table after {@code edit} of its sheet, as the bytes of an .xlsx. */
    public static byte[] tableWith(Consumer<Sheet> edit) {
        try (InputStream in = Files.newInputStream(FOLDER.resolve(TABLE));
                Workbook workbook = WorkbookFactory.create(in)) {
            edit.accept(workbook.getSheet(SHEET));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- sheet edits ----------------------------------------------------------------------------

    /** Types text into a cell (e.g. {@code "H17"}) of the sheet. */
    public static void type(Sheet sheet, String ref, String text) {
        CellReference at = new CellReference(ref);
        Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
        Cell cell = row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol());
        cell.setCellValue(text);
    }

    /** Deletes a table row (Excel numbering) by moving the rows under it up, so no blank row ends the table. */
    public static void deleteRow(Sheet sheet, int excelRow) {
        sheet.removeRow(sheet.getRow(excelRow - 1));
        sheet.shiftRows(excelRow, sheet.getLastRowNum(), -1);
    }

    /**
     * Appends a copy of a row (Excel numbering) under the last row, with the cells of some columns
     * replaced (an empty value empties the cell); returns its Excel row.
     */
    public static int appendCopy(Sheet sheet, int excelRow, Map<String, String> replaced) {
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
                default -> {}
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
}

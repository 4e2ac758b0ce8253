package kr.qfeedback.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/** A copy of the shipped {@code rules/} folder that a test may edit. */
final class RulesCopy {
    static final Path SHIPPED = Path.of("rules");

    private RulesCopy() {
    }

    /** Copies the shipped rules into {@code target} and returns it. */
    static Path of(Path target) throws IOException {
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

    /** Sets one numeric cell of a workbook in place. */
    static void setCell(Path workbookFile, String sheet, String cell, double value) throws IOException {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(workbookFile)) {
            workbook = WorkbookFactory.create(in);
        }
        try (Workbook w = workbook; OutputStream out = Files.newOutputStream(workbookFile)) {
            CellReference ref = new CellReference(cell);
            w.getSheet(sheet).getRow(ref.getRow()).getCell(ref.getCol()).setCellValue(value);
            w.write(out);
        }
    }

    /** Replaces text in a file, failing when the text is not there. */
    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain '" + from + "'");
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}

package kr.qfeedback.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * {@code format-table [DIR]}: writes the form aids of {@link SectionTableForm} (dropdowns, range
 * checks, header comments, locked system rows) into {@code DIR/sections.drl.xlsx}, leaving every
 * value as it is. The file is replaced in one step, so a failure leaves the old one.
 */
public final class FormatTableCommand {
    static final String TABLE = "sections.drl.xlsx";

    private FormatTableCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path dir = Path.of(args.isEmpty() ? "rules" : args.get(0));
        Path table = dir.resolve(TABLE);
        List<RuleProblem> problems = new ArrayList<>();
        List<String> names;
        try {
            names = MessagesReader.read(
                            MessagesReader.FILE, Files.readAllBytes(dir.resolve(MessagesReader.FILE)), problems)
                    .map(SectionTableForm::messageNames)
                    .orElse(List.of());
        } catch (IOException e) {
            err.println("format-table: " + dir.resolve(MessagesReader.FILE) + " cannot be read: " + e.getMessage());
            return 1;
        }
        if (!problems.isEmpty()) {
            err.println("format-table: messages.yaml has problems; the message column gets no list: "
                    + problems.get(0).describe());
        }
        Path written = dir.resolve(TABLE + ".tmp");
        try (InputStream in = Files.newInputStream(table);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            SectionTableForm.apply(workbook, names);
            try (OutputStream o = Files.newOutputStream(written)) {
                workbook.write(o);
            }
            Files.move(written, table, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err.println("format-table: " + table + " cannot be rewritten: " + e.getMessage());
            return 1;
        }
        out.println(
                "format-table: " + table + " now has dropdowns, range checks, header comments and locked system rows.");
        return 0;
    }
}

package kr.qfeedback.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * {@code format-table [DIR]}: writes the form aids of {@link SectionTableForm} (dropdowns, range
 * checks, header comments, locked system rows) into {@code DIR/sections.drl.xlsx}, leaving every
 * value as it is. The file is replaced in one step, so a failure leaves the old one; when nothing in
 * it would change it is not written at all, so running the command again changes no byte. A
 * workbook POI cannot open, or one the form refuses, is reported in Korean and left untouched.
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
        XSSFWorkbook opened;
        try {
            opened = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(table)));
        } catch (IOException e) {
            err.println("format-table: " + table + " cannot be read: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) { // POI: not an .xlsx file, or a part of it that is not well-formed
            return refused(err, DecisionTableChecker.unreadable(table.toString(), e));
        }
        try (XSSFWorkbook workbook = opened) {
            SectionTableForm.apply(workbook, names);
            try (OutputStream o = Files.newOutputStream(written)) {
                workbook.write(o);
            }
            if (sameParts(table, written)) {
                Files.delete(written);
                out.println("format-table: " + table + " already has its dropdowns, range checks, header comments"
                        + " and locked system rows; left as it was.");
                return 0;
            }
            Files.move(written, table, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SectionTableForm.Refused e) {
            return refused(err, RuleProblem.inFile(table.toString(), e.getMessage()));
        } catch (IOException e) {
            err.println("format-table: " + table + " cannot be rewritten: " + e.getMessage());
            return 1;
        }
        out.println(
                "format-table: " + table + " now has dropdowns, range checks, header comments and locked system rows.");
        return 0;
    }

    /** Says, in Korean and located as validate locates it, why the table was left as it was; exit 1. */
    private static int refused(PrintStream err, RuleProblem problem) {
        err.println("format-table: 아래 문제로 결정표 파일을 바꾸지 않았습니다.");
        err.println("  - " + problem.describe());
        return 1;
    }

    /**
     * Whether two workbooks have the same parts, byte for byte. The zip around them differs in its
     * timestamps on every write, so an unchanged table is left alone: the rules version, a hash of
     * the files' bytes, stays the same.
     */
    static boolean sameParts(Path a, Path b) throws IOException {
        Map<String, byte[]> left = parts(a);
        Map<String, byte[]> right = parts(b);
        return left.keySet().equals(right.keySet())
                && left.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), right.get(e.getKey())));
    }

    private static Map<String, byte[]> parts(Path file) throws IOException {
        Map<String, byte[]> parts = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }
}

package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import kr.qfeedback.testing.ShippedRules;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;

/**
 * A copy of the shipped {@code rules/} folder in a temporary directory that a test breaks in one
 * place, the way a member of staff would: a cell typed in Excel, a line typed in a text editor,
 * a file deleted. Then {@link #problems()} compiles it and returns what the compiler reported.
 */
final class RuleFolder {
    static final Path SHIPPED = ShippedRules.FOLDER;
    static final String TABLE = ShippedRules.TABLE;
    static final String TABLE_DISPLAY = "rules/sections.drl.xlsx";
    static final String SHEET = ShippedRules.SHEET;

    private final Path dir;

    private RuleFolder(Path dir) {
        this.dir = dir;
    }

    /** Copies every shipped rule file (including reference/) into {@code tempDir}. */
    static RuleFolder copyOfShippedRules(Path tempDir) {
        return new RuleFolder(ShippedRules.copyInto(tempDir));
    }

    Path dir() {
        return dir;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** Types {@code text} into a cell of the table sheet (e.g. {@code "H17"}), as Excel stores typed text. */
    RuleFolder cell(String ref, String text) {
        return editCell(ref, cell -> cell.setCellValue(text));
    }

    /** Types a number into a cell of the table sheet. */
    RuleFolder cell(String ref, double number) {
        return editCell(ref, cell -> cell.setCellValue(number));
    }

    /** Empties a cell of the table sheet (Delete key). */
    RuleFolder clearCell(String ref) {
        return editCell(ref, cell -> cell.getRow().removeCell(cell));
    }

    private RuleFolder editCell(String ref, java.util.function.Consumer<Cell> edit) {
        CellReference at = new CellReference(ref);
        ShippedRules.editTable(dir, sheet -> {
            Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
            edit.accept(row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol()));
        });
        return this;
    }

    /** Replaces the only occurrence of {@code from} in a text file. */
    RuleFolder replace(String name, String from, String to) {
        String text = read(name);
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            fail("'" + from + "' should occur exactly once in " + name);
        }
        write(name, text.replace(from, to));
        return this;
    }

    /** Replaces the line that starts (after indentation) with {@code prefix}; returns its 1-based number. */
    int replaceLine(String name, String prefix, String newLine) {
        List<String> lines = read(name).lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(prefix)) {
                lines.set(i, newLine);
                write(name, String.join("\n", lines) + "\n");
                return i + 1;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + name);
    }

    /** Appends text to a file; returns the 1-based number of the first appended line. */
    int append(String name, String text) {
        String current = read(name);
        if (!current.endsWith("\n")) {
            current += "\n";
        }
        int firstLine = (int) current.lines().count() + 1;
        write(name, current + text);
        return firstLine;
    }

    /** The 1-based number of the only line containing {@code fragment}. */
    int lineContaining(String name, String fragment) {
        List<String> lines = read(name).lines().collect(Collectors.toList());
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                assertEquals(-1, found, "'" + fragment + "' should be on one line only in " + name);
                found = i + 1;
            }
        }
        assertTrue(found > 0, "'" + fragment + "' is not in " + name);
        return found;
    }

    RuleFolder delete(String name) {
        try {
            Files.delete(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    RuleSet compile() {
        return new RuleSetCompiler().compile(RuleFiles.read(dir));
    }

    /** Compiles the folder, which must fail, and returns every problem reported. */
    List<RuleProblem> problems() {
        RuleSetException e = assertThrows(RuleSetException.class, this::compile);
        assertTrue(!e.problems().isEmpty(), "a failed compile must list its problems");
        return e.problems();
    }

    /** Compiles the folder, which must fail with exactly one problem, and returns it. */
    RuleProblem onlyProblem() {
        List<RuleProblem> problems = problems();
        assertEquals(1, problems.size(), () -> "expected one problem, got:\n" + describe(problems));
        return problems.get(0);
    }

    static String describe(List<RuleProblem> problems) {
        return problems.stream().map(RuleProblem::describe).collect(Collectors.joining("\n"));
    }

    private String read(String name) {
        try {
            return Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, String text) {
        try {
            Files.writeString(file(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- assertions on a reported problem ----

    /** The problem points at one cell of the table sheet, e.g. {@code assertAtCell(p, 17, "H")}. */
    static void assertAtCell(RuleProblem problem, int row, String column) {
        assertEquals(TABLE_DISPLAY, problem.file(), problem::describe);
        assertEquals(SHEET, problem.sheet(), problem::describe);
        assertEquals(row, problem.row(), problem::describe);
        assertEquals(column, problem.column(), problem::describe);
        assertEquals(null, problem.line(), problem::describe);
    }

    /** The problem points at one line of a text file, e.g. {@code assertAtLine(p, "rules/parameters.yaml", 18)}. */
    static void assertAtLine(RuleProblem problem, String file, int line) {
        assertEquals(file, problem.file(), problem::describe);
        assertEquals(null, problem.sheet(), problem::describe);
        assertEquals(null, problem.row(), problem::describe);
        assertEquals(null, problem.column(), problem::describe);
        assertEquals(line, problem.line(), problem::describe);
    }

    /** The message is written in Korean and names each of {@code mentions} (what is wrong, what is accepted). */
    static void assertKoreanSaying(RuleProblem problem, String... mentions) {
        String message = problem.message();
        assertTrue(
                message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                () -> "message should be in Korean: " + message);
        for (String mention : mentions) {
            assertTrue(message.contains(mention), () -> "message should mention '" + mention + "': " + message);
        }
    }
}

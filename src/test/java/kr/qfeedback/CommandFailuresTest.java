package kr.qfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import kr.qfeedback.rules.RuleProblem;
import kr.qfeedback.rules.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command answers with a stack trace. Bad inputs that used to escape as exceptions get the
 * command's own sentence and status (1 for what it reports, 2 for wrong arguments); whatever still
 * escapes a command is one line on standard error with the exception's type and message and what
 * to do, and exit 70, distinct from both.
 */
class CommandFailuresTest {

    @TempDir
    Path dir;

    @Test
    void anExceptionNoCommandExpectedIsOneLineNamingTheCommandTheTypeAndWhatToDoAndExitsSeventy() {
        Run run = guarded("batch", () -> {
            throw new IllegalStateException("A batch worker failed: java.lang.NullPointerException");
        });

        assertEquals(Main.UNEXPECTED_FAILURE, run.exit());
        assertEquals(70, run.exit(), "EX_SOFTWARE, distinct from 1 (reported failures) and 2 (usage)");
        assertOneLineWithoutStackTrace(run.err());
        assertTrue(run.err().startsWith("batch failed unexpectedly"), run::err);
        assertTrue(
                run.err()
                        .contains(
                                "java.lang.IllegalStateException: A batch worker failed: java.lang.NullPointerException"),
                run::err);
        assertTrue(run.err().contains("report it with the command line you ran"), run::err);
    }

    @Test
    void aMultiLineMessageIsQuotedOnOneLine() {
        Run run = guarded("cohort", () -> {
            throw new RuleSetException(
                    List.of(RuleProblem.inFile("rules/a.yaml", "첫째 문제"), RuleProblem.inFile("rules/b.yaml", "둘째 문제")));
        });

        assertEquals(Main.UNEXPECTED_FAILURE, run.exit());
        assertOneLineWithoutStackTrace(run.err());
        assertTrue(run.err().contains("첫째 문제") && run.err().contains("둘째 문제"), run::err);
    }

    @Test
    void aCommandPolicyStaffRunFailsUnexpectedlyInKorean() {
        Run run = guarded("format-table", () -> {
            throw new UnsupportedOperationException("Chart sheets are not supported");
        });

        assertEquals(Main.UNEXPECTED_FAILURE, run.exit());
        assertOneLineWithoutStackTrace(run.err());
        assertTrue(run.err().startsWith("format-table 을(를) 끝내지 못했습니다"), run::err);
        assertTrue(run.err().contains("java.lang.UnsupportedOperationException: Chart sheets are not supported"));
        assertTrue(run.err().contains("명령줄과 이 줄을 그대로 개발팀에 알려 주세요"), run::err);
    }

    @Test
    void wrongArgumentsStillExitTwoWithTheirOwnMessage() {
        Run run = guarded("cohort", () -> {
            throw new IllegalArgumentException("--size must be a whole number of at least 1, not 'x'.");
        });

        assertEquals(Main.USAGE_ERROR, run.exit());
        assertEquals("--size must be a whole number of at least 1, not 'x'.\n", run.err());
    }

    @Test
    void validateOnAFolderThatDoesNotExistSaysSoInKoreanAndExitsOne() {
        Run run = main("validate", dir.resolve("없는폴더").toString());

        assertEquals(1, run.exit(), run::all);
        assertNoStackTrace(run);
        assertTrue(run.out().contains("검증 실패") && run.out().contains("없는 폴더입니다"), run::all);
    }

    @Test
    void auditVerifyOnAFolderThatDoesNotExistRefusesItWithoutCreatingIt() {
        Path missing = dir.resolve("data");

        Run run = main("audit-verify", missing.toString());

        assertEquals(2, run.exit(), run::all);
        assertNoStackTrace(run);
        assertTrue(run.out().contains(missing + " 이(가) 없습니다"), run::all);
        assertFalse(Files.exists(missing), "a mistyped folder is not created, and does not verify as an empty log");
    }

    @Test
    void auditVerifyOnAFileRefusesItAsAFolderItIsNot() throws IOException {
        Path file = Files.writeString(dir.resolve("audit.jsonl"), "");

        Run run = main("audit-verify", file.toString());

        assertEquals(2, run.exit(), run::all);
        assertNoStackTrace(run);
        assertTrue(run.out().contains("폴더가 아닙니다"), run::all);
    }

    @Test
    void auditVerifyOnALogItCannotReadSaysWhyAndExitsOne() throws IOException {
        Files.createDirectories(dir.resolve("audit.jsonl"));

        Run run = main("audit-verify", dir.toString());

        assertEquals(1, run.exit(), run::all);
        assertNoStackTrace(run);
        assertTrue(run.out().contains("감사 기록을 읽지 못해 확인하지 못했습니다"), run::all);
        assertTrue(run.out().contains(dir.resolve("audit.jsonl").toString()), run::all);
    }

    @Test
    void importReferenceFromABrokenSnapshotNamesTheFileAndExitsOne() throws IOException {
        Path snapshot = Files.createDirectories(dir.resolve("qnet"));
        Files.writeString(snapshot.resolve("exams.json"), "{");
        Path target = dir.resolve("reference");

        Run run = main("import-reference", snapshot.toString(), target.toString());

        assertEquals(1, run.exit(), run::all);
        assertOneLineWithoutStackTrace(run.err());
        assertTrue(run.err().contains("exams.json: not valid JSON"), run::err);
        assertFalse(Files.exists(target), "nothing written");
    }

    @Test
    void batchGivenAFolderAsItsInputIsRefusedBeforeTheRulesCompile() {
        Run run = main(
                "batch",
                "--in",
                dir.toString(),
                "--out",
                dir.resolve("out.ndjson").toString());

        assertEquals(2, run.exit(), run::all);
        assertOneLineWithoutStackTrace(run.err());
        assertTrue(run.err().startsWith("--in " + dir + " is a folder"), run::err);
        assertFalse(Files.exists(dir.resolve("out.ndjson")));
    }

    @Test
    void batchAskedForMoreThreadsThanTheHeapHoldsIsRefusedInsteadOfRunningOutOfMemory() throws IOException {
        Path in = Files.writeString(dir.resolve("in.ndjson"), "{}\n");

        Run run = main(
                "batch",
                "--in",
                in.toString(),
                "--out",
                dir.resolve("out.ndjson").toString(),
                "--threads",
                "2000000000");

        assertEquals(2, run.exit(), run::all);
        assertOneLineWithoutStackTrace(run.err());
        assertTrue(run.err().startsWith("--threads 2000000000: at most "), run::err);
    }

    @Test
    @Timeout(120)
    void theProcessExitsWithTheCommandsStatusAndPrintsNoStackTrace() throws IOException, InterruptedException {
        Path log = dir.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                "kr.qfeedback.Main",
                "validate",
                dir.resolve("없는폴더").toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "validate did not finish");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue(), output);
        assertFalse(output.contains("Exception") || output.contains("\tat "), () -> "no stack trace:\n" + output);
        assertTrue(output.contains("없는 폴더입니다"), output);
    }

    private record Run(int exit, String out, String err) {
        String all() {
            return "standard output:\n" + out + "\nstandard error:\n" + err;
        }
    }

    private static Run guarded(String command, IntSupplier body) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.guarded(command, body, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, "", err.toString(StandardCharsets.UTF_8));
    }

    private static Run main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineWithoutStackTrace(String err) {
        assertEquals(1, err.lines().count(), () -> "one line:\n" + err);
        assertFalse(err.contains("\tat "), () -> "no stack trace:\n" + err);
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.all().contains("\tat ") || run.all().contains("Exception in thread"), run::all);
    }
}

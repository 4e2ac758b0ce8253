package kr.qfeedback.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch --keep-cohort NAME} keeps its input for impact runs in the data folder. */
class BatchKeepCohortTest {
    @TempDir
    Path dir;

    @Test
    void theBatchKeepsItsInputAsANamedCohortInTheDataFolder() throws Exception {
        Path in = Files.writeString(
                dir.resolve("in.ndjson"), ExampleRequests.example().encode() + "\n");
        Path data = dir.resolve("data");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = keep(in, data, err);

        assertEquals(0, exit, err::toString);
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(data.resolve("cohorts/year-2026.ndjson")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("kept the input as cohort year-2026"), err::toString);
    }

    @Test
    void theKeptCohortIsReadableByItsOwnerOnlyWhateverTheInputAllows() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
        Path in = Files.writeString(
                dir.resolve("in.ndjson"), ExampleRequests.example().encode() + "\n");
        Files.setPosixFilePermissions(in, PosixFilePermissions.fromString("rw-r--r--"));
        Path data = dir.resolve("data");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = keep(in, data, err);

        assertEquals(0, exit, err::toString);
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("cohorts/year-2026.ndjson"))));
        assertEquals(
                "rw-r--r--",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(in)),
                "the input is the operator's");
    }

    @Test
    void aCohortThatCannotBeKeptIsReportedInOneLineAfterTheDecisionsAreComplete() throws Exception {
        Path in = Files.writeString(
                dir.resolve("in.ndjson"), ExampleRequests.example().encode() + "\n");
        Path data = Files.writeString(dir.resolve("data"), "a file where the data folder should be");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = keep(in, data, err);

        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, said);
        assertEquals(1, Files.readAllLines(dir.resolve("out.ndjson")).size(), "every line was decided");
        assertTrue(
                said.contains("batch: the decisions are complete, but the input was not kept as cohort year-2026"),
                said);
        assertTrue(said.contains("QF_DATA_DIR") && said.contains("POST /v1/rules/cohorts?name=year-2026"), said);
        assertFalse(said.contains("\tat ") || said.contains("Exception in thread"), said);
    }

    @Test
    void aCohortNameThatCouldLeaveTheFolderIsRefusedBeforeAnythingRuns() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> BatchCommand.run(
                        List.of("--in", "x", "--out", "y", "--keep-cohort", "../up"),
                        ShippedRules.FOLDER,
                        dir,
                        System.err));
        assertTrue(e.getMessage().contains("--keep-cohort"), e.getMessage());
    }

    /** Runs the batch on {@code in} keeping it as cohort year-2026 in {@code data}; its messages go to {@code err}. */
    private int keep(Path in, Path data, ByteArrayOutputStream err) {
        return BatchCommand.run(
                List.of(
                        "--in",
                        in.toString(),
                        "--out",
                        dir.resolve("out.ndjson").toString(),
                        "--keep-cohort",
                        "year-2026"),
                ShippedRules.FOLDER,
                data,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}

package kr.qfeedback.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.rules.ShippedParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortCommandTest {
    private static final Path RULES = Path.of("rules");

    @Test
    void writesTheRequestedNumberOfLinesWithTheDefaultSeedWhenNoneIsGiven(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cohort.ndjson");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CohortCommand.run(
                List.of("--size", "250", "--out", out.toString()),
                RULES,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit);
        assertEquals(250, Files.readAllLines(out).size());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("250 requests (seed 2026"));
        Path same = dir.resolve("same.ndjson");
        CohortGenerator.write(
                ReferenceCatalogue.load(RULES.resolve("reference")),
                ShippedParameters.get(),
                CohortGenerator.DEFAULT_SEED,
                250,
                same);
        assertArrayEquals(Files.readAllBytes(same), Files.readAllBytes(out));
    }

    @Test
    void refusesMissingOrMalformedOptionsWithTheUsage(@TempDir Path dir) {
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String out = dir.resolve("x").toString();
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class, () -> CohortCommand.run(List.of("--out", out), RULES, err));
        assertTrue(missing.getMessage().contains("--size is required"), missing.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> CohortCommand.run(List.of("--size", "0", "--out", out), RULES, err));
        assertThrows(
                IllegalArgumentException.class,
                () -> CohortCommand.run(List.of("--size", "5", "--out", out, "--seed", "x"), RULES, err));
        assertThrows(
                IllegalArgumentException.class,
                () -> CohortCommand.run(List.of("--size", "5", "--out", out, "--colour", "red"), RULES, err));
    }
}

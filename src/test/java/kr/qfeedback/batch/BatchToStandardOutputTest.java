package kr.qfeedback.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch --out /dev/stdout} gives NDJSON on standard output and nothing else: log lines go to standard error. */
class BatchToStandardOutputTest {

    @Test
    @Timeout(180)
    void decisionsWrittenToStandardOutputAreTheOnlyLinesThereAndTheLogGoesToStandardError(@TempDir Path dir)
            throws IOException, InterruptedException {
        String request = new JsonObject(Files.readString(Path.of("bench/example-request.json"))).encode();
        Path in = dir.resolve("in.ndjson");
        Files.writeString(in, request + "\n" + request + "\n" + "{\n", StandardCharsets.UTF_8);
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "kr.qfeedback.Main",
                "batch",
                "--in",
                in.toString(),
                "--out",
                "/dev/stdout"));
        Process process =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the batch did not finish");
        assertEquals(0, process.exitValue(), () -> "exit code; standard error:\n" + read(stderr));

        List<String> lines = out.lines().toList();
        assertEquals(3, lines.size(), () -> "one line per input line on standard output, nothing else:\n" + out);
        assertTrue(new JsonObject(lines.get(0)).containsKey("decisionId"));
        assertTrue(new JsonObject(lines.get(1)).containsKey("decisionId"));
        assertEquals(
                "INVALID_REQUEST",
                new JsonObject(lines.get(2)).getJsonObject("error").getString("code"));
        String err = read(stderr);
        assertTrue(
                err.contains("RuleSetCompiler") && err.contains("rules version"),
                () -> "the log on standard error:\n" + err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}

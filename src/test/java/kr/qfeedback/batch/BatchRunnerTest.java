package kr.qfeedback.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.cohort.RequestJson;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {
    private static RuleSet rules;
    private static List<FeedbackRequest> requests;

    @BeforeAll
    static void compileTheShippedRulesOnce() {
        rules = new RuleSetCompiler()
                .compile(RuleFiles.read(Path.of(System.getProperty("qfeedback.rules.dir", "rules"))));
        requests = new ArrayList<>();
        new CohortGenerator(rules.reference(), rules.parameters())
                .requests(11, 2000)
                .forEachRemaining(requests::add);
    }

    private static String line(FeedbackRequest request) {
        return RequestJson.toJson(request).encode();
    }

    private static List<JsonObject> run(Path dir, String input, int threads, int chunkLines, RecordingProgress progress)
            throws IOException {
        Path in = dir.resolve("in.ndjson");
        Path out = dir.resolve("out.ndjson");
        Files.writeString(in, input, StandardCharsets.UTF_8);
        BatchSummary summary = new BatchRunner(Clock.systemUTC(), chunkLines).run(in, out, rules, threads, progress);
        List<JsonObject> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            lines.add(new JsonObject(l));
        }
        assertEquals(summary.lines(), lines.size());
        assertEquals(summary.lines(), summary.decided() + summary.errors());
        progress.summary = summary;
        return lines;
    }

    @Test
    void decisionsComeOutInInputOrderAcrossManyChunksAndThreads(@TempDir Path dir) throws IOException {
        StringBuilder input = new StringBuilder();
        LocalDate first = LocalDate.parse("2026-01-01");
        for (int i = 0; i < requests.size(); i++) {
            FeedbackRequest r = requests.get(i);
            // a distinct asOf per line: the decision echoes it, so the order is visible
            FeedbackRequest distinct =
                    new FeedbackRequest(r.candidateId(), first.plusDays(i), r.qualification(), r.exam(), r.candidate());
            input.append(line(distinct)).append('\n');
        }
        RecordingProgress progress = new RecordingProgress();
        List<JsonObject> out = run(dir, input.toString(), 4, 37, progress);
        assertEquals(requests.size(), out.size());
        for (int i = 0; i < out.size(); i++) {
            JsonObject decision = out.get(i);
            FeedbackRequest r = requests.get(i);
            assertEquals(first.plusDays(i).toString(), decision.getString("asOf"), "line " + (i + 1));
            assertEquals(r.exam().stage() + "_" + r.exam().result(), decision.getString("outcome"), "line " + (i + 1));
            assertEquals(rules.version(), decision.getString("rulesVersion"));
            assertNull(decision.getValue("trace"), "no trace in batch output");
        }
        assertEquals(new BatchSummary(2000, 2000, 0, progress.summary.millis()), progress.summary);
        assertEquals(2000, progress.total);
        assertEquals(2000, progress.last);
        assertTrue(progress.updates > 2000 / 37, "one update per chunk: " + progress.updates);
        assertTrue(progress.closed);
    }

    @Test
    void aBrokenLineAnInconsistentLineABlankLineAndATooLongLineGetErrorObjectsOnTheirLinesAndTheRunGoesOn(
            @TempDir Path dir) throws IOException {
        FeedbackRequest good = requests.get(0);
        JsonObject inconsistent = RequestJson.toJson(good);
        inconsistent.getJsonObject("exam").put("examDate", "2026-12-31").put("announcedOn", "2026-01-02");
        JsonObject badStage = RequestJson.toJson(good);
        badStage.getJsonObject("exam").put("stage", "ORAL");
        String input = String.join(
                        "\n",
                        line(good),
                        "{\"candidateId\": \"X\", \"exam\": ",
                        inconsistent.encode(),
                        "",
                        badStage.encode(),
                        "{\"candidateId\":\"" + "x".repeat(BatchRunner.MAX_LINE_BYTES) + "\"}",
                        "[1, 2]",
                        line(requests.get(1)))
                + "\n";
        List<JsonObject> out = run(dir, input, 2, 3, new RecordingProgress());
        assertEquals(8, out.size());
        assertEquals(
                good.exam().stage() + "_" + good.exam().result(), out.get(0).getString("outcome"));
        assertError(out.get(1), 2, "INVALID_REQUEST", null);
        assertTrue(out.get(1).getJsonObject("error").getString("message").contains("not valid JSON"));
        assertError(out.get(2), 3, "INCONSISTENT", "exam.announcedOn");
        assertError(out.get(3), 4, "INVALID_REQUEST", null);
        assertTrue(out.get(3).getJsonObject("error").getString("message").contains("blank"));
        assertError(out.get(4), 5, "INVALID_REQUEST", "exam.stage");
        assertError(out.get(5), 6, "TOO_LARGE", null);
        assertError(out.get(6), 7, "INVALID_REQUEST", null);
        assertTrue(out.get(7).containsKey("decisionId"), "the run went on after the errors");
    }

    private static void assertError(JsonObject line, long number, String code, String field) {
        assertEquals(number, line.getLong("line"), line.encode());
        JsonObject error = line.getJsonObject("error");
        assertEquals(code, error.getString("code"), line.encode());
        assertEquals(field, error.getString("field"), line.encode());
        assertFalse(error.getString("message").isBlank());
        assertEquals(2, line.size(), "only line and error");
    }

    @Test
    void anInputOfNLinesGivesAnOutputOfNLinesWhateverTheLineEndings(@TempDir Path dir) throws IOException {
        StringBuilder input = new StringBuilder("\uFEFF");
        for (int i = 0; i < 1200; i++) {
            input.append(line(requests.get(i))).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        input.append(line(requests.get(1200))); // the last line has no line end
        RecordingProgress progress = new RecordingProgress();
        List<JsonObject> out = run(dir, input.toString(), 2, BatchRunner.CHUNK_LINES, progress);
        assertEquals(1201, out.size());
        assertEquals(1201, progress.summary.decided());
        assertEquals(1201, progress.total);
    }

    @Test
    void anEmptyInputGivesAnEmptyOutput(@TempDir Path dir) throws IOException {
        RecordingProgress progress = new RecordingProgress();
        assertEquals(List.of(), run(dir, "", 2, BatchRunner.CHUNK_LINES, progress));
        assertEquals(0, progress.summary.lines());
        assertEquals(0, progress.total);
    }

    @Test
    @Timeout(120)
    void aFailingOutputStopsTheRunWithAnIoErrorInsteadOfHanging(@TempDir Path dir) throws IOException {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
        Path in = dir.resolve("in.ndjson");
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            input.append(line(requests.get(i))).append('\n');
        }
        Files.writeString(in, input, StandardCharsets.UTF_8);
        RecordingProgress progress = new RecordingProgress();
        assertThrows(IOException.class, () -> new BatchRunner(Clock.systemUTC(), 16).run(in, full, rules, 2, progress));
        assertTrue(progress.closed);
        assertThrows(IOException.class, () -> new BatchRunner().run(in, dir, rules, 2, ProgressSink.silent()));
    }

    @Test
    void linesAreCountedWithALastLineWithoutItsLineEnd(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f");
        Files.writeString(file, "a\nb\n\nc");
        assertEquals(4, BatchRunner.countLines(file));
        Files.writeString(file, "a\nb\n");
        assertEquals(2, BatchRunner.countLines(file));
        assertEquals(-1, BatchRunner.countLines(dir));
    }

    /** Records what the runner reports. */
    static final class RecordingProgress implements ProgressSink {
        long total = Long.MIN_VALUE;
        long last;
        int updates;
        boolean closed;
        BatchSummary summary;

        @Override
        public void start(long totalLines) {
            total = totalLines;
        }

        @Override
        public void total(long totalLines) {
            total = totalLines;
        }

        @Override
        public void update(long linesDone) {
            assertTrue(linesDone >= last, "progress never goes back");
            last = linesDone;
            updates++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

package kr.qfeedback.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PlainProgressTest {

    @Test
    void printsOneLineWithRateAndEtaEveryTwoSecondsAndADoneLineAtTheEnd() {
        AtomicLong now = new AtomicLong(1_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PlainProgress progress = progress(bytes, now);
        progress.start(3_070_000);
        for (int step = 1; step <= 20; step++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
            progress.update(step * 49_000L);
        }
        progress.close();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertEquals("batch: 196000/3070000 lines, 98000/s, ETA 29 s", lines.get(0));
        assertEquals("batch: 980000/3070000 lines, 98000/s, done in 10.0 s", lines.get(5));
    }

    @Test
    void leavesTheTotalAndEtaOutWhenTheTotalIsUnknown() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PlainProgress progress = progress(bytes, now);
        progress.start(-1);
        now.set(TimeUnit.SECONDS.toNanos(3));
        progress.update(300);
        String line = bytes.toString(StandardCharsets.UTF_8).strip();
        assertEquals("batch: 300 lines, 100/s", line);
        assertTrue(ProgressSink.silent().wantsTotal() == false);
    }

    @Test
    void aTotalThatBecomesKnownDuringTheRunAppearsWithAnEtaFromThenOn() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PlainProgress progress = progress(bytes, now);
        progress.start(-1);
        now.set(TimeUnit.SECONDS.toNanos(2));
        progress.update(200);
        progress.total(1_000);
        now.set(TimeUnit.SECONDS.toNanos(4));
        progress.update(400);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("batch: 200 lines, 100/s", "batch: 400/1000 lines, 100/s, ETA 6 s"), lines);
    }

    private static PlainProgress progress(ByteArrayOutputStream bytes, AtomicLong now) {
        return new PlainProgress(
                "batch",
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                PlainProgress.DEFAULT_INTERVAL_NANOS,
                now::get);
    }
}

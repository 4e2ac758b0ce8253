package kr.qfeedback.impact;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.lifecycle.BackgroundWork;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.DecisionService;
import kr.qfeedback.wire.FeedbackRequestParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the active and a candidate version on a kept cohort file, streamed: the file is read in
 * chunks of {@value #CHUNK_LINES} lines, at most a few chunks per worker in memory at once, whatever
 * its size. Each line is taken as {@code POST /v1/feedback} takes a body ({@link DecisionService}:
 * the fast parser, then the check against each version's reference data) and decided under both
 * versions on the lower-priority {@link ImpactWorkers}. A line that is not a request, or that a
 * version refuses, is counted and the run goes on. Progress and cancelling go through the
 * {@link ImpactRun}.
 */
final class CohortImpact {
    private static final Logger LOG = LoggerFactory.getLogger(CohortImpact.class);
    static final int CHUNK_LINES = 1024;
    private static final int IN_FLIGHT = ImpactWorkers.THREADS * 3;

    private final DecisionService decisions = new DecisionService(Clock.systemUTC());

    /**
     * @throws CancellationException when the run was cancelled (the chunks in flight finish first)
     * @throws IOException when the file cannot be read
     */
    ImpactReport compare(RuleSet active, RuleSet candidate, Path file, ImpactRun run)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        // The count only feeds the progress bar: it waits for CPU the live requests leave, like the workers.
        BackgroundWork.idleThreads("qf-impact-count")
                .newThread(() -> run.total(KeptCohorts.lines(file)))
                .start();
        ImpactTally total = new ImpactTally();
        Semaphore free = new Semaphore(IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long lines = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            LineChunk chunk = new LineChunk(1, FeedbackRequestParser.MAX_BODY_BYTES);
            int n;
            while (!run.cancelRequested() && failure.get() == null && (n = in.read(buffer)) >= 0) {
                int pos = 0;
                while (pos < n) {
                    int newline = indexOf(buffer, pos, n);
                    chunk.append(buffer, pos, (newline < 0 ? n : newline) - pos);
                    if (newline < 0) {
                        break;
                    }
                    chunk.closeLine();
                    pos = newline + 1;
                    if (chunk.count == CHUNK_LINES) {
                        lines += chunk.count;
                        dispatch(chunk, active, candidate, run, total, free, failure);
                        chunk = new LineChunk(lines + 1, FeedbackRequestParser.MAX_BODY_BYTES);
                    }
                }
            }
            if (chunk.lineOpen()) {
                chunk.closeLine(); // a last line without \n
            }
            if (chunk.count > 0 && !run.cancelRequested()) {
                lines += chunk.count;
                dispatch(chunk, active, candidate, run, total, free, failure);
            }
        } finally {
            free.acquire(IN_FLIGHT); // every chunk in flight has finished
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed instanceof Error e) {
            throw e;
        }
        if (run.cancelRequested()) {
            throw new CancellationException("cancelled after " + run.linesDone() + " lines");
        }
        run.total(lines);
        return ImpactAnalyzer.report(
                active, candidate, total, Math.toIntExact(lines), (System.nanoTime() - started) / 1_000_000);
    }

    private void dispatch(
            LineChunk chunk,
            RuleSet active,
            RuleSet candidate,
            ImpactRun run,
            ImpactTally total,
            Semaphore free,
            AtomicReference<Throwable> failure)
            throws InterruptedException {
        free.acquire();
        try {
            ImpactWorkers.POOL.execute(() -> {
                try {
                    if (!run.cancelRequested()) {
                        ImpactTally tally = decide(chunk, active, candidate);
                        synchronized (total) {
                            total.merge(tally);
                        }
                        run.done(chunk.count);
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    free.release();
                }
            });
        } catch (RuntimeException e) {
            free.release();
            throw e;
        }
    }

    private ImpactTally decide(LineChunk chunk, RuleSet active, RuleSet candidate) {
        ImpactTally tally = new ImpactTally();
        Buffer all = Buffer.buffer(chunk.bytes).slice(0, chunk.length);
        for (int i = 0; i < chunk.count; i++) {
            long line = chunk.firstLine + i;
            if (chunk.overlong[i]) {
                tally.unreadable(line, "TOO_LARGE", null);
                continue;
            }
            int start = chunk.starts[i];
            int end = chunk.ends[i];
            if (line == 1
                    && end - start >= 3
                    && chunk.bytes[start] == (byte) 0xEF
                    && chunk.bytes[start + 1] == (byte) 0xBB
                    && chunk.bytes[start + 2] == (byte) 0xBF) {
                start += 3;
            }
            while (start < end && blank(chunk.bytes[start])) {
                start++;
            }
            while (end > start && blank(chunk.bytes[end - 1])) {
                end--;
            }
            if (start == end) {
                tally.unreadable(line, "INVALID_REQUEST", null);
                continue;
            }
            compareLine(tally, line, all.slice(start, end), active, candidate);
        }
        return tally;
    }

    private void compareLine(ImpactTally tally, long line, Buffer body, RuleSet active, RuleSet candidate) {
        FeedbackRequest request;
        try {
            request = decisions.accept(body, active);
        } catch (ApiError e) {
            if ("INCONSISTENT".equals(e.code())) {
                tally.refused(line, true, e.field());
            } else {
                tally.unreadable(line, e.code(), e.field());
            }
            return;
        }
        try {
            decisions.checked(request, candidate);
        } catch (ApiError e) {
            tally.refused(line, false, e.field());
            return;
        }
        try {
            FeedbackDecision before = decisions.decide(request, active);
            FeedbackDecision after = decisions.decide(request, candidate);
            tally.add(line, request.candidateId(), request.exam().outcome().code(), before, after);
        } catch (RuntimeException e) {
            LOG.warn("impact: cohort line {} could not be decided: {}", line, e.toString());
            tally.unreadable(line, "INTERNAL", null);
        }
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}

package kr.qfeedback.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.lifecycle.BackgroundWork;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.FeedbackRequestParser;

/**
 * Decides a whole cohort: NDJSON requests in, NDJSON answers out, line {@code N} of the output
 * answering line {@code N} of the input.
 *
 * <h2>What is written</h2>
 * Each line is handled exactly as {@code POST /v1/feedback} handles a body: parsed by
 * {@link FeedbackRequestParser}, checked by {@link ConsistencyCheck} against the rule set's
 * reference data, decided by {@link FeedbackDecider}. A decided line becomes
 * {@code DecisionJson.write(decision, false, …)} (no trace) and nothing else. A line that the API
 * would refuse becomes {@code {"line": N, "error": {"code", "message", "field"}}} with the API's
 * code and message ({@code INVALID_REQUEST} for bad JSON or fields, {@code INCONSISTENT},
 * {@code TOO_LARGE} for a line over the API's body limit of 64 KiB; {@code field} only when one
 * field is at fault, as in the API), and the run goes on. An unexpected failure of the decider on
 * one line becomes an {@code INTERNAL} error object on that line (logged with the line number only).
 * <b>Blank lines</b> (empty or only white space) are errors too ({@code INVALID_REQUEST}), so that
 * the output always has as many lines as the input and line numbers stay aligned. Lines end at
 * {@code \n}; a trailing {@code \r} and a UTF-8 byte-order mark on the first line are ignored;
 * a last line without {@code \n} counts.
 *
 * <h2>How</h2>
 * A bounded pipeline with one hop per chunk, never per line: a reader thread ({@link ChunkReader})
 * cuts the input into chunks of {@value #CHUNK_LINES} lines (or about 1 MiB), a pool of
 * {@code threads} workers decides whole chunks ({@link ChunkDecider}), and the calling thread writes
 * finished chunks in input order and adds up the {@link BatchSummary}. Chunks ({@link Chunk}), with their
 * input and output buffers, are recycled from a fixed pool of {@value #CHUNKS_PER_THREAD} per worker
 * (+1), so memory stays flat whatever the size of the input; every queue is bounded by that pool.
 * The output file is written around the page cache where the file system allows it
 * ({@link DirectFileOutput}): ~10 GB of decisions otherwise cost a core seconds of kernel copying.
 */
public final class BatchRunner {
    public static final int CHUNK_LINES = 512;
    static final int CHUNK_BYTES = 1 << 20;
    static final int CHUNKS_PER_THREAD = 3;

    /** An upper bound on worker threads whatever the heap: deciding is CPU-bound. */
    static final int MAX_THREADS = 1024;
    /** The same limit as the HTTP body limit. */
    public static final int MAX_LINE_BYTES = FeedbackRequestParser.MAX_BODY_BYTES;

    private final ChunkDecider decider;
    private final int chunkLines;

    public BatchRunner() {
        this(Clock.systemUTC(), CHUNK_LINES);
    }

    /** @param clock gives {@code asOf} to requests that have none (Asia/Seoul date), as in the API */
    public BatchRunner(Clock clock, int chunkLines) {
        this.decider = new ChunkDecider(Objects.requireNonNull(clock, "clock must not be null"));
        if (chunkLines < 1) {
            throw new IllegalArgumentException("chunkLines must be at least 1, not " + chunkLines);
        }
        this.chunkLines = chunkLines;
    }

    /** The memory one worker thread keeps: its chunks' input buffers (their answers come on top). */
    static long bytesPerThread() {
        return (long) CHUNKS_PER_THREAD * (CHUNK_BYTES + ChunkReader.READ_BUFFER);
    }

    /**
     * The most worker threads whose chunks fit in half of {@code maxHeapBytes} (the rules and the
     * answers need the rest), at least 1 and at most {@value #MAX_THREADS}.
     */
    static int maxThreads(long maxHeapBytes) {
        return (int) Math.max(1, Math.min(MAX_THREADS, maxHeapBytes / 2 / bytesPerThread()));
    }

    /**
     * Decides every line of {@code in} into {@code out} (created or truncated).
     *
     * @param threads worker threads deciding chunks (the number of cores is a good choice)
     * @throws IOException when a file cannot be read or written; the output is then incomplete
     */
    public BatchSummary run(Path in, Path out, RuleSet rules, int threads, ProgressSink progress) throws IOException {
        return run(in, out, null, rules, threads, progress);
    }

    /**
     * As {@link #run(Path, Path, RuleSet, int, ProgressSink)}, and with {@code messages} not null
     * also writes every decision's SMS and LMS to it as CSV ({@link TextMessageRows}).
     */
    public BatchSummary run(Path in, Path out, Path messages, RuleSet rules, int threads, ProgressSink progress)
            throws IOException {
        Objects.requireNonNull(in, "in must not be null");
        Objects.requireNonNull(out, "out must not be null");
        Objects.requireNonNull(rules, "rules must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        long started = System.nanoTime();
        int poolSize = threads * CHUNKS_PER_THREAD + 1;
        BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            free.add(new Chunk());
        }
        // The reader puts every chunk here in input order, then END; at most poolSize + 1 entries.
        BlockingQueue<Chunk> ordered = new ArrayBlockingQueue<>(poolSize + 1);
        // lowered: the JIT's compiler threads get the CPU first, so the workers' code is compiled sooner
        ThreadPoolExecutor workers = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(poolSize),
                BackgroundWork.loweredThreads("batch-worker"));
        long lines = 0;
        long decided = 0;
        long errors = 0;
        decider.textMessages(messages != null);
        try (InputStream input = Files.newInputStream(in);
                OutputStream output = DirectFileOutput.open(out);
                // around the page cache like the decisions: a cohort's texts are ~1 GB
                OutputStream csv =
                        messages == null ? OutputStream.nullOutputStream() : DirectFileOutput.open(messages)) {
            if (messages != null) {
                csv.write(TextMessageRows.HEADER);
            }
            // Counting a large input takes seconds: it runs beside the work and the total is given when known.
            CompletableFuture<Long> total = progress.wantsTotal()
                    ? CompletableFuture.supplyAsync(() -> countLines(in), BatchRunner::startLineCount)
                    : null;
            progress.start(-1);
            ChunkReader reader = new ChunkReader(input, free, ordered, workers, decider, rules, chunkLines);
            Thread readerThread = new Thread(reader, "batch-reader");
            readerThread.setDaemon(true);
            readerThread.start();
            try {
                while (true) {
                    Chunk chunk = ordered.take();
                    if (chunk == Chunk.END) {
                        break;
                    }
                    awaitDone(chunk);
                    chunk.out.writeTo(output);
                    chunk.messages.writeTo(csv);
                    lines += chunk.count;
                    decided += chunk.decided;
                    errors += chunk.errors;
                    if (total != null && total.isDone()) {
                        progress.total(total.join());
                        total = null;
                    }
                    progress.update(lines);
                    chunk.clear();
                    free.put(chunk);
                }
                readerThread.join();
                if (total != null) {
                    progress.total(
                            lines); // every line is done: the total is known whether or not the count has finished
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("The batch was interrupted after " + lines + " lines.");
            } finally {
                readerThread.interrupt();
            }
            Throwable failure = reader.failure;
            if (failure instanceof IOException e) {
                throw e;
            } else if (failure instanceof RuntimeException e) {
                throw e;
            } else if (failure instanceof Error e) {
                throw e;
            }
        } finally {
            workers.shutdownNow();
            progress.close();
        }
        return new BatchSummary(lines, decided, errors, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static void awaitDone(Chunk chunk) throws InterruptedException {
        try {
            chunk.done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("A batch worker failed: " + cause, cause);
        }
    }

    private static void startLineCount(Runnable count) {
        Thread thread = new Thread(count, "batch-line-count");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The number of lines of a regular file ({@link LineCount}); -1 when {@code file} is not a
     * regular file (a pipe, say) or cannot be read.
     */
    public static long countLines(Path file) {
        return LineCount.of(file);
    }
}

package kr.qfeedback.batch;

import kr.qfeedback.wire.FeedbackRequestParser;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.DecisionJson;
import kr.qfeedback.wire.DecisionService;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * A bounded pipeline with one hop per chunk, never per line: a reader thread cuts the input into
 * chunks of {@value #CHUNK_LINES} lines (or about 1 MiB), a pool of {@code threads} workers decides
 * whole chunks, and the calling thread writes finished chunks in input order. Chunks, with their
 * input and output buffers, are recycled from a fixed pool of {@value #CHUNKS_PER_THREAD} per worker
 * (+1), so memory stays flat whatever the size of the input; every queue is bounded by that pool.
 * The output file is written around the page cache where the file system allows it
 * ({@link DirectFileOutput}): ~10 GB of decisions otherwise cost a core seconds of kernel copying.
 */
public final class BatchRunner {
    public static final int CHUNK_LINES = 512;
    static final int CHUNK_BYTES = 1 << 20;
    static final int CHUNKS_PER_THREAD = 3;
    /** The same limit as the HTTP body limit. */
    public static final int MAX_LINE_BYTES = FeedbackRequestParser.MAX_BODY_BYTES;
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);
    private static final int READ_BUFFER = 1 << 16;

    private final DecisionService decisions;
    private final int chunkLines;

    public BatchRunner() {
        this(Clock.systemUTC(), CHUNK_LINES);
    }

    /** @param clock gives {@code asOf} to requests that have none (Asia/Seoul date), as in the API */
    public BatchRunner(Clock clock, int chunkLines) {
        this.decisions = new DecisionService(Objects.requireNonNull(clock, "clock must not be null"));
        if (chunkLines < 1) {
            throw new IllegalArgumentException("chunkLines must be at least 1, not " + chunkLines);
        }
        this.chunkLines = chunkLines;
    }

    /**
     * Decides every line of {@code in} into {@code out} (created or truncated).
     *
     * @param threads worker threads deciding chunks (the number of cores is a good choice)
     * @throws IOException when a file cannot be read or written; the output is then incomplete
     */
    public BatchSummary run(Path in, Path out, RuleSet rules, int threads, ProgressSink progress) throws IOException {
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
        AtomicInteger workerNumber = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(poolSize), r -> {
                    Thread t = new Thread(r, "batch-worker-" + workerNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        long lines = 0;
        long decided = 0;
        long errors = 0;
        try (InputStream input = Files.newInputStream(in);
             OutputStream output = DirectFileOutput.open(out)) {
            // Counting a large input takes seconds: it runs beside the work and the total is given when known.
            CompletableFuture<Long> total = progress.wantsTotal()
                    ? CompletableFuture.supplyAsync(() -> countLines(in), BatchRunner::startLineCount) : null;
            progress.start(-1);
            Reader reader = new Reader(input, free, ordered, workers, rules);
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
                    output.write(chunk.out, 0, chunk.outLength);
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
                    progress.total(lines); // every line is done: the total is known whether or not the count has finished
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

    /** Cuts the input into chunks and hands each to the workers; runs on its own thread. */
    private final class Reader implements Runnable {
        private final InputStream input;
        private final BlockingQueue<Chunk> free;
        private final BlockingQueue<Chunk> ordered;
        private final ThreadPoolExecutor workers;
        private final RuleSet rules;
        volatile Throwable failure;

        Reader(InputStream input, BlockingQueue<Chunk> free, BlockingQueue<Chunk> ordered, ThreadPoolExecutor workers, RuleSet rules) {
            this.input = input;
            this.free = free;
            this.ordered = ordered;
            this.workers = workers;
            this.rules = rules;
        }

        @Override
        public void run() {
            try {
                read();
            } catch (InterruptedException e) {
                return; // the writer gave up; it no longer reads the queue
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            }
            try {
                ordered.put(Chunk.END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void read() throws IOException, InterruptedException {
            byte[] buffer = new byte[READ_BUFFER];
            long nextLine = 1;
            Chunk chunk = null;
            int n;
            while ((n = input.read(buffer)) >= 0) {
                int pos = 0;
                while (pos < n) {
                    if (chunk == null) {
                        chunk = free.take();
                        chunk.firstLine = nextLine;
                    }
                    if (!chunk.lineOpen) {
                        chunk.openLine();
                    }
                    int newline = indexOf(buffer, pos, n);
                    chunk.appendToLine(buffer, pos, (newline < 0 ? n : newline) - pos);
                    if (newline < 0) {
                        break;
                    }
                    chunk.closeLine();
                    nextLine++;
                    pos = newline + 1;
                    if (chunk.count >= chunkLines || chunk.inLength >= CHUNK_BYTES) {
                        dispatch(chunk);
                        chunk = null;
                    }
                }
            }
            if (chunk != null) {
                if (chunk.lineOpen) {
                    chunk.closeLine(); // a last line without \n (it has at least one byte)
                }
                dispatch(chunk);
            }
        }

        private void dispatch(Chunk chunk) throws InterruptedException {
            chunk.done = workers.submit(() -> process(chunk, rules));
            ordered.put(chunk);
        }

        private int indexOf(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                if (bytes[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Decides every line of one chunk into its output buffer; runs on a worker. */
    private void process(Chunk chunk, RuleSet rules) {
        for (int i = 0; i < chunk.count; i++) {
            long lineNumber = chunk.firstLine + i;
            try {
                Buffer body = chunk.line(i, lineNumber, MAX_LINE_BYTES);
                FeedbackDecision decision = decisions.decide(body, rules);
                chunk.appendDecision(decision);
                chunk.decided++;
            } catch (ApiError error) {
                chunk.append(errorJson(lineNumber, error).toBuffer());
                chunk.errors++;
            } catch (RuntimeException e) {
                LOG.warn("batch line {} could not be decided: {}", lineNumber, e.toString(), e);
                chunk.append(errorJson(lineNumber, ApiError.internal()).toBuffer());
                chunk.errors++;
            }
        }
    }

    static JsonObject errorJson(long lineNumber, ApiError error) {
        return new JsonObject().put("line", lineNumber).put("error", error.body());
    }

    /**
     * A run of consecutive input lines with their answers. The input bytes live in one reused
     * Vert.x buffer (each line is parsed from a slice, without a copy); the answers are appended
     * to one reused byte array. Handed reader → worker → writer → reader, one owner at a time.
     */
    private static final class Chunk {
        /** Marks the end of the input in the ordered queue. */
        static final Chunk END = new Chunk(0);

        final Buffer in;
        int inLength;
        int[] starts = new int[64];
        int[] ends = new int[64];
        /** The full length of a line longer than the limit (only its first bytes are kept), else -1. */
        long[] overlong = new long[64];
        int count;
        boolean lineOpen;
        long lineLength;
        long firstLine;
        byte[] out = new byte[1 << 16];
        int outLength;
        int decided;
        int errors;
        Future<?> done;

        Chunk() {
            this(CHUNK_BYTES + READ_BUFFER);
        }

        private Chunk(int capacity) {
            in = Buffer.buffer(capacity);
        }

        void openLine() {
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
                overlong = java.util.Arrays.copyOf(overlong, count * 2);
            }
            starts[count] = inLength;
            lineLength = 0;
            lineOpen = true;
        }

        void appendToLine(byte[] bytes, int offset, int length) {
            long keep = Math.min(length, Math.max(0, MAX_LINE_BYTES + 1L - lineLength));
            if (keep > 0) {
                in.setBytes(inLength, bytes, offset, (int) keep);
                inLength += (int) keep;
            }
            lineLength += length;
        }

        void closeLine() {
            ends[count] = inLength;
            overlong[count] = lineLength > MAX_LINE_BYTES ? lineLength : -1;
            count++;
            lineOpen = false;
        }

        /** The request on line {@code i}, trimmed, or an error for a blank or too long line. */
        Buffer line(int i, long lineNumber, int limit) {
            if (overlong[i] >= 0) {
                throw ApiError.tooLarge(limit);
            }
            int start = starts[i];
            int end = ends[i];
            if (lineNumber == 1 && end - start >= 3 && in.getByte(start) == (byte) 0xEF && in.getByte(start + 1) == (byte) 0xBB
                    && in.getByte(start + 2) == (byte) 0xBF) {
                start += 3;
            }
            while (start < end && isWhiteSpace(in.getByte(start))) {
                start++;
            }
            while (end > start && isWhiteSpace(in.getByte(end - 1))) {
                end--;
            }
            if (start == end) {
                throw ApiError.invalid(null, "Line " + lineNumber + " is blank: every line must hold one JSON request"
                        + " (blank lines are answered with an error so that output line N answers input line N).");
            }
            return in.slice(start, end);
        }

        /** Writes the decision's JSON (no trace) and a newline straight into the output bytes. */
        void appendDecision(FeedbackDecision decision) {
            DecisionJson.write(decision, false, output);
            output.write('\n');
        }

        private final Output output = new Output();

        /** Appends to {@link #out}, growing it as needed. */
        private final class Output extends OutputStream {
            @Override
            public void write(int b) {
                ensure(1);
                out[outLength++] = (byte) b;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                ensure(length);
                System.arraycopy(bytes, offset, out, outLength, length);
                outLength += length;
            }
        }

        private void ensure(int more) {
            int needed = outLength + more;
            if (needed > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(needed, out.length * 2));
            }
        }

        void append(Buffer json) {
            int needed = outLength + json.length() + 1;
            if (needed > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(needed, out.length * 2));
            }
            json.getBytes(out, outLength);
            outLength += json.length();
            out[outLength++] = '\n';
        }

        void clear() {
            inLength = 0;
            count = 0;
            lineOpen = false;
            outLength = 0;
            decided = 0;
            errors = 0;
            done = null;
        }

        private static boolean isWhiteSpace(byte b) {
            return b == ' ' || b == '\t' || b == '\r' || b == '\n';
        }
    }
}

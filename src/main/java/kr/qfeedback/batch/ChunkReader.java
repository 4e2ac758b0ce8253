package kr.qfeedback.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import kr.qfeedback.rules.RuleSet;

/**
 * Cuts the input into chunks of whole lines and hands each to the workers, and to the writer in
 * input order; runs on its own thread. A failure to read is kept in {@link #failure} for the writer.
 */
final class ChunkReader implements Runnable {
    static final int READ_BUFFER = 1 << 16;

    private final InputStream input;
    private final BlockingQueue<Chunk> free;
    private final BlockingQueue<Chunk> ordered;
    private final ThreadPoolExecutor workers;
    private final ChunkDecider decider;
    private final RuleSet rules;
    private final int chunkLines;
    volatile Throwable failure;

    ChunkReader(
            InputStream input,
            BlockingQueue<Chunk> free,
            BlockingQueue<Chunk> ordered,
            ThreadPoolExecutor workers,
            ChunkDecider decider,
            RuleSet rules,
            int chunkLines) {
        this.input = input;
        this.free = free;
        this.ordered = ordered;
        this.workers = workers;
        this.decider = decider;
        this.rules = rules;
        this.chunkLines = chunkLines;
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
                if (chunk.count >= chunkLines || chunk.inLength >= BatchRunner.CHUNK_BYTES) {
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
        chunk.done = workers.submit(() -> decider.decide(chunk, rules));
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

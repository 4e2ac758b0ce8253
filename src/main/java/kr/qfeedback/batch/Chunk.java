package kr.qfeedback.batch;

import io.vertx.core.buffer.Buffer;
import java.util.concurrent.Future;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.DecisionLines;

/**
 * A run of consecutive input lines with their answers. The input bytes live in one reused
 * Vert.x buffer (each line is parsed from a slice, without a copy); the answers are written
 * straight into one reused array ({@link DecisionLines}). Handed reader → worker → writer → reader, one owner at a time.
 */
final class Chunk {
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
    /** The answers, one line each. */
    final DecisionLines out = new DecisionLines();

    int decided;
    int errors;
    /** The text messages of the chunk's decisions, when the batch writes them ({@code --notifications}). */
    final TextMessageRows messages = new TextMessageRows();

    Future<?> done;

    Chunk() {
        this(BatchRunner.CHUNK_BYTES + ChunkReader.READ_BUFFER);
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
        long keep = Math.min(length, Math.max(0, BatchRunner.MAX_LINE_BYTES + 1L - lineLength));
        if (keep > 0) {
            in.setBytes(inLength, bytes, offset, (int) keep);
            inLength += (int) keep;
        }
        lineLength += length;
    }

    void closeLine() {
        ends[count] = inLength;
        overlong[count] = lineLength > BatchRunner.MAX_LINE_BYTES ? lineLength : -1;
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
        if (lineNumber == 1
                && end - start >= 3
                && in.getByte(start) == (byte) 0xEF
                && in.getByte(start + 1) == (byte) 0xBB
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
            throw ApiError.invalid(
                    null,
                    "Line " + lineNumber + " is blank: every line must hold one JSON request"
                            + " (blank lines are answered with an error so that output line N answers input line N).");
        }
        return in.slice(start, end);
    }

    void clear() {
        inLength = 0;
        count = 0;
        lineOpen = false;
        out.clear();
        messages.clear();
        decided = 0;
        errors = 0;
        done = null;
    }

    private static boolean isWhiteSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}

package kr.qfeedback.impact;

import java.util.Arrays;

/**
 * Consecutive lines of a cohort file as read, handed whole from the reader to one worker. A line
 * longer than the API's body limit keeps only its first bytes and is marked, so that one huge line
 * costs no more memory than a normal one.
 */
final class LineChunk {
    private static final byte[] EMPTY = new byte[0];
    final long firstLine;
    private final int limit;
    byte[] bytes = new byte[1 << 18];
    int length;
    int[] starts = new int[1024];
    int[] ends = new int[1024];
    boolean[] overlong = new boolean[1024];
    int count;
    private boolean open;
    private long lineLength;

    LineChunk(long firstLine, int limit) {
        this.firstLine = firstLine;
        this.limit = limit;
    }

    void append(byte[] from, int offset, int n) {
        if (!open) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                overlong = Arrays.copyOf(overlong, count * 2);
            }
            starts[count] = length;
            lineLength = 0;
            open = true;
        }
        int keep = (int) Math.min(n, Math.max(0, limit + 1L - lineLength));
        if (length + keep > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + keep, bytes.length * 2));
        }
        System.arraycopy(from, offset, bytes, length, keep);
        length += keep;
        lineLength += n;
    }

    void closeLine() {
        if (!open) {
            append(EMPTY, 0, 0);
        }
        ends[count] = length;
        overlong[count] = lineLength > limit;
        count++;
        open = false;
    }

    boolean lineOpen() {
        return open;
    }
}

package kr.qfeedback.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Counts the lines of a file for the progress total while the batch runs beside it, so it must
 * cost the workers little: the bytes are read in large blocks and looked at eight at a time (a
 * year's cohort is ~1 GB, which a byte-by-byte loop took a core about a second to count).
 * A line ends at {@code \n}; a last line without one counts too.
 */
final class LineCount {
    private static final int BLOCK = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private LineCount() {}

    /** The number of lines of {@code file}; -1 when it is not a regular file or cannot be read. */
    static long of(Path file) {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
            byte[] array = buffer.array();
            long lines = 0;
            byte last = '\n';
            int n;
            while ((n = channel.read(buffer.clear())) >= 0) {
                lines += newlines(array, n);
                if (n > 0) {
                    last = array[n - 1];
                }
            }
            return last == '\n' ? lines : lines + 1;
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** The number of {@code \n} bytes among the first {@code length} bytes of {@code bytes}. */
    static long newlines(byte[] bytes, int length) {
        long count = 0;
        int i = 0;
        for (int whole = length & ~7; i < whole; i += 8) {
            long v = (long) LONGS.get(bytes, i) ^ NEWLINES; // a newline byte becomes zero
            // the high bit of each byte is set when the byte is not zero (no carry crosses bytes)
            long nonZero = ((v & LOW_SEVEN) + LOW_SEVEN | v) & HIGH_BITS;
            count += Long.bitCount(~nonZero & HIGH_BITS);
        }
        for (; i < length; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }
}

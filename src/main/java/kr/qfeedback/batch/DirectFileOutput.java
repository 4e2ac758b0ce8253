package kr.qfeedback.batch;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a large output file around the page cache ({@code O_DIRECT}): the bytes go from one
 * aligned buffer to the disk without the kernel copying each page into its cache first. A batch
 * writes ~3.5 KB per candidate (~10 GB for a year's cohort), and on the reference machine the
 * cached write of that volume costs a core ~5 s per 2 GB in the kernel (454 MB/s at 99 % CPU,
 * {@code dd}), while the direct write runs at 952 MB/s with 12 % CPU: the cores stay with the
 * decisions (docs/performance.md).
 *
 * <p>Direct I/O needs the buffer address, the file position and every write length aligned to the
 * file system's block size: bytes collect in the buffer and whole blocks are written; on close the
 * last partial block is written padded and the file cut back to its true length.
 * {@link #flush()} therefore writes whole blocks only. Where direct I/O is not available (not a
 * regular file such as {@code /dev/null} or a pipe, a file system without it, an odd block size)
 * {@link #open} returns an ordinary stream instead; the bytes written are the same either way.
 */
final class DirectFileOutput extends OutputStream {
    /** Bytes collected before one direct write (a multiple of any block size up to 1 MiB). */
    static final int BUFFER_BYTES = 4 << 20;

    private static final int MAX_BLOCK = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final int block;
    private long written;
    private boolean closed;

    private DirectFileOutput(FileChannel channel, int block) {
        this.channel = channel;
        this.block = block;
        this.buffer = ByteBuffer.allocateDirect(BUFFER_BYTES + block).alignedSlice(block);
        this.buffer.limit(BUFFER_BYTES);
    }

    /**
     * A stream that creates or truncates {@code file}: a direct one when the file system allows
     * it, else {@link Files#newOutputStream}.
     */
    static OutputStream open(Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return Files.newOutputStream(file); // a device or a pipe: written as it is
        }
        try (FileChannel created = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            // created (or emptied) the ordinary way, so that the errors are the usual ones
        }
        long block;
        FileChannel direct;
        try {
            block = Files.getFileStore(file).getBlockSize();
            if (block < 512 || block > MAX_BLOCK || Long.bitCount(block) != 1) {
                return Files.newOutputStream(file);
            }
            direct = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            return Files.newOutputStream(file); // no direct I/O here (tmpfs, say): the page cache it is
        }
        return new DirectFileOutput(direct, (int) block);
    }

    /** Whether {@code out} writes around the page cache (for the batch summary and tests). */
    static boolean isDirect(OutputStream out) {
        return out instanceof DirectFileOutput;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (!buffer.hasRemaining()) {
            writeFullBuffer();
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        while (length > 0) {
            if (!buffer.hasRemaining()) {
                writeFullBuffer();
            }
            int n = Math.min(length, buffer.remaining());
            buffer.put(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    /** Writes the whole blocks collected so far; a partial last block stays until more bytes or close. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        int whole = buffer.position() / block * block;
        if (whole > 0) {
            writeBlocks(whole);
        }
    }

    private void writeFullBuffer() throws IOException {
        writeBlocks(buffer.position());
    }

    /** Writes the first {@code length} bytes of the buffer (a multiple of the block) and keeps the rest. */
    private void writeBlocks(int length) throws IOException {
        int end = buffer.position();
        buffer.position(0).limit(length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        written += length;
        // the bytes after the written blocks move to the front (fewer than one block)
        buffer.limit(end).position(length);
        buffer.compact();
        buffer.limit(BUFFER_BYTES);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            int rest = buffer.position();
            if (rest > 0) {
                int padded = (rest + block - 1) / block * block;
                buffer.limit(padded);
                while (buffer.hasRemaining()) {
                    buffer.put((byte) 0);
                }
                buffer.position(0);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.truncate(written + rest);
                written += rest;
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("The output is closed.");
        }
    }
}

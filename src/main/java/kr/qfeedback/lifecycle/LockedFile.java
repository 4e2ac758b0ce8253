package kr.qfeedback.lifecycle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One file used by one writer at a time, across threads (a monitor per path) and processes (a
 * {@link FileLock}); the JVM allows only one lock per file, so both are needed.
 */
final class LockedFile {
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    /** Work done on the locked channel. */
    interface Work<T> {
        T on(FileChannel channel) throws IOException;
    }

    private LockedFile() {}

    /** Runs {@code work} holding an exclusive lock; creates the file when missing. */
    static <T> T exclusively(Path file, Work<T> work) throws IOException {
        synchronized (monitor(file)) {
            try (FileChannel channel = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return work.on(channel);
            }
        }
    }

    /** Runs {@code work} holding a shared (read) lock on an existing file. */
    static <T> T shared(Path file, Work<T> work) throws IOException {
        synchronized (monitor(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    FileLock lock = channel.lock(0, Long.MAX_VALUE, true)) {
                return work.on(channel);
            }
        }
    }

    /** The whole file as UTF-8 text. */
    static String readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("the file is " + size + " bytes, too large to read at once");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        long position = 0;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /** Appends {@code text} at the end in one buffer and forces it to disk before returning. */
    static void append(FileChannel channel, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long position = channel.size();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(true);
    }

    private static Object monitor(Path file) {
        return MONITORS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object());
    }
}

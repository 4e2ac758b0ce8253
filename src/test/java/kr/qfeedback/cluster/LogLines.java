package kr.qfeedback.cluster;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The log lines written while it is open (the service logs to standard output through slf4j-simple,
 * which looks up {@code System.out} at every line); they still reach the real standard output too.
 */
final class LogLines implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    LogLines() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (seen) {
                    seen.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (seen) {
                    seen.write(b, off, len);
                }
            }
        };
        System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    String text() {
        synchronized (seen) {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    /** How many lines containing {@code text} were logged. */
    long count(String text) {
        return text().lines().filter(line -> line.contains(text)).count();
    }

    /** Waits up to 60 s until {@code times} lines containing {@code text} were logged. */
    void await(String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count(text) < times) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "fewer than " + times + " log lines with '" + text + "' within 60 s: " + count(text));
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}

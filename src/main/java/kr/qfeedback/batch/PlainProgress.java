package kr.qfeedback.batch;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress as a plain line at most every {@code interval} (two seconds by default), for logs and
 * pipes where a redrawn bar would be noise:
 * {@code batch: 1200000/3070000 lines, 98000/s, ETA 19 s} ({@code batch: 1200000 lines, 98000/s}
 * when the total is unknown). The rate is the average since the start. A last line with the total
 * time is printed on {@link #close} (nothing when the run never started). Not thread-safe: the
 * runner reports from one thread.
 */
public final class PlainProgress implements ProgressSink {
    public static final long DEFAULT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final String taskName;
    private final PrintStream out;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long total = -1;
    private boolean running;
    private long started;
    private long lastPrinted;
    private long done;

    public PlainProgress(String taskName, PrintStream out, long intervalNanos, LongSupplier nanoTime) {
        this.taskName = taskName;
        this.out = out;
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
    }

    @Override
    public void start(long totalLines) {
        total = totalLines;
        running = true;
        started = nanoTime.getAsLong();
        lastPrinted = started;
    }

    @Override
    public void total(long totalLines) {
        total = totalLines;
    }

    @Override
    public void update(long linesDone) {
        if (!running) {
            return;
        }
        done = linesDone;
        long now = nanoTime.getAsLong();
        if (now - lastPrinted >= intervalNanos) {
            lastPrinted = now;
            out.println(line(now, false));
        }
    }

    @Override
    public void close() {
        if (running) {
            running = false;
            out.println(line(nanoTime.getAsLong(), true));
        }
    }

    String line(long now, boolean finished) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        StringBuilder s = new StringBuilder(taskName).append(": ").append(done);
        if (total >= 0) {
            s.append('/').append(total);
        }
        s.append(" lines, ").append(String.format(Locale.ROOT, "%.0f", rate)).append("/s");
        if (finished) {
            s.append(String.format(Locale.ROOT, ", done in %.1f s", seconds));
        } else if (total >= 0 && rate > 0) {
            s.append(", ETA ")
                    .append(Math.round(Math.max(0, total - done) / rate))
                    .append(" s");
        }
        return s.toString();
    }
}

package kr.qfeedback.batch;

/**
 * Where a batch run reports how far it is. The runner calls {@link #start} once, {@link #update}
 * from one thread (the writer) after every chunk written, {@link #total} from that thread when the
 * number of lines becomes known, and {@link #close} at the end.
 */
public interface ProgressSink extends AutoCloseable {

    /** @param totalLines the number of lines to process, or -1 when not known */
    void start(long totalLines);

    /** @param linesDone lines written so far (cumulative, never decreasing) */
    void update(long linesDone);

    /**
     * The number of lines to process, once it is known after {@link #start} (the runner counts them
     * beside the work); called at most once, from the thread that calls {@link #update}.
     */
    default void total(long totalLines) {}

    /** Whether the runner should count the input lines to give a total ({@link #total}). */
    default boolean wantsTotal() {
        return true;
    }

    @Override
    void close();

    /** Reports nothing. */
    static ProgressSink silent() {
        return new ProgressSink() {
            @Override
            public void start(long totalLines) {}

            @Override
            public void update(long linesDone) {}

            @Override
            public boolean wantsTotal() {
                return false;
            }

            @Override
            public void close() {}
        };
    }

    /**
     * A progress bar with rate and ETA on a terminal ({@link TerminalProgress}); a plain line every
     * two seconds on standard error when there is no console ({@link PlainProgress}), so that logs
     * of a redirected or scheduled run stay readable.
     */
    static ProgressSink forStandardError(String taskName) {
        return System.console() != null
                ? new TerminalProgress(taskName)
                : new PlainProgress(
                        taskName,
                        new java.io.PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8),
                        PlainProgress.DEFAULT_INTERVAL_NANOS,
                        System::nanoTime);
    }
}

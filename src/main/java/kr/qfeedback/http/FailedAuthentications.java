package kr.qfeedback.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed authentications by source address: each is counted, the first of a window and the one
 * that reaches the limit are logged with the source and the path (never the token), and a source
 * over {@value #LIMIT} failures in {@value #WINDOW_SECONDS} s is answered 429 until its window ends.
 */
final class FailedAuthentications {
    private static final Logger LOG = LoggerFactory.getLogger(FailedAuthentications.class);
    static final int LIMIT = 20;
    static final long WINDOW_SECONDS = 60;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
    /** Sources kept at most; beyond, the oldest windows are forgotten first (a flood of addresses cannot grow it). */
    private static final int SOURCES_KEPT = 10_000;

    private record Window(long startedAt, int failures) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /** Whether the source has failed too often in its current window. */
    boolean blocked(String source, long now) {
        Window w = windows.get(source);
        return w != null && now - w.startedAt() < WINDOW_NANOS && w.failures() >= LIMIT;
    }

    void failed(String source, String path, long now) {
        if (windows.size() >= SOURCES_KEPT) {
            windows.entrySet().removeIf(e -> now - e.getValue().startedAt() >= WINDOW_NANOS);
            if (windows.size() >= SOURCES_KEPT) {
                windows.clear();
            }
        }
        Window w = windows.compute(
                source,
                (s, old) -> old == null || now - old.startedAt() >= WINDOW_NANOS
                        ? new Window(now, 1)
                        : new Window(old.startedAt(), old.failures() + 1));
        if (w.failures() == 1) {
            LOG.warn("authentication failed from {} for {}", source, path);
        } else if (w.failures() == LIMIT) {
            LOG.warn(
                    "authentication failed {} times in {} s from {} (last for {}); it is answered 429 until the window ends",
                    LIMIT,
                    WINDOW_SECONDS,
                    source,
                    path);
        }
    }
}

package kr.qfeedback.lifecycle;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per start-up phase, {@code start-up phase NAME: N ms (process CPU so far M ms)},
 * which {@code bench/startup.sh} reads. Phases may overlap (the cluster member starts beside the
 * rules compile); the process CPU shows how much of a phase the machine's load stretched.
 */
public final class StartupPhases {
    private static final Logger LOG = LoggerFactory.getLogger(StartupPhases.class);

    private StartupPhases() {}

    /** A phase's start, for {@link #done}. */
    public static long now() {
        return System.nanoTime();
    }

    /** Logs that {@code phase}, started at {@code started} ({@link #now}), is done; returns now. */
    public static long done(String phase, long started) {
        long now = System.nanoTime();
        log(phase, (now - started) / 1_000_000);
        return now;
    }

    /** Logs the time from the JVM's start to now as {@code phase} (the first: "jvm"; the last: "ready"). */
    public static void sinceJvmStart(String phase) {
        log(
                phase,
                System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    private static void log(String phase, long millis) {
        LOG.info("start-up phase {}: {} ms (process CPU so far {} ms)", phase, millis, processCpuMillis());
    }

    private static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }
}

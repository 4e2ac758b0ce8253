package kr.qfeedback.cluster;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this member measured of its rules switches: the last switch's duration, the last led
 * switch's window, when it last swapped, and how many swaps it made.
 */
final class SwitchMetrics {
    private volatile double lastSwitchSeconds = Double.NaN;
    private volatile double lastWindowSeconds = Double.NaN;
    private volatile long switchedAtMicros;
    private final AtomicLong switches = new AtomicLong();

    /** This member swapped its active rule set {@code nanos} after it started preparing it. */
    void markSwitched(long nanos) {
        Instant now = Instant.now();
        switchedAtMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        lastSwitchSeconds = nanos / 1e9;
        switches.incrementAndGet();
    }

    /** A switch this member led ended: the members' swaps spread over {@code spreadMicros}, the whole took {@code nanos}. */
    void markLed(long spreadMicros, long nanos) {
        lastWindowSeconds = spreadMicros / 1e6;
        lastSwitchSeconds = nanos / 1e9;
    }

    double lastSwitchSeconds() {
        return lastSwitchSeconds;
    }

    double lastWindowSeconds() {
        return lastWindowSeconds;
    }

    long switchedAtMicros() {
        return switchedAtMicros;
    }

    long switches() {
        return switches.get();
    }
}

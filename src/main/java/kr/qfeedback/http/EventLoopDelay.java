package kr.qfeedback.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code qf_event_loop_delay_seconds{loop}}: how late a timer set on an event loop fires, sampled
 * every 100 ms on each loop that serves HTTP. A loop busy with long work (or a GC pause) delays every
 * request queued behind it by as much. Vert.x 5.1 has no such metric of its own.
 */
final class EventLoopDelay {
    private static final long PERIOD_MILLIS = 100;
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5)
    };

    private final MeterRegistry registry;

    EventLoopDelay(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Starts sampling the event loop this is called on (a verticle's); the samples stop when the
     * verticle is undeployed or Vert.x closes. Two servers on one loop share its series.
     */
    void probe(Vertx vertx) {
        Timer timer = Timer.builder("qf.event.loop.delay")
                .description("How late a timer set on this event loop fired (sampled every 100 ms).")
                .tag("loop", Thread.currentThread().getName())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        next(vertx, timer);
    }

    private static void next(Vertx vertx, Timer timer) {
        long due = System.nanoTime() + PERIOD_NANOS;
        vertx.setTimer(PERIOD_MILLIS, id -> {
            timer.record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
            next(vertx, timer);
        });
    }
}

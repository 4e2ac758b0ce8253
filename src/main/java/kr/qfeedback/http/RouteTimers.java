package kr.qfeedback.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The {@code http_server_requests_seconds} histogram of one (route, status) pair, made the first time
 * the pair answers and kept: the request path looks it up by the route's string and an array index,
 * without building tags or keys. {@code qf_http_responses_total} reads the same timer's count, so an
 * answer is recorded once. Routes are templates ({@code /v1/decisions/:decisionId}) or {@code other}.
 */
final class RouteTimers {
    private static final int STATUSES = 600;
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofNanos(2_500_000),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30)
    };

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, AtomicReferenceArray<Timer>> byRoute = new ConcurrentHashMap<>();

    RouteTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer timer(String route, int status) {
        AtomicReferenceArray<Timer> timers = byRoute.get(route);
        if (timers == null) {
            timers = byRoute.computeIfAbsent(route, r -> new AtomicReferenceArray<>(STATUSES));
        }
        int index = status >= 0 && status < STATUSES ? status : 0;
        Timer timer = timers.get(index);
        if (timer == null) {
            // Once per route and status: two event loops meeting a new one at once would otherwise both
            // register its counter, and Micrometer warns about the second.
            synchronized (timers) {
                timer = timers.get(index);
                if (timer == null) {
                    timer = register(route, index);
                    timers.set(index, timer);
                }
            }
        }
        return timer;
    }

    private Timer register(String route, int status) {
        String code = Integer.toString(status);
        Timer timer = Timer.builder("http.server.requests")
                .description("HTTP answers by route template and status, from routing to the last byte written.")
                .tag("route", route)
                .tag("status", code)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        FunctionCounter.builder("qf_http_responses", timer, Timer::count)
                .description("HTTP responses by route and status.")
                .tag("route", route)
                .tag("status", code)
                .register(registry);
        return timer;
    }
}

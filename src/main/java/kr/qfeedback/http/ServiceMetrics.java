package kr.qfeedback.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What {@code GET /metrics} shows, in one Micrometer Prometheus registry: the JVM (memory, GC pauses,
 * threads, CPU, uptime), the event loops' delay ({@link EventLoopDelay}), every answer by route and
 * status ({@link RouteTimers}), decisions by outcome and their latency, readiness and the active rules
 * version, and what binders such as the cluster add. The request path only records into meters it
 * found once and keeps.
 */
public final class ServiceMetrics implements AutoCloseable {
    /** The decision latency buckets {@code qf_decision_seconds} has always had. */
    private static final Duration[] DECISION_BUCKETS = {
        Duration.ofNanos(1_000_000),
        Duration.ofNanos(2_500_000),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofSeconds(1)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final RouteTimers routes = new RouteTimers(registry);
    private final EventLoopDelay eventLoops = new EventLoopDelay(registry);
    private final Timer decisionTime;
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final AtomicBoolean serviceBound = new AtomicBoolean();

    public ServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        decisionTime = Timer.builder("qf_decision")
                .description("Time to decide one request (rules and rendering).")
                .serviceLevelObjectives(DECISION_BUCKETS)
                .register(registry);
    }

    /** One answer written for {@code route} (the route's template, never the raw path) after {@code nanos}. */
    public void response(String route, int status, long nanos) {
        routes.timer(route, status).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One decision of {@code outcome} that took {@code nanos}. */
    public void decision(String outcome, long nanos) {
        Counter counter = decisions.get(outcome);
        if (counter == null) {
            counter = decisions.computeIfAbsent(
                    outcome,
                    o -> Counter.builder("qf_decisions")
                            .description("Decisions made, by outcome.")
                            .tag("outcome", o)
                            .register(registry));
        }
        counter.increment();
        decisionTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Shows {@code qf_ready} and {@code qf_rules_version_info}, read from {@code ready} and
     * {@code version} (null: no version active) at each scrape. The first service bound wins.
     */
    public void service(Supplier<String> version, BooleanSupplier ready) {
        if (!serviceBound.compareAndSet(false, true)) {
            return;
        }
        Gauge.builder("qf_ready", ready, r -> r.getAsBoolean() ? 1 : 0)
                .description("1 when a rules version is active and the service answers decisions.")
                .strongReference(true)
                .register(registry);
        RulesVersionInfo.register(registry.getPrometheusRegistry(), version);
    }

    /** Adds a binder's meters (the cluster's) to the scrape. */
    public void bind(MeterBinder binder) {
        binder.bindTo(registry);
    }

    /** The event-loop delay probe that each HTTP server instance starts on its own event loop. */
    EventLoopDelay eventLoops() {
        return eventLoops;
    }

    /** The registry, for tests and binders that need it directly. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format 0.0.4. Not on an event loop: gauges may ask the cluster. */
    public String scrape() {
        return registry.scrape();
    }

    /** Stops listening for GC notifications and closes the registry. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}

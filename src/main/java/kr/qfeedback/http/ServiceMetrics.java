package kr.qfeedback.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters for {@code GET /metrics}, in the Prometheus text format. Lock-free on the request path. */
public final class ServiceMetrics {
    private static final double[] BUCKETS_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1};

    private final Map<String, LongAdder> responses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();
    /** Decisions per bucket, each counted once in the first bucket it fits; the rendered histogram adds them up. */
    private final LongAdder[] latencyBuckets = new LongAdder[BUCKETS_SECONDS.length];

    private final LongAdder latencyCount = new LongAdder();
    private final LongAdder latencyMicros = new LongAdder();

    public ServiceMetrics() {
        for (int i = 0; i < latencyBuckets.length; i++) {
            latencyBuckets[i] = new LongAdder();
        }
    }

    public void response(String route, int status) {
        responses
                .computeIfAbsent(route + "\u0000" + status, k -> new LongAdder())
                .increment();
    }

    public void decision(String outcome, long nanos) {
        decisions.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS_SECONDS.length; i++) {
            if (seconds <= BUCKETS_SECONDS[i]) {
                latencyBuckets[i].increment();
                break;
            }
        }
        latencyCount.increment();
        latencyMicros.add(nanos / 1000);
    }

    public String render(String rulesVersion, boolean ready) {
        StringBuilder out = new StringBuilder();
        out.append(
                "# HELP qf_ready 1 when a rules version is active and the service answers decisions.\n# TYPE qf_ready gauge\n");
        out.append("qf_ready ").append(ready ? 1 : 0).append('\n');
        out.append("# HELP qf_rules_version_info The active rules version.\n# TYPE qf_rules_version_info gauge\n");
        if (rulesVersion != null) {
            out.append("qf_rules_version_info{version=\"").append(rulesVersion).append("\"} 1\n");
        }
        out.append(
                "# HELP qf_http_responses_total HTTP responses by route and status.\n# TYPE qf_http_responses_total counter\n");
        new TreeMap<>(responses).forEach((k, v) -> {
            String[] parts = k.split("\u0000");
            out.append("qf_http_responses_total{route=\"")
                    .append(parts[0])
                    .append("\",status=\"")
                    .append(parts[1])
                    .append("\"} ")
                    .append(v.sum())
                    .append('\n');
        });
        out.append("# HELP qf_decisions_total Decisions made, by outcome.\n# TYPE qf_decisions_total counter\n");
        new TreeMap<>(decisions)
                .forEach((k, v) -> out.append("qf_decisions_total{outcome=\"")
                        .append(k)
                        .append("\"} ")
                        .append(v.sum())
                        .append('\n'));
        out.append(
                "# HELP qf_decision_seconds Time to decide one request (rules and rendering).\n# TYPE qf_decision_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < BUCKETS_SECONDS.length; i++) {
            cumulative += latencyBuckets[i].sum();
            out.append("qf_decision_seconds_bucket{le=\"")
                    .append(BUCKETS_SECONDS[i])
                    .append("\"} ")
                    .append(cumulative)
                    .append('\n');
        }
        out.append("qf_decision_seconds_bucket{le=\"+Inf\"} ")
                .append(latencyCount.sum())
                .append('\n');
        out.append("qf_decision_seconds_sum ").append(latencyMicros.sum() / 1e6).append('\n');
        out.append("qf_decision_seconds_count ").append(latencyCount.sum()).append('\n');
        return out.toString();
    }
}

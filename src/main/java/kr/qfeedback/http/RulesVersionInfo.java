package kr.qfeedback.http;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.function.Supplier;

/**
 * {@code qf_rules_version_info{version="…"} 1}, the active rules version, read at each scrape; no
 * series while none is active. A Prometheus info metric: Micrometer would drop the {@code _info}
 * suffix of a gauge's name, which would rename the series dashboards read.
 */
final class RulesVersionInfo implements Collector {
    private final Supplier<String> version;

    private RulesVersionInfo(Supplier<String> version) {
        this.version = version;
    }

    static void register(PrometheusRegistry registry, Supplier<String> version) {
        registry.register(new RulesVersionInfo(version));
    }

    @Override
    public MetricSnapshot collect() {
        InfoSnapshot.Builder info =
                InfoSnapshot.builder().name("qf_rules_version").help("The active rules version.");
        String active = version.get();
        if (active != null) {
            info.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                    .labels(Labels.of("version", active))
                    .build());
        }
        return info.build();
    }
}

package kr.qfeedback.cluster;

import kr.qfeedback.ServiceConfig;

/** The cluster settings a service started with {@code config} would use, as {@code Main} makes them. */
final class ConfiguredSettings {
    private ConfiguredSettings() {}

    static ClusterSettings of(ServiceConfig config) {
        return ClusterSettings.from(config.clusterMembers(), config.clusterPort(), config.clusterSecret());
    }
}

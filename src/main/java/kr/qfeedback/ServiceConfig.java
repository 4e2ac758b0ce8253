package kr.qfeedback;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's configuration, read once from the environment (see the contract). Bad values stop
 * the start with a sentence naming the variable.
 */
public record ServiceConfig(
        int httpPort,
        Path rulesDir,
        Path dataDir,
        String tokens,
        List<String> clusterMembers,
        int clusterPort,
        Path featuresDir,
        int warmupDecisions,
        Duration shutdownGrace,
        Path tokensFile,
        int impactMaxSize,
        kr.qfeedback.http.TlsFiles tls,
        java.util.OptionalInt adminPort,
        kr.qfeedback.cluster.ClusterSecret clusterSecret,
        kr.qfeedback.http.HttpLimits httpLimits,
        kr.qfeedback.lifecycle.PublishApproval publishApproval) {

    /** Decisions made before the server listens, so that the first real requests meet compiled code. */
    public static final int DEFAULT_WARMUP_DECISIONS = 30_000;

    private static final int MAX_WARMUP_DECISIONS = 10_000_000;
    /** How long a stop waits for requests in flight, rules work, records and the cluster (contract: 20s). */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private static final Duration MAX_SHUTDOWN_GRACE = Duration.ofHours(1);
    private static final int MAX_IMPACT_MAX_SIZE = 10_000_000;
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");

    public static ServiceConfig fromEnvironment(Map<String, String> env) {
        int port = port(env, "QF_HTTP_PORT", 8080, true);
        int clusterPort = port(env, "QF_CLUSTER_PORT", 5701, false);
        String members = env.getOrDefault("QF_CLUSTER_MEMBERS", "").strip();
        String tokens = env.get("QF_TOKENS");
        return new ServiceConfig(
                port,
                Path.of(env.getOrDefault("QF_RULES_DIR", "./rules")),
                Path.of(env.getOrDefault("QF_DATA_DIR", "./data")),
                tokens == null || tokens.isBlank() ? null : tokens,
                members.isEmpty() ? List.of() : List.of(members.split("\\s*,\\s*")),
                clusterPort,
                Path.of(env.getOrDefault("QF_FEATURES_DIR", "./features")),
                warmupDecisions(env),
                duration(env, "QF_SHUTDOWN_GRACE", DEFAULT_SHUTDOWN_GRACE, MAX_SHUTDOWN_GRACE),
                env.get("QF_TOKENS_FILE") == null || env.get("QF_TOKENS_FILE").isBlank()
                        ? null
                        : Path.of(env.get("QF_TOKENS_FILE").strip()),
                wholeNumber(
                        env,
                        "QF_IMPACT_MAX_SIZE",
                        kr.qfeedback.http.RulesApi.DEFAULT_MAX_IMPACT_SIZE,
                        1,
                        MAX_IMPACT_MAX_SIZE,
                        "a whole number of candidates from 1 to " + MAX_IMPACT_MAX_SIZE),
                kr.qfeedback.http.TlsFiles.from(env.get("QF_TLS_CERT"), env.get("QF_TLS_KEY")),
                adminPort(env, port),
                kr.qfeedback.cluster.ClusterSecret.fromEnvironment(env.get("QF_CLUSTER_SECRET"), !members.isEmpty()),
                httpLimits(env),
                kr.qfeedback.lifecycle.PublishApproval.parse(env.get("QF_PUBLISH_APPROVAL")));
    }

    /** QF_HTTP_IDLE_TIMEOUT, QF_HTTP_REQUEST_TIMEOUT, QF_HTTP_MAX_CONNECTIONS: both listeners' limits. */
    private static kr.qfeedback.http.HttpLimits httpLimits(Map<String, String> env) {
        kr.qfeedback.http.HttpLimits defaults = kr.qfeedback.http.HttpLimits.DEFAULTS;
        return new kr.qfeedback.http.HttpLimits(
                timeout(env, "QF_HTTP_IDLE_TIMEOUT", defaults.idleTimeout()),
                timeout(env, "QF_HTTP_REQUEST_TIMEOUT", defaults.requestTimeout()),
                wholeNumber(
                        env,
                        "QF_HTTP_MAX_CONNECTIONS",
                        defaults.maxConnections(),
                        1,
                        kr.qfeedback.http.HttpLimits.MAX_CONNECTIONS,
                        "a whole number of connections from 1 to " + kr.qfeedback.http.HttpLimits.MAX_CONNECTIONS));
    }

    /** A duration from {@link kr.qfeedback.http.HttpLimits#MIN_TIMEOUT} to its maximum; else a sentence naming it. */
    private static Duration timeout(Map<String, String> env, String name, Duration fallback) {
        Duration min = kr.qfeedback.http.HttpLimits.MIN_TIMEOUT;
        Duration max = kr.qfeedback.http.HttpLimits.MAX_TIMEOUT;
        String accepted = name + " must be a duration such as 30s, 500ms or 30 (seconds), from " + min.toMillis()
                + "ms to " + max.toMinutes() + "m, not '" + env.get(name) + "'.";
        Duration d;
        try {
            d = duration(env, name, fallback, max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(accepted, e);
        }
        if (d.compareTo(min) < 0) {
            throw new IllegalArgumentException(accepted);
        }
        return d;
    }

    /**
     * The variable as a duration: a whole number with {@code ms}, {@code s} or {@code m}, or a bare
     * number of seconds ({@code 20s}, {@code 500ms}, {@code 20}); the fallback when unset or blank.
     */
    static Duration duration(Map<String, String> env, String name, Duration fallback, Duration max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long number = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration d = switch (unit) {
                case "ms" -> Duration.ofMillis(number);
                case "m" -> Duration.ofMinutes(number);
                default -> Duration.ofSeconds(number);
            };
            if (d.compareTo(max) <= 0) {
                return d;
            }
        }
        throw new IllegalArgumentException(name + " must be a duration such as 20s, 500ms or 20 (seconds), from 0 to "
                + max.toMinutes() + "m, not '" + value + "'.");
    }

    private static int warmupDecisions(Map<String, String> env) {
        return wholeNumber(
                env,
                "QF_WARMUP_DECISIONS",
                DEFAULT_WARMUP_DECISIONS,
                0,
                MAX_WARMUP_DECISIONS,
                "a whole number from 0 (no warm-up) to " + MAX_WARMUP_DECISIONS);
    }

    /** QF_ADMIN_PORT: unset = one port answers everything; otherwise a port other than QF_HTTP_PORT (0 = any free one). */
    private static java.util.OptionalInt adminPort(Map<String, String> env, int httpPort) {
        String value = env.get("QF_ADMIN_PORT");
        if (value == null || value.isBlank()) {
            return java.util.OptionalInt.empty();
        }
        int admin = port(env, "QF_ADMIN_PORT", 0, true);
        if (admin != 0 && admin == httpPort) {
            throw new IllegalArgumentException("QF_ADMIN_PORT must differ from QF_HTTP_PORT (both are " + admin
                    + "): the admin paths answer on a port of their own.");
        }
        return java.util.OptionalInt.of(admin);
    }

    private static int port(Map<String, String> env, String name, int fallback, boolean zeroAllowed) {
        return wholeNumber(
                env,
                name,
                fallback,
                zeroAllowed ? 0 : 1,
                65535,
                "a port number from " + (zeroAllowed ? 0 : 1) + " to 65535");
    }

    /** The variable as a whole number in [min, max], the fallback when unset or blank; else a sentence naming it. */
    private static int wholeNumber(
            Map<String, String> env, String name, int fallback, int min, int max, String accepted) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + accepted + ", not '" + value + "'.");
        }
    }
}

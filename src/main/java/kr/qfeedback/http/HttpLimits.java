package kr.qfeedback.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one listener allows a client ({@code QF_HTTP_IDLE_TIMEOUT}, {@code QF_HTTP_REQUEST_TIMEOUT},
 * {@code QF_HTTP_MAX_CONNECTIONS}; see docs/operations.md).
 *
 * @param idleTimeout    a connection on which no request is being answered (nothing sent yet, part of a
 *                       request's head, or kept alive after an answer) is closed after this long
 * @param requestTimeout a request not answered by then gets 503 REQUEST_TIMEOUT and its connection is
 *                       closed; for the rules work ({@code POST /v1/rules/*}) only its upload counts
 * @param maxConnections connections open at once on the listener, all its event loops together; more
 *                       are closed as soon as they are accepted
 */
public record HttpLimits(Duration idleTimeout, Duration requestTimeout, int maxConnections) {
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    public static final int MAX_CONNECTIONS = 1_000_000;
    public static final HttpLimits DEFAULTS = new HttpLimits(Duration.ofSeconds(60), Duration.ofSeconds(30), 10_000);

    public HttpLimits {
        within("QF_HTTP_IDLE_TIMEOUT", Objects.requireNonNull(idleTimeout, "idleTimeout must not be null"));
        within("QF_HTTP_REQUEST_TIMEOUT", Objects.requireNonNull(requestTimeout, "requestTimeout must not be null"));
        if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("QF_HTTP_MAX_CONNECTIONS must be a whole number from 1 to "
                    + MAX_CONNECTIONS + ", not " + maxConnections + ".");
        }
    }

    private static void within(String variable, Duration value) {
        if (value.compareTo(MIN_TIMEOUT) < 0 || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(variable + " must be from " + MIN_TIMEOUT.toMillis() + "ms to "
                    + MAX_TIMEOUT.toMinutes() + "m, not " + value.toMillis() + "ms.");
        }
    }
}

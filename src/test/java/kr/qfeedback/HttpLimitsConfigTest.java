package kr.qfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import kr.qfeedback.http.HttpLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** QF_HTTP_IDLE_TIMEOUT, QF_HTTP_REQUEST_TIMEOUT, QF_HTTP_MAX_CONNECTIONS: read at start, refused when out of range. */
class HttpLimitsConfigTest {

    private static HttpLimits limits(String name, String value) {
        return ServiceConfig.fromEnvironment(Map.of(name, value)).httpLimits();
    }

    @Test
    void unsetTheListenersCloseIdleConnectionsAfterAMinuteAnswerWithinThirtySecondsAndTakeTenThousandConnections() {
        HttpLimits limits = ServiceConfig.fromEnvironment(Map.of()).httpLimits();

        assertEquals(Duration.ofSeconds(60), limits.idleTimeout());
        assertEquals(Duration.ofSeconds(30), limits.requestTimeout());
        assertEquals(10_000, limits.maxConnections());
    }

    @Test
    void eachSettingIsReadAsOperatorsWriteIt() {
        assertEquals(
                Duration.ofMillis(500), limits("QF_HTTP_IDLE_TIMEOUT", "500ms").idleTimeout());
        assertEquals(
                Duration.ofMinutes(2), limits("QF_HTTP_REQUEST_TIMEOUT", "2m").requestTimeout());
        assertEquals(
                Duration.ofSeconds(15), limits("QF_HTTP_REQUEST_TIMEOUT", "15").requestTimeout());
        assertEquals(200, limits("QF_HTTP_MAX_CONNECTIONS", " 200 ").maxConnections());
    }

    @ParameterizedTest
    @CsvSource({
        "QF_HTTP_IDLE_TIMEOUT, 0",
        "QF_HTTP_IDLE_TIMEOUT, 50ms",
        "QF_HTTP_IDLE_TIMEOUT, 61m",
        "QF_HTTP_IDLE_TIMEOUT, soon",
        "QF_HTTP_REQUEST_TIMEOUT, 0s",
        "QF_HTTP_REQUEST_TIMEOUT, 2h",
        "QF_HTTP_REQUEST_TIMEOUT, -5s",
        "QF_HTTP_MAX_CONNECTIONS, 0",
        "QF_HTTP_MAX_CONNECTIONS, 1000001",
        "QF_HTTP_MAX_CONNECTIONS, many"
    })
    void aSettingOutOfRangeIsRefusedAtStartNamingTheVariable(String name, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> limits(name, value));

        assertTrue(e.getMessage().startsWith(name + " must be"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }
}

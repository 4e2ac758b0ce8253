package kr.qfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** QF_SHUTDOWN_GRACE: how long a stop waits; 20 s unless set, refused at start when it cannot be read. */
class ShutdownGraceConfigTest {

    private static Duration grace(String value) {
        return ServiceConfig.fromEnvironment(Map.of("QF_SHUTDOWN_GRACE", value)).shutdownGrace();
    }

    @Test
    void theGraceIsTwentySecondsWhenNotSetOrBlank() {
        assertEquals(
                Duration.ofSeconds(20), ServiceConfig.fromEnvironment(Map.of()).shutdownGrace());
        assertEquals(Duration.ofSeconds(20), grace("  "));
    }

    @Test
    void theGraceIsReadInSecondsMillisecondsMinutesOrAsABareNumberOfSeconds() {
        assertEquals(Duration.ofSeconds(20), grace("20s"));
        assertEquals(Duration.ofMillis(500), grace("500ms"));
        assertEquals(Duration.ofSeconds(20), grace("20"));
        assertEquals(Duration.ofSeconds(45), grace(" 45 S "));
        assertEquals(Duration.ofMinutes(2), grace("2m"));
        assertEquals(Duration.ZERO, grace("0"));
    }

    @Test
    void aGraceThatCannotBeReadIsRefusedWithASentenceNamingTheVariable() {
        for (String bad : new String[] {"twenty", "-5s", "1.5s", "20 seconds", "10h", "2m30s", "61m"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> grace(bad), bad);
            assertTrue(e.getMessage().startsWith("QF_SHUTDOWN_GRACE must be"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }
}

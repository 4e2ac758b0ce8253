package kr.qfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** QF_IMPACT_MAX_SIZE: the largest impact cohort; 100 000 unless set, refused at start when it cannot be read. */
class ImpactMaxSizeConfigTest {

    @Test
    void theLargestImpactCohortIsOneHundredThousandUnlessSet() {
        assertEquals(100_000, ServiceConfig.fromEnvironment(Map.of()).impactMaxSize(), "README's documented default");
        assertEquals(
                250_000,
                ServiceConfig.fromEnvironment(Map.of("QF_IMPACT_MAX_SIZE", " 250000 "))
                        .impactMaxSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "lots", "10000001"})
    void aValueThatIsNotAWholeNumberInRangeStopsTheStartNamingTheVariable(String value) {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> ServiceConfig.fromEnvironment(Map.of("QF_IMPACT_MAX_SIZE", value)));
        assertTrue(
                refused.getMessage()
                        .startsWith("QF_IMPACT_MAX_SIZE must be a whole number of candidates from 1 to 10000000"),
                refused.getMessage());
    }
}

package kr.qfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import kr.qfeedback.lifecycle.PublishApproval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** QF_PUBLISH_APPROVAL: off unless set; required turns a publish into a request a second person decides. */
class PublishApprovalConfigTest {

    @Test
    void aPublishGoesLiveAtOnceUnlessApprovalIsRequired() {
        assertEquals(
                PublishApproval.OFF, ServiceConfig.fromEnvironment(Map.of()).publishApproval());
        assertEquals(
                PublishApproval.OFF,
                ServiceConfig.fromEnvironment(Map.of("QF_PUBLISH_APPROVAL", "off"))
                        .publishApproval());
        assertEquals(
                PublishApproval.REQUIRED,
                ServiceConfig.fromEnvironment(Map.of("QF_PUBLISH_APPROVAL", " Required "))
                        .publishApproval());
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "yes", "two"})
    void anotherValueStopsTheStartNamingTheVariableAndWhatItAccepts(String value) {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> ServiceConfig.fromEnvironment(Map.of("QF_PUBLISH_APPROVAL", value)));
        assertTrue(refused.getMessage().startsWith("QF_PUBLISH_APPROVAL must be 'off'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("'required'"), refused.getMessage());
    }
}

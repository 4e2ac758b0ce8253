package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import kr.qfeedback.testing.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * QF_PUBLISH_APPROVAL=off (the default): a publish goes live at once, as RulesPublishHttpTest shows;
 * the requests list says so and is empty.
 */
class PublishApprovalOffHttpTest {
    @RegisterExtension
    static final LiveServer server = LiveServer.withLifecycle();

    @Test
    void withApprovalOffTheRequestsListSaysSoAndHoldsNothing() {
        HttpResponse<String> response = server.get("/v1/rules/pending", LiveServer.AUTHOR_TOKEN);
        assertEquals(200, response.statusCode(), response::body);
        JsonObject list = json(response);
        assertEquals("off", list.getString("approval"));
        assertEquals(0, list.getJsonArray("requests").size());
        assertEquals(server.activeId(), list.getString("active"));
    }
}

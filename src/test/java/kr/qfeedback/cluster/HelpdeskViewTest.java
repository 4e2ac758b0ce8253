package kr.qfeedback.cluster;

import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.http.FeedbackApi;
import kr.qfeedback.http.RulesApi;
import kr.qfeedback.http.ServiceMetrics;
import kr.qfeedback.http.TokenRegistry;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.AuditEntry;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helpdesk view on the service as {@code serve} wires it (a real Hazelcast member keeping the
 * records, the rules lifecycle, the real rules): decisions made before a publish are read after it
 * with the helpdesk role, and the page is the one their POST answered, byte for byte.
 */
class HelpdeskViewTest {
    private static final String DECIDE = "decide-token-for-the-helpdesk-view";
    private static final String AUTHOR = "author-token-for-the-helpdesk-view";
    private static final String HELPDESK = "helpdesk-token-of-lee-for-the-helpdesk-view";
    private static final String CANDIDATE = "helpdesk-candidate-4471";
    private static final String BIRTH_DATE = "1998-07-19";
    private static final String SHIPPED_TITLE = "\"{qualificationName} 필기시험에 합격하셨습니다\"";
    private static final String NEW_TITLE = "\"{qualificationName} 필기시험에 합격하셨습니다 — 축하드립니다\"";

    @Test
    @Timeout(300)
    void aDecisionMadeBeforeAPublishIsRebuiltForTheHelpdeskAfterItAsTheBytesItsPostAnswered(@TempDir Path temp)
            throws Exception {
        try (LogLines log = new LogLines();
                LocalMembers members = new LocalMembers()) {
            HazelcastInstance hz = members.start(members.config(1, List.of()));
            RulesLifecycle lifecycle = LiveServer.newLifecycle(LiveServer.seededDataDir(temp.resolve("data")));
            ClusterNode node = ClusterNode.of(
                    new ClusterSettings(List.of("127.0.0.1:0"), 0, "127.0.0.1", 1, members.secret()), hz, lifecycle);
            members.closing(node::close);
            LocalMembers.awaitQuorum(hz);
            node.join(() -> lifecycle.start(RuleFiles.read(ShippedRules.FOLDER), false));
            String before = LocalMembers.activeVersion(lifecycle);

            try (ServiceMetrics metrics = new ServiceMetrics();
                    LiveServer server = LiveServer.withApi(new FeedbackApi(
                                    lifecycle.active(),
                                    TokenRegistry.parse("decide:" + DECIDE + ",author:" + AUTHOR
                                            + ",helpdesk:lee.helpdesk:" + HELPDESK),
                                    metrics,
                                    Clock.systemUTC(),
                                    new RulesApi(
                                            lifecycle,
                                            (rules, size, seed) -> CohortGenerator.list(
                                                    rules.reference(), rules.parameters(), seed, size),
                                            temp.resolve("uploads")),
                                    node.decisions(),
                                    node))
                            .start()) {
                // As Q-Net sends them: pretty-printed; one explained, one without asOf (the day comes
                // from the clock). (A calendar answer carries no decision id; DecisionReplayTest rebuilds one.)
                String request = ExampleRequests.EXAMPLE_REQUEST
                        .replace("cand-0001", CANDIDATE)
                        .replace("1999-05-02", BIRTH_DATE);
                String withoutAsOf = request.replace("\"asOf\": \"2026-03-11\",", "");
                HttpResponse<String> plain = decide(server, "/v1/feedback", request, "application/json");
                HttpResponse<String> explained =
                        decide(server, "/v1/feedback?explain=true", request, "application/json");
                HttpResponse<String> today = decide(server, "/v1/feedback", withoutAsOf, "application/json");
                awaitWritten((ClusterDecisions) node.decisions(), 3);

                // Two harmless changes go live through the API, one after the other: the example's
                // title changes, then changes again (so the first version is compiled anew to be replayed).
                publish(server, SHIPPED_TITLE, NEW_TITLE);
                publish(server, SHIPPED_TITLE, NEW_TITLE.replace("축하드립니다", "축하합니다"));
                String after = LocalMembers.activeVersion(lifecycle);
                assertNotEquals(before, after);
                String now = decide(server, "/v1/feedback", request, "application/json")
                        .body();
                assertTrue(now.contains("축하합니다"), "a decision made now has the new title");

                for (HttpResponse<String> original : List.of(plain, explained, today)) {
                    String id = json(original).getString("decisionId");
                    HttpResponse<String> read = server.get("/v1/decisions/" + id, HELPDESK);
                    assertEquals(200, read.statusCode(), read::body);
                    assertEquals(original.body(), pageIn(read.body()), "the page as its POST answered it");
                    JsonObject view = json(read);
                    assertEquals(id, view.getString("decisionId"));
                    assertEquals(before, view.getString("rulesVersion"));
                    assertEquals("application/json", view.getString("answeredAs"));
                    JsonArray trace = view.getJsonArray("trace");
                    assertFalse(trace.isEmpty(), "결정 근거");
                    assertEquals("RESULT_SUMMARY", trace.getJsonObject(0).getString("section"));
                    assertTrue(trace.getJsonObject(0).getString("source").contains("sections.drl.xlsx"), read::body);

                    AuditEntry entry = readOf(lifecycle, id);
                    assertEquals(AuditAction.RECORD_READ, entry.action());
                    assertEquals("lee.helpdesk", entry.who());
                    assertTrue(entry.note().contains(id) && entry.note().contains("상담 화면 조회"), entry.note());
                    assertFalse(entry.note().contains(CANDIDATE), entry.note());
                }
                assertEquals("2026-03-11", json(plain).getString("asOf"), "the example is decided on its own asOf");

                // The author role reads the record as it always has; the decide role reads nothing.
                String id = json(plain).getString("decisionId");
                HttpResponse<String> record = server.get("/v1/decisions/" + id, AUTHOR);
                assertEquals(200, record.statusCode(), record::body);
                assertEquals(
                        List.of(
                                "decisionId",
                                "candidateId",
                                "rulesVersion",
                                "asOf",
                                "outcome",
                                "sections",
                                "decidedAt"),
                        List.copyOf(json(record).fieldNames()));
                assertEquals(CANDIDATE, json(record).getString("candidateId"));
                assertEquals(403, server.get("/v1/decisions/" + id, DECIDE).statusCode());
                assertEquals(
                        404,
                        server.get("/v1/decisions/" + java.util.UUID.randomUUID(), HELPDESK)
                                .statusCode());
            }
            // Nothing of the requests reached the log: neither the candidate nor the birth date.
            assertFalse(log.text().contains(CANDIDATE), "the candidate id was logged");
            assertFalse(log.text().contains(BIRTH_DATE), "the birth date was logged");
        }
    }

    private static void publish(LiveServer server, String from, String to) {
        HttpResponse<String> published = server.upload(
                "/v1/rules/publish",
                AUTHOR,
                Part.file("messages.yaml", ShippedRules.textWith("messages.yaml", from, to)),
                Part.field("note", "상담 화면 재현 시험"));
        assertEquals(200, published.statusCode(), published::body);
        assertEquals(true, json(published).getBoolean("published"), published::body);
    }

    private static HttpResponse<String> decide(LiveServer server, String path, String body, String accept) {
        HttpResponse<String> answer = server.send(server.request(path)
                .header("Authorization", "Bearer " + DECIDE)
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
        assertEquals(200, answer.statusCode(), answer::body);
        return answer;
    }

    /** The bytes of {@code page} in the helpdesk's answer, as they were spliced in. */
    private static String pageIn(String view) {
        int start = view.indexOf(",\"page\":") + ",\"page\":".length();
        int end = view.lastIndexOf(",\"trace\":");
        return view.substring(start, end);
    }

    private static AuditEntry lastAuditEntry(RulesLifecycle lifecycle) {
        List<AuditEntry> entries = lifecycle.audit().entries();
        return entries.get(entries.size() - 1);
    }

    /**
     * The audit entry of the helpdesk's read of {@code id}, the newest one naming it: found by what it
     * says, not by being last, since the members' own entries of a publish may land after its answer.
     */
    private static AuditEntry readOf(RulesLifecycle lifecycle, String id) {
        List<AuditEntry> entries = lifecycle.audit().entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            AuditEntry entry = entries.get(i);
            if (entry.action() == AuditAction.RECORD_READ && entry.note().contains(id)) {
                return entry;
            }
        }
        return lastAuditEntry(lifecycle);
    }

    private static void awaitWritten(ClusterDecisions records, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (records.written() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, records.written(), "records written to the cluster");
    }
}

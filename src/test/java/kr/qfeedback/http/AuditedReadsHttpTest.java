package kr.qfeedback.http;

import static kr.qfeedback.testing.LiveServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.AuditEntry;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.records.DecisionRecord;
import kr.qfeedback.records.DecisionRecords;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.testing.ExampleRequests;
import kr.qfeedback.testing.LiveServer;
import kr.qfeedback.testing.LiveServer.Part;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading a decision record, a validate and an impact run each leave an audit entry naming who, and when. */
class AuditedReadsHttpTest {
    private static final String DECIDE = "decide-token-for-audited-reads";
    private static final String AUTHOR = "author-token-of-kim-for-audited-reads";
    private static final RulesLifecycle LIFECYCLE = startedLifecycle();
    /** The records of this server's decisions, in memory (the cluster's store is tested in cluster/). */
    private static final Map<String, DecisionRecord> RECORDS = new ConcurrentHashMap<>();

    @RegisterExtension
    static final LiveServer server = LiveServer.withApi(new FeedbackApi(
            LIFECYCLE.active(),
            TokenRegistry.parse("decide:" + DECIDE + ",author:kim.policy:" + AUTHOR),
            new ServiceMetrics(),
            Clock.systemUTC(),
            new RulesApi(
                    LIFECYCLE,
                    (rules, size, seed) -> CohortGenerator.list(rules.reference(), rules.parameters(), seed, size),
                    LIFECYCLE.store().dataDir().resolve("uploads")),
            new DecisionRecords() {
                @Override
                public void record(FeedbackDecision decision, String candidateId) {
                    RECORDS.put(
                            decision.decisionId(), DecisionRecord.of(decision, candidateId, java.time.Instant.now()));
                }

                @Override
                public CompletionStage<Optional<JsonObject>> find(String decisionId) {
                    return CompletableFuture.completedFuture(
                            Optional.ofNullable(RECORDS.get(decisionId)).map(DecisionRecord::toJson));
                }
            },
            null));

    private static RulesLifecycle startedLifecycle() {
        try {
            Path data = LiveServer.seededDataDir(
                    Files.createTempDirectory("qf-audited-reads-").resolve("data"));
            RulesLifecycle lifecycle = LiveServer.newLifecycle(data);
            lifecycle.start(RuleFiles.read(ShippedRules.FOLDER), false);
            return lifecycle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readingADecisionRecordAddsAnEntryWithWhoWhenAndTheDecisionIdButNeverTheCandidate() {
        HttpResponse<String> decided =
                server.post("/v1/feedback", DECIDE, "application/json", ExampleRequests.EXAMPLE_REQUEST);
        assertEquals(200, decided.statusCode(), decided::body);
        String id = json(decided).getString("decisionId");
        String candidate = ExampleRequests.example().getString("candidateId");

        HttpResponse<String> read = server.get("/v1/decisions/" + id, AUTHOR);
        assertEquals(200, read.statusCode(), read::body);
        assertEquals(candidate, json(read).getString("candidateId"));

        AuditEntry entry = last();
        assertEquals(AuditAction.RECORD_READ, entry.action());
        assertEquals("kim.policy", entry.who());
        assertNotNull(entry.at());
        assertTrue(entry.note().contains(id), entry.note());
        assertFalse(entry.note().contains(candidate), entry.note());

        // A look-up of something that is not a decision id (a candidate id, say) is audited without it.
        assertEquals(404, server.get("/v1/decisions/" + candidate, AUTHOR).statusCode());
        AuditEntry miss = last();
        assertEquals(AuditAction.RECORD_READ, miss.action());
        assertFalse(miss.note().contains(candidate), miss.note());
        assertTrue(LIFECYCLE.audit().verify().ok());
    }

    @Test
    void aValidateAndAnImpactRunEachAddAnEntryNamingWhoAndTheVersions() {
        String active = LIFECYCLE.active().current().orElseThrow().version();
        byte[] parameters = ShippedRules.textWith("parameters.yaml", "청년 할인 최대 나이: 34", "청년 할인 최대 나이: 39");

        HttpResponse<String> validated =
                server.upload("/v1/rules/validate", AUTHOR, Part.file("parameters.yaml", parameters));
        assertEquals(200, validated.statusCode(), validated::body);
        String uploaded = json(validated).getString("version");
        AuditEntry validate = last();
        assertEquals(AuditAction.VALIDATE, validate.action());
        assertEquals("kim.policy", validate.who());
        assertEquals(active, validate.from());
        assertEquals(uploaded, validate.to());

        HttpResponse<String> impact =
                server.upload("/v1/rules/impact?size=300&seed=3", AUTHOR, Part.file("parameters.yaml", parameters));
        assertEquals(200, impact.statusCode(), impact::body);
        AuditEntry run = last();
        assertEquals(AuditAction.IMPACT, run.action());
        assertEquals("kim.policy", run.who());
        assertEquals(active, run.from());
        assertEquals(uploaded, run.to());
        assertNull(run.diff().isEmpty() ? null : run.diff());
    }

    private static AuditEntry last() {
        List<AuditEntry> entries = LIFECYCLE.audit().entries();
        return entries.get(entries.size() - 1);
    }
}

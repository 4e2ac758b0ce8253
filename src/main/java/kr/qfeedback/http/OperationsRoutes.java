package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import kr.qfeedback.lifecycle.AuditLog;
import kr.qfeedback.lifecycle.ClusterStatus;
import kr.qfeedback.records.DecisionRecords;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators and Q-Net ask besides decisions: liveness and readiness (503 at once when the node
 * stops), the metrics scrape ({@link ServiceMetrics}), the OpenAPI document and the record of one decision
 * (each read is written to the audit log, with who read it, before the record is answered).
 */
final class OperationsRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsRoutes.class);

    private final ActiveRuleSet rules;
    private final ServiceMetrics metrics;
    private final ServerStop stop;
    private final DecisionRecords records;
    private final ClusterStatus cluster;
    private final RecordReadAudit audit;
    private final Buffer openApi = Buffer.buffer(resource("/openapi.yaml"));

    /**
     * {@code records} and {@code cluster} may be null: no records kept, a node on its own;
     * {@code audit} is null only without a rules lifecycle (then reads of records are not audited).
     */
    OperationsRoutes(
            ActiveRuleSet rules,
            ServiceMetrics metrics,
            ServerStop stop,
            DecisionRecords records,
            ClusterStatus cluster,
            AccessControl access,
            AuditLog audit,
            Clock clock) {
        this.audit = new RecordReadAudit(access, audit, clock);
        this.rules = rules;
        this.metrics = metrics;
        this.stop = stop;
        this.records = records;
        this.cluster = cluster;
        metrics.service(() -> rules.current().map(RuleSet::version).orElse(null), this::ready);
        if (cluster != null) {
            metrics.bind(cluster);
        }
    }

    /** Ready: not stopping, a rules version active and, in a cluster, joined. */
    private boolean ready() {
        return !stop.stopping() && rules.current().isPresent() && (cluster == null || cluster.joined());
    }

    void handleLive(RoutingContext ctx) {
        if (stop.stopping()) {
            stop.closeAfterAnswer(ctx);
        }
        Answers.json(ctx, 200, new JsonObject().put("status", "UP"));
    }

    void handleReady(RoutingContext ctx) {
        Optional<RuleSet> active = rules.current();
        boolean stopping = stop.stopping();
        boolean ready = ready();
        if (stopping) {
            stop.closeAfterAnswer(ctx);
        }
        JsonObject body = new JsonObject()
                .put("status", stopping ? "STOPPING" : ready ? "READY" : "NOT_READY")
                .put("rulesVersion", active.map(RuleSet::version).orElse(null));
        if (cluster != null) {
            body.put("cluster", new JsonObject().put("joined", cluster.joined()).put("members", cluster.members()));
        }
        Answers.json(ctx, ready ? 200 : 503, body);
    }

    void handleDecisionRecord(RoutingContext ctx) {
        String id = ctx.pathParam("decisionId");
        if (!RecordReadAudit.plausible(id)) {
            Answers.error(ctx, ApiError.unknownDecision(id == null ? "" : id.substring(0, Math.min(id.length(), 64))));
            return;
        }
        if (records == null) {
            Answers.error(ctx, ApiError.unknownDecision(id));
            return;
        }
        Future.fromCompletionStage(records.find(id), ctx.vertx().getOrCreateContext())
                .onComplete(found -> {
                    if (found.failed()) {
                        LOG.warn(
                                "the decision record could not be read: {}",
                                found.cause().toString());
                        Answers.error(ctx, ApiError.clusterUnavailable());
                        return;
                    }
                    audit.append(ctx, id, found.result().isPresent(), "결정 기록 조회")
                            .onComplete(written -> {
                                if (written.failed()) {
                                    Answers.failure(ctx, written.cause()); // no record leaves without its audit entry
                                } else if (found.result().isEmpty()) {
                                    Answers.error(ctx, ApiError.unknownDecision(id));
                                } else {
                                    Answers.json(ctx, 200, found.result().get());
                                }
                            });
                });
    }

    /** The scrape runs on a worker thread: the cluster's gauges may wait for Hazelcast. */
    void handleMetrics(RoutingContext ctx) {
        ctx.vertx().executeBlocking(metrics::scrape, false).onComplete(scraped -> {
            if (scraped.failed()) {
                Answers.failure(ctx, scraped.cause());
                return;
            }
            ApiHeaders.add(ctx.response())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                    .end(scraped.result());
        });
    }

    void handleOpenApi(RoutingContext ctx) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8")
                .end(openApi);
    }

    private static byte[] resource(String name) {
        try (InputStream in = OperationsRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + name + " is missing from the jar.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

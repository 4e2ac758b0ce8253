package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import kr.qfeedback.lifecycle.StoredRuleSets;
import kr.qfeedback.lifecycle.UnknownVersionException;
import kr.qfeedback.lifecycle.VersionStoreException;
import kr.qfeedback.records.DecisionRecords;
import kr.qfeedback.records.DecisionRecords.WithRequest;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.DecisionReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/decisions/{decisionId}} for the helpdesk role: the page the candidate saw, rebuilt
 * by deciding the kept request again on the rules version it was decided with
 * ({@link DecisionReplay}), with its trace. Each read is audited before anything is answered; the
 * request (birth date, scores) is never logged, and a failure is logged by its kind only.
 */
final class HelpdeskView {
    private static final Logger LOG = LoggerFactory.getLogger(HelpdeskView.class);
    static final String AUDIT_NOTE = "상담 화면 조회";

    private final ActiveRuleSet active;
    private final StoredRuleSets versions;
    private final DecisionRecords records;
    private final RecordReadAudit audit;

    /** {@code versions} null: only decisions of the active version are rebuilt; {@code records} null: none is found. */
    HelpdeskView(ActiveRuleSet active, StoredRuleSets versions, DecisionRecords records, RecordReadAudit audit) {
        this.active = active;
        this.versions = versions;
        this.records = records;
        this.audit = audit;
    }

    void handle(RoutingContext ctx) {
        String id = ctx.pathParam("decisionId");
        if (!RecordReadAudit.plausible(id) || records == null) {
            Answers.error(ctx, ApiError.unknownDecision(id == null ? "" : id.substring(0, Math.min(id.length(), 64))));
            return;
        }
        Future.fromCompletionStage(records.findWithRequest(id), ctx.vertx().getOrCreateContext())
                .onComplete(found -> {
                    if (found.failed()) {
                        LOG.warn(
                                "the decision record could not be read: {}",
                                found.cause().getClass().getSimpleName());
                        Answers.error(ctx, ApiError.clusterUnavailable());
                        return;
                    }
                    audit.append(ctx, id, found.result().isPresent(), AUDIT_NOTE)
                            .onComplete(written -> {
                                if (written.failed()) {
                                    Answers.failure(ctx, written.cause()); // nothing leaves without its audit entry
                                } else if (found.result().isEmpty()) {
                                    Answers.error(ctx, ApiError.unknownDecision(id));
                                } else if (found.result().get().request() == null) {
                                    Answers.error(ctx, ApiError.pageNotKept(id));
                                } else {
                                    rebuild(ctx, id, found.result().get());
                                }
                            });
                });
    }

    private void rebuild(RoutingContext ctx, String id, WithRequest kept) {
        String version = kept.record().getString("rulesVersion");
        Future.fromCompletionStage(ruleSet(version), ctx.vertx().getOrCreateContext())
                .onComplete(rules -> {
                    if (rules.failed()) {
                        Throwable cause = rules.cause() instanceof CompletionException c && c.getCause() != null
                                ? c.getCause()
                                : rules.cause();
                        if (cause instanceof VersionStoreException) {
                            Answers.error(ctx, ApiError.versionNotStored(version));
                        } else {
                            Answers.failure(ctx, cause);
                        }
                        return;
                    }
                    try {
                        DecisionReplay.Page page = DecisionReplay.replay(kept.request(), id, rules.result());
                        Answers.json(
                                ctx,
                                200,
                                DecisionReplay.helpdeskView(
                                        page, Instant.parse(kept.record().getString("decidedAt"))));
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "the page of a decision could not be rebuilt: {}",
                                e.getClass().getSimpleName());
                        Answers.error(ctx, ApiError.replayFailed(id));
                    }
                });
    }

    /** The rule set of {@code version}: the active one, or a stored one compiled on demand. */
    private CompletionStage<RuleSet> ruleSet(String version) {
        if (versions != null) {
            return versions.ruleSet(version);
        }
        return active.current()
                .filter(r -> r.version().equals(version))
                .map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(
                        new UnknownVersionException(version, "Only the active version is at hand.")));
    }
}

package kr.qfeedback.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import kr.qfeedback.lifecycle.AuditAction;
import kr.qfeedback.lifecycle.AuditLog;

/**
 * Writes every read of a decision record, as a record (author) or as the page rebuilt (helpdesk),
 * to the audit log before anything is answered: who read, when, and the decision id — never the
 * candidate, and the id only when it has the shape of a decision id, so that a candidate id typed in
 * by mistake never reaches the log.
 */
final class RecordReadAudit {
    /** A decision id: 32 hex digits in the 8-4-4-4-12 layout. */
    private static final Pattern DECISION_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    /** {@code audit} is null only without a rules lifecycle (then reads are not audited). */
    RecordReadAudit(AccessControl access, AuditLog audit, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Appends {@code what} (in Korean: "결정 기록 조회", "상담 화면 조회") of {@code id} by this request's caller. */
    Future<Void> append(RoutingContext ctx, String id, boolean found, String what) {
        if (audit == null) {
            return Future.succeededFuture();
        }
        String who = access.caller(ctx);
        String note =
                what + " " + (DECISION_ID.matcher(id).matches() ? id : "(결정 ID 형식이 아닌 값)") + (found ? "" : ": 없음");
        return ctx.vertx()
                .executeBlocking(
                        () -> {
                            audit.append(who, clock.instant(), AuditAction.RECORD_READ, null, null, List.of(), note);
                            return null;
                        },
                        false);
    }

    /** Whether {@code id} could name a decision at all (not empty, at most 64 characters). */
    static boolean plausible(String id) {
        return id != null && !id.isEmpty() && id.length() <= 64;
    }
}

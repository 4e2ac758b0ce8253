package kr.qfeedback.lifecycle;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.qfeedback.rules.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two people to publish (기안 → 결재): an author's publish that passed its checks becomes a request
 * (audited as REQUEST); a second person approves it, and only then are the publish checks run again
 * against the version active then and the switch made, as a publish makes it (audited as PUBLISH
 * naming both), or returns it with a reason (audited as RETURN). A request is decided once.
 */
public final class PublishApprovals {
    private static final Logger LOG = LoggerFactory.getLogger(PublishApprovals.class);

    private final RulesLifecycle lifecycle;
    private final PendingPublishes pending;
    private final Clock clock;
    /** Requests an approver is deciding right now: a second decision of the same one is refused, not run twice. */
    private final Set<String> deciding = ConcurrentHashMap.newKeySet();

    public PublishApprovals(RulesLifecycle lifecycle, PendingPublishes pending, Clock clock) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle must not be null");
        this.pending = Objects.requireNonNull(pending, "pending must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** An approval's outcome: the publish answer, and the request (APPROVED when it went live, else still PENDING). */
    public record Approval(PublishResult result, PendingRequest request) {}

    public PendingPublishes pending() {
        return pending;
    }

    /**
     * Records a request to publish {@code files}, which passed the publish checks ({@code verdict}),
     * with the validation report and impact summary as JSON text.
     */
    public PendingRequest request(
            RuleFiles files, PublishChecks.Verdict verdict, String author, String note, String report, String impact) {
        if (!verdict.passed()) {
            throw new IllegalArgumentException("Only a candidate that passed the publish checks can be requested.");
        }
        var now = clock.instant();
        PendingRequest request = pending.create(files, verdict.from(), author, now, note, report, impact);
        RuleFiles base = verdict.from() == null ? null : loadQuietly(verdict.from());
        lifecycle
                .audit()
                .append(
                        author,
                        now,
                        AuditAction.REQUEST,
                        verdict.from(),
                        files.version(),
                        RuleDiff.between(base, files),
                        "게시 결재 요청 " + request.id() + (blank(note) ? "" : ": " + note));
        LOG.info("publish of {} requested as {} by {}", files.version(), request.id(), author);
        return request;
    }

    /**
     * A second person approves: the publish checks run again against the active version and, when
     * they pass, the switch is made in the approver's name with a note naming the author.
     *
     * @throws ApprovalRefusedException when there is no such request, it is the approver's own, or it was decided
     */
    public Approval approve(String id, String approver) {
        PendingRequest request = decidable(id, approver);
        try {
            RuleFiles files = pending.files(request);
            PublishResult result = lifecycle.publish(files, approver, publishNote(request, approver));
            if (!result.published()) {
                LOG.info("approved request {} was refused by the publish checks; it stays pending", id);
                return new Approval(result, request);
            }
            return new Approval(
                    result, pending.update(request.decided(PendingState.APPROVED, approver, clock.instant(), null)));
        } finally {
            deciding.remove(id);
        }
    }

    /**
     * An approver sends the request back to its author with {@code reason}; nothing is switched.
     *
     * @throws ApprovalRefusedException when there is no such request, it is the approver's own, or it was decided
     */
    public PendingRequest giveBack(String id, String approver, String reason) {
        if (blank(reason)) {
            throw new IllegalArgumentException("A returned request needs the reason.");
        }
        PendingRequest request = decidable(id, approver);
        try {
            PendingRequest returned =
                    pending.update(request.decided(PendingState.RETURNED, approver, clock.instant(), reason));
            lifecycle
                    .audit()
                    .append(
                            approver,
                            returned.decidedAt(),
                            AuditAction.RETURN,
                            request.base(),
                            request.version(),
                            java.util.List.of(),
                            "게시 결재 반려 " + id + " (기안자 " + request.author() + "): " + reason);
            return returned;
        } finally {
            deciding.remove(id);
        }
    }

    /** The request, claimed for this decision; refused when unknown, the approver's own, decided or being decided. */
    private PendingRequest decidable(String id, String approver) {
        PendingRequest request = pending.find(id)
                .orElseThrow(() -> new ApprovalRefusedException(
                        ApprovalRefusedException.Reason.UNKNOWN_REQUEST,
                        null,
                        "No requested publish '" + id + "'; GET /v1/rules/pending lists them."));
        if (request.author().equals(approver)) {
            throw new ApprovalRefusedException(
                    ApprovalRefusedException.Reason.SAME_PERSON,
                    request,
                    "'" + approver + "' asked for this publish and cannot also decide it: another person"
                            + " with the approver role must approve or return it.");
        }
        if (!deciding.add(id)) {
            throw alreadyDecided(request, "is being decided by another approver right now");
        }
        PendingRequest now = pending.find(id).orElseThrow();
        if (now.state() != PendingState.PENDING) {
            deciding.remove(id);
            throw alreadyDecided(
                    now, "was already " + now.state() + " by " + now.decidedBy() + " at " + now.decidedAt());
        }
        return now;
    }

    private static ApprovalRefusedException alreadyDecided(PendingRequest request, String why) {
        return new ApprovalRefusedException(
                ApprovalRefusedException.Reason.ALREADY_DECIDED,
                request,
                "Requested publish '" + request.id() + "' " + why + "; a request is decided once."
                        + " Publish again to ask anew.");
    }

    /** The PUBLISH audit entry's note: the request, the author (기안자) and when, the approver (결재자), the note. */
    static String publishNote(PendingRequest request, String approver) {
        return "결재 게시 " + request.id() + ": 기안자 " + request.author() + " (" + request.requestedAt() + " 기안), 결재자 "
                + approver + (blank(request.note()) ? "" : " — " + request.note());
    }

    private RuleFiles loadQuietly(String version) {
        try {
            return lifecycle.store().load(version);
        } catch (VersionStoreException e) {
            LOG.warn("the active version {} could not be read for the request's diff: {}", version, e.getMessage());
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

package kr.qfeedback.lifecycle;

import java.time.Clock;
import java.util.List;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;

/**
 * What a candidate must pass before it may go live, as a publish runs it: compiled, no gap or
 * conflict, every acceptance scenario green. A refusal is recorded in the audit log (VALIDATE) with
 * who asked; nothing is switched here.
 */
public final class PublishChecks {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PublishChecks.class);
    private final RuleChecks checks = new RuleChecks();
    private final AcceptanceGate gate;
    private final AuditLog audit;
    private final Clock clock;

    PublishChecks(AcceptanceGate gate, AuditLog audit, Clock clock) {
        this.gate = gate;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The checks' verdict on a candidate: {@code rules} is the compiled candidate when it passed
     * everything, null when it was refused ({@link #passed()} false).
     */
    public record Verdict(
            String from, String to, CheckReport report, AcceptanceGate.GateResult scenarios, RuleSet rules) {
        public boolean passed() {
            return rules != null;
        }

        /** The publish answer for this verdict (not published), with how long it took. */
        public PublishResult refusal(long millis) {
            return new PublishResult(false, from, to, report, scenarios, millis);
        }
    }

    /** Runs the checks, then the scenarios; {@code from} is the version active now (for the audit entry). */
    Verdict run(RuleFiles files, String who, String from) {
        RuleChecks.Checked checked = checks.check(files);
        if (!checked.report().publishable()) {
            refused(who, from, files, "게시 거부: 검증 또는 완전성 검사 실패");
            return new Verdict(from, files.version(), checked.report(), null, null);
        }
        AcceptanceGate.GateResult scenarios = gate.run(checked.rules(), files);
        if (!scenarios.passed()) {
            refused(who, from, files, "게시 거부: 수용 시나리오 " + scenarios.failures().size() + "개 실패");
            return new Verdict(from, files.version(), checked.report(), scenarios, null);
        }
        return new Verdict(from, files.version(), checked.report(), scenarios, checked.rules());
    }

    /**
     * Runs the acceptance scenarios once on {@code rules} (the active version) at low priority
     * ({@link BackgroundWork}), for nothing but to load and compile the scenario runner: its first
     * run in a JVM takes about 2 s of CPU, later runs a fraction of one, so the first publish after
     * a start no longer pays for it. Not audited; the result is only logged.
     */
    void warm(RuleSet rules) {
        BackgroundWork.submit(() -> gate.run(rules)).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.warn("the publish checks could not be warmed: {}", failure.toString());
            } else {
                LOG.info("publish checks warmed: {} scenarios in {} ms", result.scenarios(), result.millis());
            }
        });
    }

    private void refused(String who, String from, RuleFiles files, String note) {
        audit.append(who, clock.instant(), AuditAction.VALIDATE, from, files.version(), List.of(), note);
    }
}

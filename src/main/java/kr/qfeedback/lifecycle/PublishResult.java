package kr.qfeedback.lifecycle;

import kr.qfeedback.acceptance.AcceptanceGate;

/**
 * The answer to a publish: whether the candidate became the active version, what the checks and
 * the acceptance scenarios found, and how long it took. {@code gate} is null when the checks
 * already refused the candidate.
 */
public record PublishResult(
        boolean published,
        String fromVersion,
        String toVersion,
        CheckReport checks,
        AcceptanceGate.GateResult gate,
        long millis) {}

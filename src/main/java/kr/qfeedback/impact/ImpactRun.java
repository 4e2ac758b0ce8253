package kr.qfeedback.impact;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One impact run over a kept cohort, running in the background: its progress (lines done of the
 * total, once counted), whether someone asked to cancel it, and how it ended. Shared between the
 * run's threads and the requests that read it.
 */
public final class ImpactRun {
    /** Where a run stands. */
    public enum Status {
        RUNNING,
        DONE,
        CANCELLED,
        FAILED
    }

    private final String id;
    private final String cohort;
    private final String activeVersion;
    private final String candidateVersion;
    private final Instant startedAt;
    private final AtomicLong linesDone = new AtomicLong();
    private volatile long linesTotal = -1;
    private volatile boolean cancelRequested;
    private volatile Status status = Status.RUNNING;
    private volatile ImpactReport report;
    private volatile String error;
    private volatile Instant finishedAt;

    ImpactRun(String id, String cohort, String activeVersion, String candidateVersion, Instant startedAt) {
        this.id = id;
        this.cohort = cohort;
        this.activeVersion = activeVersion;
        this.candidateVersion = candidateVersion;
        this.startedAt = startedAt;
    }

    /** What a reader of the run sees at one moment; {@code linesTotal} is null until counted, {@code report} until done. */
    public record Snapshot(
            String id,
            String cohort,
            String activeVersion,
            String candidateVersion,
            Status status,
            boolean cancelRequested,
            long linesDone,
            Long linesTotal,
            Instant startedAt,
            Instant finishedAt,
            String error,
            ImpactReport report) {}

    public Snapshot snapshot() {
        Status now = status;
        long total = linesTotal;
        return new Snapshot(
                id,
                cohort,
                activeVersion,
                candidateVersion,
                now,
                cancelRequested,
                linesDone.get(),
                total < 0 ? null : total,
                startedAt,
                finishedAt,
                error,
                now == Status.DONE ? report : null);
    }

    public String id() {
        return id;
    }

    /** Asks the run to stop; it stops after the chunks in flight and ends {@link Status#CANCELLED}. No effect once finished. */
    public void cancel() {
        cancelRequested = true;
    }

    /** Cancelled on request, or the node is stopping (a run does not hold a stop up until its grace runs out). */
    boolean cancelRequested() {
        return cancelRequested || kr.qfeedback.lifecycle.BackgroundWork.stopping();
    }

    void done(int lines) {
        linesDone.addAndGet(lines);
    }

    long linesDone() {
        return linesDone.get();
    }

    void total(long lines) {
        if (lines >= 0) {
            linesTotal = lines;
        }
    }

    boolean finished() {
        return status != Status.RUNNING;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    void succeeded(ImpactReport result, Instant at) {
        report = result;
        finish(Status.DONE, at);
    }

    void ended(Status how, String why, Instant at) {
        error = why;
        finish(how, at);
    }

    private void finish(Status how, Instant at) {
        finishedAt = at;
        status = how;
    }
}

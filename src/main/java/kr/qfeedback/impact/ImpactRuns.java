package kr.qfeedback.impact;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import kr.qfeedback.lifecycle.BackgroundWork;
import kr.qfeedback.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The impact runs over kept cohorts of this member: started in the rules work's background
 * ({@link BackgroundWork}, so the same capacity and the same refusal when full or stopping), read
 * by id while they run and for {@value #KEEP_FINISHED_MINUTES} minutes after they end (at most
 * {@value #KEEP_FINISHED} finished runs, since their reports hold example pages), cancelled on request.
 */
public final class ImpactRuns {
    private static final Logger LOG = LoggerFactory.getLogger(ImpactRuns.class);
    static final int KEEP_FINISHED = 20;
    static final int KEEP_FINISHED_MINUTES = 60;

    private final Clock clock;
    private final Map<String, ImpactRun> runs = new LinkedHashMap<>();

    public ImpactRuns(Clock clock) {
        this.clock = clock;
    }

    /**
     * Starts comparing {@code active} and {@code candidate} on the cohort file; returns at once.
     *
     * @throws RuntimeException what {@link BackgroundWork#submit} refuses with (rules work full, node stopping)
     */
    public ImpactRun start(String cohort, Path file, RuleSet active, RuleSet candidate) {
        ImpactRun run = new ImpactRun(
                UUID.randomUUID().toString(), cohort, active.version(), candidate.version(), clock.instant());
        CompletableFuture<Void> work = BackgroundWork.submit(() -> {
            execute(run, file, active, candidate);
            return null;
        });
        if (work.isCompletedExceptionally()) {
            try {
                work.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        synchronized (runs) {
            forgetOld();
            runs.put(run.id(), run);
        }
        return run;
    }

    public Optional<ImpactRun> find(String id) {
        synchronized (runs) {
            forgetOld();
            return Optional.ofNullable(runs.get(id));
        }
    }

    private void execute(ImpactRun run, Path file, RuleSet active, RuleSet candidate) {
        LOG.info(
                "impact run {} on cohort {} started ({} -> {})",
                run.id(),
                run.snapshot().cohort(),
                active.version(),
                candidate.version());
        try {
            ImpactReport report = new CohortImpact().compare(active, candidate, file, run);
            run.succeeded(report, clock.instant());
            LOG.info(
                    "impact run {} done: {} lines in {} ms",
                    run.id(),
                    report.lines().read(),
                    report.millis());
        } catch (CancellationException e) {
            run.ended(ImpactRun.Status.CANCELLED, null, clock.instant());
            LOG.info("impact run {} cancelled after {} lines", run.id(), run.linesDone());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.ended(ImpactRun.Status.FAILED, "The run was interrupted (the node is stopping).", clock.instant());
        } catch (java.io.IOException | RuntimeException e) {
            run.ended(ImpactRun.Status.FAILED, "The cohort could not be read: " + e.getMessage(), clock.instant());
            LOG.warn("impact run {} failed: {}", run.id(), e.toString());
        }
    }

    /** Forgets finished runs older than the keeping time, and the oldest finished ones beyond the limit. */
    private void forgetOld() {
        java.time.Instant limit = clock.instant().minus(Duration.ofMinutes(KEEP_FINISHED_MINUTES));
        runs.values().removeIf(r -> r.finished() && r.finishedAt().isBefore(limit));
        long finished = runs.values().stream().filter(ImpactRun::finished).count();
        var it = runs.values().iterator();
        while (finished > KEEP_FINISHED && it.hasNext()) {
            if (it.next().finished()) {
                it.remove();
                finished--;
            }
        }
    }
}

package kr.qfeedback.impact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import kr.qfeedback.decision.FeedbackDecider;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.rules.RuleSet;

/**
 * Decides a cohort with the active and the candidate rule set and counts, per outcome and section,
 * who newly sees a section, who no longer does and who sees it differently. Each side derives its
 * facts with its own reference data and parameters, exactly as a live decision would, and renders
 * the whole page: sections shown or hidden, their order, tone, title, body, data and links are all
 * compared. The first few candidates of each kind of change are kept with both pages. Runs on
 * every core.
 */
public final class ImpactAnalyzer {
    private static final int CHUNK = 2_000;

    /** Compares a generated cohort held in memory; line numbers are 1-based positions in {@code cohort}. */
    public ImpactReport compare(RuleSet active, RuleSet candidate, List<FeedbackRequest> cohort) {
        Objects.requireNonNull(active, "active must not be null");
        Objects.requireNonNull(candidate, "candidate must not be null");
        long started = System.nanoTime();
        FeedbackDecider decider = new FeedbackDecider();
        ImpactTally total = new ImpactTally();
        // At normal priority, as before the cohort runs: the caller waits for this answer (see CohortImpact).
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(ImpactWorkers.THREADS, r -> {
                    Thread t = new Thread(r, "impact");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<ImpactTally>> parts = new ArrayList<>();
            for (int from = 0; from < cohort.size(); from += CHUNK) {
                int first = from;
                List<FeedbackRequest> chunk = cohort.subList(from, Math.min(cohort.size(), from + CHUNK));
                parts.add(pool.submit(() -> compareChunk(chunk, first, decider, active, candidate)));
            }
            for (Future<ImpactTally> part : parts) {
                total.merge(part.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The impact analysis was interrupted.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "The impact analysis failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return report(active, candidate, total, cohort.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static ImpactTally compareChunk(
            List<FeedbackRequest> chunk, int first, FeedbackDecider decider, RuleSet active, RuleSet candidate) {
        ImpactTally tally = new ImpactTally();
        for (int i = 0; i < chunk.size(); i++) {
            FeedbackRequest request = chunk.get(i);
            tally.add(
                    first + i + 1L,
                    request.candidateId(),
                    request.exam().outcome().code(),
                    decider.decide(request, active),
                    decider.decide(request, candidate));
        }
        return tally;
    }

    /** The report of a finished tally: rows by outcome and section, each example's pages rendered once. */
    static ImpactReport report(RuleSet active, RuleSet candidate, ImpactTally tally, int read, long millis) {
        List<ImpactTally.Group> groups = new ArrayList<>(tally.groups.values());
        groups.sort(Comparator.comparing((ImpactTally.Group g) -> g.outcome).thenComparingInt(g -> g.rank));
        List<ImpactReport.SectionImpact> changes = new ArrayList<>();
        Map<Long, ImpactTally.Example> examples = new TreeMap<>();
        for (ImpactTally.Group g : groups) {
            List<ImpactReport.Sample> samples = new ArrayList<>();
            List<ImpactTally.Example> all = new ArrayList<>();
            g.examples.forEach((kind, list) -> {
                for (ImpactTally.Example e : list) {
                    samples.add(new ImpactReport.Sample(kind.name(), e.line(), e.candidateId()));
                    examples.putIfAbsent(e.line(), e);
                    all.add(e);
                }
            });
            all.sort(Comparator.comparingLong(ImpactTally.Example::line));
            Set<String> ids = new LinkedHashSet<>();
            all.forEach(e -> ids.add(e.candidateId()));
            changes.add(new ImpactReport.SectionImpact(
                    g.outcome,
                    g.section,
                    g.newly,
                    g.noLonger,
                    g.differently,
                    new ImpactReport.Differences(g.order, g.tone, g.title, g.body, g.data, g.links),
                    ids.stream().limit(ImpactTally.EXAMPLES).toList(),
                    samples));
        }
        List<ImpactReport.ExamplePage> pages =
                examples.values().stream().map(ExamplePages::of).toList();
        return new ImpactReport(
                active.version(),
                candidate.version(),
                tally.compared,
                tally.affected,
                changes,
                millis,
                new ImpactReport.Lines(
                        read, tally.unreadable, tally.refusedByActive, tally.refusedByCandidate, tally.problems),
                pages);
    }
}

package kr.qfeedback.impact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kr.qfeedback.decision.FeedbackDecider;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.rules.RuleSet;

/**
 * Decides a cohort with the active and the candidate rule set and counts, per outcome and section,
 * who newly sees a section, who no longer does and who sees it differently. Each side derives its
 * facts with its own reference data and parameters, exactly as a live decision would, and renders
 * the whole page: sections shown or hidden, their order, tone, title, body, data and links are all
 * compared. Runs on every core.
 */
public final class ImpactAnalyzer {
    private static final int EXAMPLES = 3;
    private static final int CHUNK = 2_000;

    public ImpactReport compare(RuleSet active, RuleSet candidate, List<FeedbackRequest> cohort) {
        Objects.requireNonNull(active, "active must not be null");
        Objects.requireNonNull(candidate, "candidate must not be null");
        long started = System.nanoTime();
        FeedbackDecider decider = new FeedbackDecider();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "impact");
            t.setDaemon(true);
            return t;
        });
        Map<String, Counter> totals = new HashMap<>();
        AtomicInteger affected = new AtomicInteger();
        try {
            List<Future<Map<String, Counter>>> parts = new ArrayList<>();
            for (int from = 0; from < cohort.size(); from += CHUNK) {
                List<FeedbackRequest> chunk = cohort.subList(from, Math.min(cohort.size(), from + CHUNK));
                parts.add(pool.submit(() -> compareChunk(chunk, decider, active, candidate, affected)));
            }
            for (Future<Map<String, Counter>> part : parts) {
                part.get().forEach((key, counter) -> totals.merge(key, counter, Counter::merge));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The impact analysis was interrupted.", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "The impact analysis failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<ImpactReport.SectionImpact> changes = new ArrayList<>();
        totals.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] key = e.getKey().split("\\|");
            Counter c = e.getValue();
            changes.add(new ImpactReport.SectionImpact(
                    key[0],
                    key[1],
                    c.newly,
                    c.noLonger,
                    c.differently,
                    new ImpactReport.Differences(c.order, c.tone, c.title, c.body, c.data, c.links),
                    c.examples.stream().sorted().limit(EXAMPLES).toList()));
        });
        changes.sort(Comparator.comparing(ImpactReport.SectionImpact::outcome)
                .thenComparing(s -> SectionId.valueOf(s.section())));
        return new ImpactReport(
                active.version(),
                candidate.version(),
                cohort.size(),
                affected.get(),
                changes,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Map<String, Counter> compareChunk(
            List<FeedbackRequest> chunk,
            FeedbackDecider decider,
            RuleSet active,
            RuleSet candidate,
            AtomicInteger affected) {
        Map<String, Counter> counters = new HashMap<>();
        for (FeedbackRequest request : chunk) {
            Map<SectionId, Section> was = bySection(decider.decide(request, active));
            Map<SectionId, Section> is = bySection(decider.decide(request, candidate));
            boolean changed = false;
            String outcome = request.exam().outcome().code();
            for (SectionId id : SectionId.values()) {
                Section a = was.get(id);
                Section b = is.get(id);
                if (a == null && b == null) {
                    continue;
                }
                Counter c = null;
                if (a == null) {
                    c = counters.computeIfAbsent(outcome + "|" + id, k -> new Counter());
                    c.newly++;
                } else if (b == null) {
                    c = counters.computeIfAbsent(outcome + "|" + id, k -> new Counter());
                    c.noLonger++;
                } else {
                    boolean order = a.order() != b.order();
                    boolean tone = a.tone() != b.tone();
                    boolean title = !a.title().equals(b.title());
                    boolean body = !a.body().equals(b.body());
                    boolean data = !a.data().equals(b.data());
                    boolean links = !a.links().equals(b.links());
                    if (order || tone || title || body || data || links) {
                        c = counters.computeIfAbsent(outcome + "|" + id, k -> new Counter());
                        c.differently++;
                        c.order += order ? 1 : 0;
                        c.tone += tone ? 1 : 0;
                        c.title += title ? 1 : 0;
                        c.body += body ? 1 : 0;
                        c.data += data ? 1 : 0;
                        c.links += links ? 1 : 0;
                    }
                }
                if (c != null) {
                    changed = true;
                    if (c.examples.size() < EXAMPLES) {
                        c.examples.add(request.candidateId());
                    }
                }
            }
            if (changed) {
                affected.incrementAndGet();
            }
        }
        return counters;
    }

    private static Map<SectionId, Section> bySection(FeedbackDecision decision) {
        Map<SectionId, Section> map = new EnumMap<>(SectionId.class);
        for (Section s : decision.sections()) {
            map.put(s.id(), s);
        }
        return map;
    }

    /** Mutable only inside one chunk's work; merged at the end. */
    private static final class Counter {
        int newly;
        int noLonger;
        int differently;
        int order;
        int tone;
        int title;
        int body;
        int data;
        int links;
        final List<String> examples = new ArrayList<>();

        static Counter merge(Counter a, Counter b) {
            Counter m = new Counter();
            m.newly = a.newly + b.newly;
            m.noLonger = a.noLonger + b.noLonger;
            m.differently = a.differently + b.differently;
            m.order = a.order + b.order;
            m.tone = a.tone + b.tone;
            m.title = a.title + b.title;
            m.body = a.body + b.body;
            m.data = a.data + b.data;
            m.links = a.links + b.links;
            m.examples.addAll(a.examples);
            m.examples.addAll(b.examples);
            return m;
        }
    }
}

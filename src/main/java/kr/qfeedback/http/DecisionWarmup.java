package kr.qfeedback.http;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes decisions before the server listens ({@code QF_WARMUP_DECISIONS}, default
 * {@value kr.qfeedback.ServiceConfig#DEFAULT_WARMUP_DECISIONS}), so that the JIT has compiled the
 * decision path — parsing, facts, rules, texts, JSON — before the first real request: on a result
 * day the whole cohort arrives within minutes and a cold JVM answers several times slower for its
 * first tens of seconds. The bodies are a generated cohort (realistic, no personal data); nothing
 * is recorded, counted in the metrics or kept.
 */
public final class DecisionWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionWarmup.class);
    private static final int DISTINCT_BODIES = 200;
    private static final long SEED = 20_260_311L;

    private DecisionWarmup() {}

    /** Decisions per round; after each {@link WarmupRounds} decides whether another one pays. */
    static final int ROUND = 1_000;

    /**
     * Runs at most {@code decisions} decisions on {@code threads} threads through {@code api}'s
     * decision path, in rounds of {@value #ROUND}, and stops earlier once a round no longer pays
     * ({@link WarmupRounds}). Returns how many failed.
     */
    public static long run(FeedbackApi api, RuleSet rules, int decisions, int threads) {
        if (decisions <= 0) {
            return 0;
        }
        long started = System.nanoTime();
        List<Buffer> bodies = bodies(rules, Math.min(decisions, DISTINCT_BODIES));
        long generated = (System.nanoTime() - started) / 1_000_000;
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        WarmupRounds rounds = new WarmupRounds();
        while (next.get() < decisions
                && rounds.worthAnother()
                && !Thread.currentThread().isInterrupted()) {
            long end = Math.min(decisions, next.get() + ROUND);
            long from = next.get();
            long cpu = round(api, bodies, next, end, failed, threads);
            rounds.record(cpu, end - from);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (failed.get() > 0) {
            LOG.warn(
                    "warm-up: {} of {} generated requests were refused by the decision path", failed.get(), next.get());
        }
        LOG.info(
                "warm-up: {} decisions (at most {}, QF_WARMUP_DECISIONS) on {} threads in {} ms before listening"
                        + " ({} ms of it generating {} requests); CPU µs per decision by round of {}: {}",
                next.get(),
                decisions,
                threads,
                millis,
                generated,
                bodies.size(),
                ROUND,
                rounds.curve());
        return failed.get();
    }

    /** Decides up to {@code end} on {@code threads} workers; returns the CPU nanoseconds they used. */
    private static long round(
            FeedbackApi api, List<Buffer> bodies, AtomicLong next, long end, AtomicLong failed, int threads) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong cpu = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, threads); t++) {
            Thread worker = new Thread(
                    () -> {
                        long before = mx.getCurrentThreadCpuTime();
                        for (long i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
                            try {
                                api.decideForWarmup(bodies.get((int) (i % bodies.size())));
                            } catch (RuntimeException e) {
                                failed.incrementAndGet(); // a generated body the API refuses: counted and logged
                            }
                        }
                        cpu.addAndGet(mx.getCurrentThreadCpuTime() - before);
                    },
                    "qf-warmup-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // The workers overshoot by one index each: never count past the round's end.
        next.set(Math.min(next.get(), end));
        return cpu.get();
    }

    private static List<Buffer> bodies(RuleSet rules, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size * 700);
        try {
            new CohortGenerator(rules.reference(), rules.parameters()).write(SEED, size, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Buffer> bodies = new ArrayList<>(size);
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                bodies.add(Buffer.buffer(line));
            }
        }
        return bodies;
    }
}

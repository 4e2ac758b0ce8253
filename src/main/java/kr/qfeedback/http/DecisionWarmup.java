package kr.qfeedback.http;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private static final int DISTINCT_BODIES = 2_000;
    private static final long SEED = 20_260_311L;

    private DecisionWarmup() {}

    /** Runs {@code decisions} decisions on {@code threads} threads through {@code api}'s decision path; returns how many failed. */
    public static long run(FeedbackApi api, RuleSet rules, int decisions, int threads) {
        if (decisions <= 0) {
            return 0;
        }
        long started = System.nanoTime();
        List<Buffer> bodies = bodies(rules, Math.min(decisions, DISTINCT_BODIES));
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, threads); t++) {
            Thread worker = new Thread(
                    () -> {
                        for (long i = next.getAndIncrement(); i < decisions; i = next.getAndIncrement()) {
                            try {
                                api.decideForWarmup(bodies.get((int) (i % bodies.size())));
                            } catch (RuntimeException e) {
                                failed.incrementAndGet(); // a generated body the API refuses: counted and logged below
                            }
                        }
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
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (failed.get() > 0) {
            LOG.warn("warm-up: {} of {} generated requests were refused by the decision path", failed.get(), decisions);
        }
        LOG.info(
                "warm-up: {} decisions on {} threads in {} ms before listening (QF_WARMUP_DECISIONS=0 turns it off)",
                decisions,
                threads,
                millis);
        return failed.get();
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

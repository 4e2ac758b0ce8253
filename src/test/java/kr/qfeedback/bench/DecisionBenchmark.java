package kr.qfeedback.bench;

import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.decision.DerivedFacts;
import kr.qfeedback.decision.FactDeriver;
import kr.qfeedback.decision.FeedbackDecider;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleOutcome;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.rules.SectionChoice;
import kr.qfeedback.wire.DecisionJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process decisions per second on one thread (one core) with the shipped rules ({@code rules/},
 * or {@code -Dqf.rules=DIR}) over a pre-generated cohort of realistic requests (fixed seed), cycled
 * in order so that every call decides a different candidate:
 * <ul>
 *   <li>{@code fullDecision}: {@link FeedbackDecider#decide}, i.e. facts, rules (memoised), data and Korean text;</li>
 *   <li>{@code decisionAsJson}: the same decision written as the answer's JSON bytes ({@code DecisionJson}), what
 *       {@code POST /v1/feedback} and the batch do per candidate;</li>
 *   <li>{@code rulesOnly}: {@link FactDeriver} + {@link RuleSet#evaluate} (memoised per canonical profile);</li>
 *   <li>{@code rulesUncached}: {@link FactDeriver} + {@link RuleSet#evaluateUncached} (a Drools session per call);</li>
 *   <li>{@code handWrittenPolicy}: {@link FactDeriver} + {@link HandWrittenPolicy}, the same policy in plain Java (the floor);</li>
 *   <li>{@code deriveOnly}: {@link FactDeriver} + {@link DerivedFacts#profile()}, the share all of the above pay.</li>
 * </ul>
 * Run with {@code bench/jmh.sh}. Prints figures, asserts nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
// Drools needs more than 10 s of JIT warm-up to reach its speed (docs/performance.md).
@Warmup(iterations = 5, time = 4, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 3, timeUnit = TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dfile.encoding=UTF-8", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class DecisionBenchmark {
    static final int COHORT_SIZE = Integer.getInteger("qf.bench.cohort", 20_000);
    static final long SEED = Long.getLong("qf.bench.seed", 2026L);

    private RuleSet rules;
    private FeedbackDecider decider;
    private FactDeriver deriver;
    private HandWrittenPolicy handWritten;
    private FeedbackRequest[] requests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Path dir = Path.of(System.getProperty("qf.rules", "rules"));
        long started = System.nanoTime();
        rules = new RuleSetCompiler().compile(RuleFiles.read(dir));
        long compiled = System.nanoTime();
        List<FeedbackRequest> cohort = CohortGenerator.list(rules.reference(), rules.parameters(), SEED, COHORT_SIZE);
        requests = cohort.toArray(FeedbackRequest[]::new);
        decider = new FeedbackDecider();
        deriver = new FactDeriver(rules.reference(), rules.parameters());
        handWritten = new HandWrittenPolicy(rules.parameters());
        int agree = 0;
        String firstDisagreement = null;
        for (FeedbackRequest request : requests) {
            DerivedFacts facts = deriver.derive(request);
            List<SectionId> byRules = rules.evaluate(facts.profile()).sections().stream()
                    .map(SectionChoice::id)
                    .toList();
            List<SectionId> byHand = handWritten.sections(facts.profile());
            if (byRules.equals(byHand)) {
                agree++;
            } else if (firstDisagreement == null) {
                firstDisagreement = facts.profile() + "\n    rules: " + byRules + "\n    hand:  " + byHand;
            }
        }
        long[] memo = rules.memoStatistics();
        System.out.printf(
                Locale.ROOT,
                "%n[setup] rules %s from %s compiled in %.1f s; cohort of %d requests (seed %d) in %.1f s;"
                        + " %d distinct canonical profiles%n",
                rules.version(),
                dir,
                (compiled - started) / 1e9,
                requests.length,
                SEED,
                (System.nanoTime() - compiled) / 1e9,
                memo[2]);
        System.out.printf(
                Locale.ROOT,
                "[setup] hand-written policy agrees with the compiled rules on %d of %d requests%s%n",
                agree,
                requests.length,
                agree == requests.length
                        ? ""
                        : " -- WARNING: the floor is stale; first difference:\n    " + firstDisagreement);
        next = 0;
    }

    private FeedbackRequest nextRequest() {
        FeedbackRequest request = requests[next];
        if (++next == requests.length) {
            next = 0;
        }
        return request;
    }

    @Benchmark
    public FeedbackDecision fullDecision() {
        return decider.decide(nextRequest(), rules);
    }

    @Benchmark
    public Buffer decisionAsJson() {
        return DecisionJson.toBuffer(decider.decide(nextRequest(), rules), false);
    }

    @Benchmark
    public RuleOutcome rulesOnly() {
        return rules.evaluate(deriver.derive(nextRequest()).profile());
    }

    @Benchmark
    public RuleOutcome rulesUncached() {
        return rules.evaluateUncached(deriver.derive(nextRequest()).profile());
    }

    @Benchmark
    public List<SectionId> handWrittenPolicy() {
        return handWritten.sections(deriver.derive(nextRequest()).profile());
    }

    @Benchmark
    public Object deriveOnly() {
        return deriver.derive(nextRequest()).profile();
    }
}

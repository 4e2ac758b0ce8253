package kr.qfeedback.perf;

import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.qfeedback.cohort.CohortGenerator;
import kr.qfeedback.cohort.RequestJson;
import kr.qfeedback.decision.FeedbackDecider;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.wire.DecisionJson;
import kr.qfeedback.wire.FeedbackRequestParser;

/**
 * A repeatable throughput harness (not a test): decides a generated cohort in process, single
 * thread, and prints decisions per second for three depths — decide only, decide + JSON bytes,
 * and parse + decide + JSON bytes (one batch line).
 *
 * <pre>java -cp target/q-feedback.jar:target/test-classes kr.qfeedback.perf.DecisionThroughput [rulesDir] [size] [rounds]</pre>
 */
public final class DecisionThroughput {
    public static void main(String[] args) {
        Path rulesDir = Path.of(args.length > 0 ? args[0] : "rules");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String only = System.getProperty("only", "");
        RuleSet rules = new RuleSetCompiler().compile(RuleFiles.read(rulesDir));
        List<FeedbackRequest> cohort =
                CohortGenerator.list(rules.reference(), rules.parameters(), CohortGenerator.DEFAULT_SEED, size);
        List<Buffer> lines = new ArrayList<>(size);
        for (FeedbackRequest r : cohort) {
            lines.add(RequestJson.toJson(r).toBuffer());
        }
        FeedbackDecider decider = new FeedbackDecider();
        FeedbackRequestParser parser = new FeedbackRequestParser(Clock.systemUTC());
        for (int round = 1; round <= rounds; round++) {
            long sink = 0;
            if (only.isEmpty() || only.equals("decide")) {
                long t0 = start();
                for (FeedbackRequest r : cohort) {
                    sink += decider.decide(r, rules).sections().size();
                }
                report(round, "decide", size, t0);
            }
            if (only.isEmpty() || only.equals("json")) {
                long t0 = start();
                for (FeedbackRequest r : cohort) {
                    FeedbackDecision d = decider.decide(r, rules);
                    sink += DecisionJson.toBuffer(d, false).length();
                }
                report(round, "decide+json", size, t0);
            }
            if (only.isEmpty() || only.equals("line")) {
                long t0 = start();
                for (Buffer line : lines) {
                    FeedbackDecision d = decider.decide(parser.parse(line), rules);
                    sink += DecisionJson.toBuffer(d, false).length();
                }
                report(round, "parse+decide+json", size, t0);
            }
            if (sink == 42) {
                System.out.println();
            }
        }
        long[] memo = rules.memoStatistics();
        System.out.printf(Locale.ROOT, "memo hits %d misses %d entries %d%n", memo[0], memo[1], memo[2]);
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static long cpuStart;

    private static long start() {
        cpuStart = THREADS.getCurrentThreadCpuTime();
        return System.nanoTime();
    }

    /** Wall-clock and CPU-time rates: the CPU rate is steadier on a machine shared with other jobs. */
    private static void report(int round, String what, int size, long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "round %d %-18s %,10.0f /s per thread wall, %,10.0f /s per CPU-second (%.2f µs CPU each)%n",
                round,
                what,
                size / seconds,
                size / cpu,
                cpu * 1e6 / size);
    }
}

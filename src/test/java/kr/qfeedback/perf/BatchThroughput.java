package kr.qfeedback.perf;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import kr.qfeedback.batch.BatchRunner;
import kr.qfeedback.batch.BatchSummary;
import kr.qfeedback.batch.ProgressSink;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;

/**
 * A repeatable harness for the batch (not a test): runs one cohort file through {@link BatchRunner}
 * several times in one JVM, after one rules compile, and prints the process's CPU time per line for
 * each round. From the third round on the JIT has settled, so the figure is the steady cost of a
 * line (reader, workers, writer, GC), which a machine shared with other jobs disturbs far less
 * than wall-clock time.
 *
 * <pre>java -cp target/q-feedback.jar:target/test-classes kr.qfeedback.perf.BatchThroughput IN [rounds] [threads] [csv]</pre>
 *
 * {@code IN} is a cohort file ({@code java -jar target/q-feedback.jar cohort --size 1000000 --out IN});
 * the decisions go to {@code /dev/null}, and with {@code csv} = {@code true} (the default) so do the
 * text messages ({@code batch --notifications}).
 */
public final class BatchThroughput {
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2
                ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        boolean csv = args.length <= 3 || Boolean.parseBoolean(args[3]);
        RuleSet rules = new RuleSetCompiler().compile(RuleFiles.read(Path.of(System.getProperty("rules", "rules"))));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path devNull = Path.of("/dev/null");
        for (int round = 1; round <= rounds; round++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            BatchSummary summary =
                    new BatchRunner().run(in, devNull, csv ? devNull : null, rules, threads, ProgressSink.silent());
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "round %d: %d lines, %.2f µs CPU per line (%.1f s CPU, %.1f s wall, load %.1f)%n",
                    round,
                    summary.lines(),
                    cpu * 1e6 / summary.lines(),
                    cpu,
                    wall,
                    os.getSystemLoadAverage());
        }
    }
}

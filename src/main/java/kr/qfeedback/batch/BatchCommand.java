package kr.qfeedback.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.qfeedback.cli.Options;
import kr.qfeedback.impact.KeptCohorts;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.rules.RuleSetException;

/**
 * {@code batch --in FILE --out FILE [--threads N] [--notifications FILE]}: compiles the rules of {@code rulesDir} once,
 * then decides every line of FILE with {@link BatchRunner}, with progress on standard error (a bar
 * on a terminal, a plain line every two seconds otherwise) and a summary line at the end.
 * {@code --threads} defaults to the number of cores. {@code --keep-cohort NAME} also copies the input
 * into {@code dataDir/cohorts/NAME.ndjson} for impact runs ({@code POST /v1/rules/impact?cohort=NAME}),
 * where it is deleted after {@value KeptCohorts#RETENTION_DAYS} days; {@code --notifications FILE} also writes each
 * decision's SMS and LMS as CSV for a sending system. Exit 0 when every line was answered (error
 * objects included), 1 when the rules do not compile or a file cannot be read or written.
 */
public final class BatchCommand {

    private static final String USAGE =
            "usage: batch --in FILE --out FILE [--threads N] [--keep-cohort NAME] [--notifications FILE]";

    private BatchCommand() {}

    /** @throws IllegalArgumentException for wrong arguments (the caller prints it and exits 2) */
    public static int run(List<String> args, Path rulesDir, Path dataDir, PrintStream err) {
        Map<String, String> options = Options.parse(
                args, List.of("--in", "--out"), List.of("--threads", "--keep-cohort", "--notifications"), USAGE);
        String keep = options.get("--keep-cohort");
        if (keep != null && !KeptCohorts.validName(keep)) {
            throw new IllegalArgumentException(
                    "--keep-cohort: letters, digits, '.', '_' and '-' (at most 64), not '" + keep + "'. " + USAGE);
        }
        Path messages = options.containsKey("--notifications") ? Path.of(options.get("--notifications")) : null;
        Path in = Path.of(options.get("--in"));
        Path out = Path.of(options.get("--out"));
        int threads = options.containsKey("--threads")
                ? Options.positiveInt(options.get("--threads"), "--threads")
                : Runtime.getRuntime().availableProcessors();
        int maxThreads = BatchRunner.maxThreads(Runtime.getRuntime().maxMemory());
        if (threads > maxThreads) {
            throw new IllegalArgumentException("--threads " + threads + ": at most " + maxThreads + " with this"
                    + " JVM's heap (each thread keeps about " + BatchRunner.bytesPerThread() / (1024 * 1024)
                    + " MiB of lines in memory); deciding is CPU-bound, so the number of cores ("
                    + Runtime.getRuntime().availableProcessors() + ", the default) is the usual choice.");
        }
        if (!Files.isReadable(in)) {
            throw new IllegalArgumentException("--in " + in + ": no such readable file.");
        }
        refuseFolder(in, "--in", "the NDJSON file to decide");
        refuseFolder(out, "--out", "the file to write the decisions to");
        if (messages != null) {
            refuseFolder(messages, "--notifications", "the CSV file to write the text messages to");
        }
        try {
            if (Files.exists(out) && Files.isSameFile(in, out)) {
                throw new IllegalArgumentException("--out must not be the input file " + in + ".");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + out + ": " + e.getMessage());
        }
        long compileStart = System.nanoTime();
        RuleSet rules;
        try {
            rules = new RuleSetCompiler().compile(RuleFiles.read(rulesDir));
        } catch (RuleSetException e) {
            err.println("규칙을 적용할 수 없어 일괄 처리를 하지 않습니다 (" + rulesDir + "):");
            e.problems().forEach(p -> err.println("  - " + p.describe()));
            return 1;
        } catch (UncheckedIOException e) {
            err.println("batch: nothing decided; " + withoutFullStop(e.getMessage()) + " ("
                    + e.getCause().getMessage()
                    + "). Check that QF_RULES_DIR names a rules folder whose files the service's user may read.");
            return 1;
        }
        err.println(String.format(
                Locale.ROOT,
                "batch: rules version %s compiled in %.1f s; deciding %s with %d threads",
                rules.version(),
                (System.nanoTime() - compileStart) / 1e9,
                in,
                threads));
        try {
            BatchSummary summary =
                    new BatchRunner().run(in, out, messages, rules, threads, ProgressSink.forStandardError("batch"));
            err.println(summary.describe() + " -> " + out + (messages == null ? "" : "; text messages -> " + messages));
            if (keep != null) {
                return keep(in, keep, dataDir, err);
            }
            return 0;
        } catch (IOException e) {
            err.println("batch: stopped, " + e.getMessage() + " ("
                    + e.getClass().getSimpleName() + "); " + out + " is incomplete.");
            return 1;
        }
    }

    /** Keeps the input as a cohort once every line is decided; exit 1, the decisions being complete, when it cannot. */
    private static int keep(Path in, String name, Path dataDir, PrintStream err) {
        try {
            KeptCohorts.KeptCohort kept =
                    new KeptCohorts(dataDir.resolve("cohorts"), Clock.systemUTC()).copyIn(in, name);
            err.println("batch: kept the input as cohort " + kept.name() + " for impact runs (deleted after "
                    + kept.deleteAfter() + ")");
            return 0;
        } catch (UncheckedIOException e) {
            err.println("batch: the decisions are complete, but the input was not kept as cohort " + name + ": "
                    + withoutFullStop(e.getMessage()) + " (" + e.getCause().getMessage()
                    + "). Check that QF_DATA_DIR is a folder the"
                    + " service's user may write to, then keep it with POST /v1/rules/cohorts?name=" + name
                    + " or run the batch again.");
            return 1;
        }
    }

    private static String withoutFullStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    /** Refuses a folder where a file is wanted, before the rules compile (it would fail only after). */
    private static void refuseFolder(Path file, String option, String wanted) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a folder; give " + wanted + ". " + USAGE);
        }
    }
}

package kr.qfeedback.cohort;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.qfeedback.cli.Options;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.reference.ReferenceDataException;
import kr.qfeedback.rules.Parameters;
import kr.qfeedback.rules.ParametersReader;
import kr.qfeedback.rules.RuleProblem;

/**
 * {@code cohort --size N --out FILE [--seed S]}: writes N requests drawn by {@link CohortGenerator}
 * from the reference data of the rules folder ({@code rulesDir/reference}) as NDJSON. The seed
 * defaults to {@link CohortGenerator#DEFAULT_SEED}; the same seed gives the same file.
 */
public final class CohortCommand {

    private CohortCommand() {}

    /** @throws IllegalArgumentException for wrong arguments (the caller prints it and exits 2) */
    public static int run(List<String> args, Path rulesDir, PrintStream err) {
        Map<String, String> options = Options.parse(
                args, List.of("--size", "--out"), List.of("--seed"), "usage: cohort --size N --out FILE [--seed S]");
        int size = Options.positiveInt(options.get("--size"), "--size");
        Path out = Path.of(options.get("--out"));
        long seed;
        try {
            seed = options.containsKey("--seed")
                    ? Long.parseLong(options.get("--seed").strip())
                    : CohortGenerator.DEFAULT_SEED;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, not '" + options.get("--seed") + "'.");
        }
        ReferenceCatalogue catalogue;
        try {
            catalogue = ReferenceCatalogue.load(rulesDir.resolve("reference"));
        } catch (ReferenceDataException e) {
            err.println("cohort: the reference data cannot be read: " + e.getMessage());
            return 1;
        }
        Parameters parameters;
        try {
            List<RuleProblem> problems = new ArrayList<>();
            Path file = rulesDir.resolve(ParametersReader.FILE);
            parameters = ParametersReader.read(ParametersReader.FILE, Files.readAllBytes(file), problems)
                    .orElse(null);
            if (parameters == null) {
                err.println("cohort: " + file + " is not valid (run validate): "
                        + problems.stream().map(RuleProblem::describe).toList());
                return 1;
            }
        } catch (IOException e) {
            err.println("cohort: the parameters cannot be read: " + e.getMessage());
            return 1;
        }
        long started = System.nanoTime();
        try {
            CohortGenerator generator = new CohortGenerator(catalogue, parameters);
            generator.write(seed, size, out);
            err.println(String.format(
                    Locale.ROOT,
                    "cohort: %d requests (seed %d, %d statistics, %.0f %% absent assumed) written to %s in %.1f s",
                    size,
                    seed,
                    generator.statisticsYear(),
                    generator.absentShare() * 100,
                    out,
                    (System.nanoTime() - started) / 1e9));
            return 0;
        } catch (IOException e) {
            err.println("cohort: " + out + " cannot be written: " + e.getMessage());
            return 1;
        }
    }
}

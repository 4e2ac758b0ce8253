package kr.qfeedback.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The parameters of the shipped {@code rules/parameters.yaml}, for tests that need them without a whole rule set. */
public final class ShippedParameters {
    private static volatile Parameters parameters;

    private ShippedParameters() {}

    public static Parameters get() {
        Parameters p = parameters;
        if (p == null) {
            List<RuleProblem> problems = new ArrayList<>();
            try {
                p = ParametersReader.read(
                                ParametersReader.FILE,
                                Files.readAllBytes(Path.of("rules", ParametersReader.FILE)),
                                problems)
                        .orElseThrow(
                                () -> new IllegalStateException("rules/parameters.yaml is not valid: " + problems));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            parameters = p;
        }
        return p;
    }
}

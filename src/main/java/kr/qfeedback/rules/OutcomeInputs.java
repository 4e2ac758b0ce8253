package kr.qfeedback.rules;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key of what a version's outcomes depend on (see {@link RuleSet#outcomeInputs()}): the SHA-256
 * of the DRL Drools compiled, where each rule comes from, {@code parameters.yaml} and every file
 * under {@code reference/}. The
 * messages, the staff guide and the scenarios are left out: they change what a page says, never
 * which sections the rules show for a profile.
 */
final class OutcomeInputs {
    private static final String REFERENCE_FOLDER = "reference/";

    private OutcomeInputs() {}

    /** @param drlKey the key of the DRL Drools compiled ({@link BuiltKieBases#keyOf}) */
    static String of(String drlKey, Map<String, RuleSource> rowsByRule, RuleFiles files) {
        PartsDigest digest = new PartsDigest().part("drl", drlKey.getBytes(StandardCharsets.US_ASCII));
        // Where each rule comes from (file, sheet, row and its description) travels with every outcome.
        new TreeMap<>(rowsByRule)
                .forEach((rule, source) -> digest.part(rule, source.toString().getBytes(StandardCharsets.UTF_8)));
        digest.part(ParametersReader.FILE, files.files().get(ParametersReader.FILE));
        Map<String, byte[]> reference = new TreeMap<>();
        files.files().forEach((path, bytes) -> {
            if (path.startsWith(REFERENCE_FOLDER)) {
                reference.put(path, bytes);
            }
        });
        reference.forEach(digest::part);
        return digest.hex();
    }
}

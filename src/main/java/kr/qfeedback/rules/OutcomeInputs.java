package kr.qfeedback.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            part(sha, "drl", drlKey.getBytes(StandardCharsets.US_ASCII));
            // Where each rule comes from (file, sheet, row and its description) travels with every outcome.
            new TreeMap<>(rowsByRule)
                    .forEach((rule, source) -> part(sha, rule, source.toString().getBytes(StandardCharsets.UTF_8)));
            part(sha, ParametersReader.FILE, files.files().get(ParametersReader.FILE));
            Map<String, byte[]> reference = new TreeMap<>();
            files.files().forEach((path, bytes) -> {
                if (path.startsWith(REFERENCE_FOLDER)) {
                    reference.put(path, bytes);
                }
            });
            reference.forEach((path, bytes) -> part(sha, path, bytes));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform but is missing.", e);
        }
    }

    /** A named part with its length first, so that no two sets of parts share a digest input. */
    private static void part(MessageDigest sha, String name, byte[] bytes) {
        byte[] header = (name + ":" + bytes.length + ":").getBytes(StandardCharsets.UTF_8);
        sha.update(header);
        sha.update(bytes);
    }
}

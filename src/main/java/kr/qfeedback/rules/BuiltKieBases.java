package kr.qfeedback.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * The last few {@link KieBase}s Drools built, by the SHA-256 of exactly the DRL they were built
 * from (every source's text, in order). Equal DRL builds an equal KieBase, so a version whose
 * tables and DRL files produce the same DRL as one built lately (an edit of texts, links or
 * parameters only) takes it instead of compiling again. Only successful builds are kept; at most
 * {@value #CAPACITY}, the least recently used going first.
 */
final class BuiltKieBases {
    static final int CAPACITY = 4;
    static final BuiltKieBases SHARED = new BuiltKieBases();

    private final Map<String, KieBase> byDrl = LastUsed.atMost(CAPACITY);

    /** The key of exactly these sources' DRL. */
    static String keyOf(List<GeneratedDrl> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (GeneratedDrl source : sources) {
                byte[] drl = source.drl().getBytes(StandardCharsets.UTF_8);
                // Each text's length before it, so that no two lists of texts share a digest input.
                sha.update(Integer.toString(drl.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(drl);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform but is missing.", e);
        }
    }

    synchronized KieBase find(String key) {
        return byDrl.get(key);
    }

    synchronized void keep(String key, KieBase built) {
        byDrl.put(key, built);
    }

    synchronized int size() {
        return byDrl.size();
    }
}

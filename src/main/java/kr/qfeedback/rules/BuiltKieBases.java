package kr.qfeedback.rules;

import java.nio.charset.StandardCharsets;
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
        PartsDigest digest = new PartsDigest();
        for (GeneratedDrl source : sources) {
            digest.part("drl", source.drl().getBytes(StandardCharsets.UTF_8));
        }
        return digest.hex();
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

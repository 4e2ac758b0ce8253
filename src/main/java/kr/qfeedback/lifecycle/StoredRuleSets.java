package kr.qfeedback.lifecycle;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import kr.qfeedback.rules.LastUsed;
import kr.qfeedback.rules.RuleSet;

/**
 * Any stored rules version as a compiled rule set, to decide a past request again on the version it
 * was decided with (the helpdesk view). The active version and the one the last change replaced are
 * compiled already; any other is loaded from the {@link VersionStore} (checked against its recorded
 * hashes: versions are immutable) and compiled on a {@link BackgroundWork} thread, at low priority.
 * The last {@value #KEPT} compiled this way are kept; asking for one being compiled waits for that
 * compile instead of starting another.
 */
public final class StoredRuleSets {
    /** Compiled versions kept besides the active and the replaced one (a compiled version holds tens of MiB). */
    static final int KEPT = 2;

    private final RulesLifecycle lifecycle;
    /** The latest compiles by version, least recently asked for first; guarded by itself. */
    private final Map<String, CompletableFuture<RuleSet>> compiled = LastUsed.atMost(KEPT);

    public StoredRuleSets(RulesLifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle must not be null");
    }

    /**
     * The rule set of {@code version}. The stage fails with {@link UnknownVersionException} when no
     * such version is stored here, {@link VersionStoreException} when its files were altered,
     * {@link RulesBusyException} or {@link StoppingException} when rules work cannot take it now.
     */
    public CompletableFuture<RuleSet> ruleSet(String version) {
        Optional<RuleSet> ready =
                lifecycle.active().current().filter(r -> r.version().equals(version));
        if (ready.isEmpty()) {
            ready = lifecycle.replaced().filter(r -> r.version().equals(version));
        }
        if (ready.isPresent()) {
            return CompletableFuture.completedFuture(ready.get());
        }
        synchronized (compiled) {
            CompletableFuture<RuleSet> known = compiled.get(version);
            if (known != null) {
                return known;
            }
            CompletableFuture<RuleSet> compiling = BackgroundWork.submit(
                    () -> lifecycle.compile(lifecycle.store().load(version)));
            compiled.put(version, compiling);
            compiling.whenComplete((rules, failure) -> {
                if (failure != null) {
                    synchronized (compiled) {
                        compiled.remove(version, compiling); // the next look-up tries again
                    }
                }
            });
            return compiling;
        }
    }
}

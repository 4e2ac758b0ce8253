package kr.qfeedback.lifecycle;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.decision.FeedbackDecider;
import kr.qfeedback.rules.ActiveRuleSet;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.rules.RuleSetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a rules version goes live, for staff and for start-up alike: compile (problems located in
 * the files staff edited), analyse completeness and conflicts, run the Korean acceptance
 * scenarios, store the version immutably, record it in the hash-chained audit log, and only then
 * swap it in as the active rule set in one step. Requests in flight keep the set they took.
 * Publishing and rolling back are serialised; checking runs concurrently.
 */
public final class RulesLifecycle {
    static final int PREWARM_PROFILES = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(RulesLifecycle.class);
    public static final String SYSTEM = "system";

    private final ActiveRuleSet active;
    private final VersionStore store;
    private final AuditLog audit;
    private final AcceptanceGate gate;
    private final Clock clock;
    private final VersionCache cache;
    private final RuleSetCompiler compiler;
    private final RuleChecks checks;
    private final StartupRules startup;
    private final ActivationRecorder recorder;
    private final PublishChecks publishChecks;
    private final Object publishing = new Object();
    /** Set under {@code publishing} when the node stops: no publish or rollback starts to write after that. */
    private boolean stopped;

    private volatile Replication replication;
    /**
     * The version the last publish or rollback replaced, still compiled and with its memo warm, so
     * that rolling back to it (the usual rollback) neither compiles nor evaluates again. One is kept.
     */
    private volatile RuleSet replaced;

    public RulesLifecycle(ActiveRuleSet active, VersionStore store, AuditLog audit, AcceptanceGate gate, Clock clock) {
        this.active = Objects.requireNonNull(active, "active must not be null");
        this.store = Objects.requireNonNull(store, "store must not be null");
        this.audit = Objects.requireNonNull(audit, "audit must not be null");
        this.gate = Objects.requireNonNull(gate, "gate must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.recorder = new ActivationRecorder(active, store, audit, clock);
        this.cache = VersionCache.in(store.dataDir(), audit.key());
        this.compiler = new RuleSetCompiler(cache);
        this.checks = new RuleChecks(compiler);
        this.startup = new StartupRules(store, compiler, gate, cache);
        this.publishChecks = new PublishChecks(gate, audit, clock);
    }

    /**
     * From now on publish and rollback switch every member of a cluster through {@code replication}
     * instead of this node alone.
     */
    public void replicateWith(Replication replication) {
        this.replication = Objects.requireNonNull(replication, "replication must not be null");
    }

    public ActiveRuleSet active() {
        return active;
    }

    public VersionStore store() {
        return store;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Compiles and analyses a candidate without activating anything. */
    public CheckReport check(RuleFiles files) {
        return checks.check(files).report();
    }

    /**
     * Publishes {@code files} when every check passes: compiled, no gap or conflict, every scenario
     * of features/ and saved in the version green. Otherwise nothing changes and the result says why.
     */
    public PublishResult publish(RuleFiles files, String who, String note) {
        Objects.requireNonNull(files, "files must not be null");
        long started = System.nanoTime();
        Replication cluster = replication;
        if (cluster != null) {
            cluster.checkCanChange();
        }
        PublishChecks.Verdict checked = publishChecks.run(files, who, currentVersion());
        if (!checked.passed()) {
            return checked.refusal(millisSince(started));
        }
        AcceptanceGate.GateResult scenarios = checked.scenarios();
        prewarm(checked.rules());
        synchronized (publishing) {
            refuseWhenStopped();
            RuleSet before = active.current().orElse(null);
            String previous = before == null ? null : before.version();
            if (cluster != null) {
                cluster.activateEverywhere(
                        files, checked.rules(), who, note, AuditAction.PUBLISH, ActivationAction.PUBLISH);
            } else {
                recorder.goLive(
                        files, checked.rules(), who, note, AuditAction.PUBLISH, ActivationAction.PUBLISH, previous);
            }
            replaced = before;
            return new PublishResult(
                    true, previous, files.version(), checked.report(), scenarios, millisSince(started));
        }
    }

    /**
     * Runs the checks and scenarios a publish of {@code files} runs, without switching anything (a
     * request for a second person's approval); a refusal is audited as a refused publish is.
     */
    public PublishChecks.Verdict checkPublish(RuleFiles files, String who) {
        return publishChecks.run(Objects.requireNonNull(files, "files must not be null"), who, currentVersion());
    }

    private String currentVersion() {
        return active.current().map(RuleSet::version).orElse(null);
    }

    /**
     * Re-activates a stored version. Its files are re-verified against their hashes; the version the
     * last change replaced is taken as it is still compiled, any other is compiled again.
     */
    public Activation rollback(String version, String who) {
        Replication cluster = replication;
        if (cluster != null) {
            cluster.checkCanChange();
            cluster.ensureStored(version);
        }
        RuleFiles files = store.load(version);
        RuleSet kept = replaced;
        RuleSet rules = kept != null && kept.version().equals(files.version()) ? kept : compiler.compile(files);
        prewarm(rules);
        synchronized (publishing) {
            refuseWhenStopped();
            RuleSet before = active.current().orElse(null);
            String previous = before == null ? null : before.version();
            Activation activation;
            if (cluster != null) {
                String note = "이전 버전으로 되돌림";
                cluster.activateEverywhere(files, rules, who, note, AuditAction.ROLLBACK, ActivationAction.ROLLBACK);
                activation = store.currentActivation()
                        .filter(a -> a.version().equals(version))
                        .orElseGet(() -> new Activation(version, clock.instant(), who, ActivationAction.ROLLBACK));
            } else {
                activation = recorder.goLive(
                        files, rules, who, "이전 버전으로 되돌림", AuditAction.ROLLBACK, ActivationAction.ROLLBACK, previous);
            }
            replaced = before;
            return activation;
        }
    }

    /**
     * Start-up: the folder on disk becomes active after the same checks as a publish, unless it is
     * the version already active in the store, or it is unchanged since the last start-up applied it
     * (a version published or rolled back to since then stays active: the service was restarted,
     * the folder was not edited). Throws {@link RuleSetException} listing every problem when the
     * folder cannot go live; the service then does not start.
     */
    public RuleSet start(RuleFiles onDisk, boolean runScenarios) {
        return finishStart(prepareStart(onDisk, runScenarios));
    }

    /**
     * The half of {@link #start} that writes nothing (compile, checks, scenarios), so that it can run
     * while the cluster member starts; {@link #finishStart} makes the result active.
     */
    public PreparedStart prepareStart(RuleFiles onDisk, boolean runScenarios) {
        return startup.prepare(Objects.requireNonNull(onDisk, "onDisk must not be null"), runScenarios);
    }

    /** Makes a prepared start-up version active, recording it (store, audit) when it is not already. */
    public RuleSet finishStart(PreparedStart prepared) {
        long started = StartupPhases.now();
        RuleSet rules = prepared.rules();
        if (prepared.alreadyActive()) {
            active.activate(rules);
            LOG.info(
                    "rules version {} is the stored active version{}",
                    rules.version(),
                    rules.version().equals(prepared.onDisk().version())
                            ? ""
                            : " (the rules folder " + prepared.onDisk().version()
                                    + " is unchanged since the last start-up applied it)");
        } else {
            synchronized (publishing) {
                recorder.goLive(
                        prepared.onDisk(),
                        rules,
                        SYSTEM,
                        StartupNote.of(prepared.onDisk()),
                        AuditAction.STARTUP,
                        ActivationAction.STARTUP,
                        prepared.previous());
            }
        }
        StartupPhases.done("activation", started);
        return rules;
    }

    /** This node's per-version cache ({@code QF_DATA_DIR/cache}). */
    public VersionCache cache() {
        return cache;
    }

    /** How many coverage analyses start-ups of this lifecycle ran (none for a version whose verdict is cached). */
    long startupAnalyses() {
        return startup.analyses();
    }

    /**
     * The node is stopping: waits for a publish or rollback that is writing its activation (store,
     * audit, active pointer; in a cluster, the switch of every member) to finish, then refuses any
     * later one before it writes anything, so a stop never leaves an activation half-written.
     */
    public void stopChanges() {
        synchronized (publishing) {
            stopped = true;
        }
    }

    private void refuseWhenStopped() {
        if (stopped) {
            throw new StoppingException("This node is stopping; the rules version was not changed.");
        }
    }

    /**
     * Fills a compiled version's memo with the outcomes, under its own rules, of the profiles the
     * active version has met (at most {@value #PREWARM_PROFILES}), before it is swapped in: a switch
     * under load then does not send every request through a fresh Drools session at once. What the
     * decider makes once per rule set is made here too, not by the first requests after the swap.
     */
    public void prewarm(RuleSet next) {
        FeedbackDecider.prepare(next);
        active.current().ifPresent(current -> {
            long started = System.nanoTime();
            int profiles = next.prewarmFrom(current, PREWARM_PROFILES);
            LOG.info(
                    "rules version {} prewarmed with {} profiles met by {} in {} ms",
                    next.version(),
                    profiles,
                    current.version(),
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** After start-up: loads the publish checks' scenario runner in the background ({@link PublishChecks#warm}). */
    public void warmPublishChecks() {
        active.current().ifPresent(publishChecks::warm);
    }

    /** The version the last publish or rollback on this node replaced, still compiled, if any. */
    public Optional<RuleSet> replaced() {
        return Optional.ofNullable(replaced);
    }

    /** Compiles a version the cluster already validated (no checks or scenarios run again). */
    public RuleSet compile(RuleFiles files) {
        return compiler.compile(files);
    }

    /**
     * Records on this node's disk that the cluster switched it to {@code files} (already swapped into
     * {@link #active()}): stores the version when new, appends the audit entry, records the activation.
     * Not serialised with publish: the member that leads a switch waits for this on every member.
     */
    public void recordActivation(
            RuleFiles files,
            String previous,
            String who,
            String note,
            AuditAction action,
            ActivationAction activation) {
        recorder.recordSwitch(files, previous, who, note, action, activation);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

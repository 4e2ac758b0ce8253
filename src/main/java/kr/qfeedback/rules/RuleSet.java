package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.rules.model.Profile;
import kr.qfeedback.rules.model.SectionShown;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One compiled, immutable version of the rules with the messages, parameters and reference data
 * it was published with. Thread-safe: each evaluation takes its own session from a pool.
 */
public final class RuleSet {
    private final String version;
    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final Parameters parameters;
    private final MessageCatalogue messages;
    private final CompiledMessages compiledMessages;
    private final ReferenceCatalogue reference;
    private final Map<String, RuleSource> sources;

    /** Most rules one evaluation may fire; the shipped rules fire a few dozen times per profile. */
    public static final int MAX_FIRINGS = 1_000;

    /** Most distinct (canonical) profiles whose outcomes are kept; beyond it, outcomes are computed each time. */
    static final int MEMO_CAPACITY = 200_000;

    private final ProfileCanonicalizer canonicalizer;
    private final String outcomeInputs;
    private final ConcurrentHashMap<Profile, RuleOutcome> memo = new ConcurrentHashMap<>();
    /** What other parts make from this rule set once and keep with it (the decider's fact deriver). */
    private final ConcurrentHashMap<Class<?>, Object> derived = new ConcurrentHashMap<>(4);

    private final LongAdder memoHits = new LongAdder();
    private final LongAdder memoMisses = new LongAdder();

    RuleSet(
            String version,
            KieBase kieBase,
            Parameters parameters,
            MessageCatalogue messages,
            ReferenceCatalogue reference,
            Map<String, RuleSource> sources,
            ProfileCanonicalizer canonicalizer) {
        this(version, kieBase, parameters, messages, reference, sources, canonicalizer, "version " + version);
    }

    RuleSet(
            String version,
            KieBase kieBase,
            Parameters parameters,
            MessageCatalogue messages,
            ReferenceCatalogue reference,
            Map<String, RuleSource> sources,
            ProfileCanonicalizer canonicalizer,
            String outcomeInputs) {
        this.version = Objects.requireNonNull(version, "version must not be null");
        this.kieBase = Objects.requireNonNull(kieBase, "kieBase must not be null");
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.parameters = Objects.requireNonNull(parameters, "parameters must not be null");
        this.messages = Objects.requireNonNull(messages, "messages must not be null");
        this.compiledMessages = new CompiledMessages(messages);
        this.reference = Objects.requireNonNull(reference, "reference must not be null");
        this.sources = Map.copyOf(sources);
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer must not be null");
        this.outcomeInputs = Objects.requireNonNull(outcomeInputs, "outcomeInputs must not be null");
    }

    /**
     * Stands for everything the rules' outcomes depend on (the DRL, the parameters, the reference
     * data) and nothing else: two versions with equal keys decide every profile alike and differ in
     * their texts at most, so what was worked out from the outcomes of one holds for the other.
     */
    public String outcomeInputs() {
        return outcomeInputs;
    }

    public String version() {
        return version;
    }

    public Parameters parameters() {
        return parameters;
    }

    public MessageCatalogue messages() {
        return messages;
    }

    /** The message templates, parsed once for this rule set. */
    public CompiledMessages compiledMessages() {
        return compiledMessages;
    }

    public ReferenceCatalogue reference() {
        return reference;
    }

    public int ruleCount() {
        return sources.size();
    }

    /**
     * The rules' outcome for one profile. Profiles the rules cannot tell apart share one memoised
     * outcome (see {@link ProfileCanonicalizer}); the result is identical to {@link #evaluateUncached}.
     */
    public RuleOutcome evaluate(Profile profile) {
        Objects.requireNonNull(profile, "profile must not be null");
        Profile key = canonicalizer.canonical(profile);
        RuleOutcome known = memo.get(key);
        if (known != null) {
            memoHits.increment();
            return known;
        }
        memoMisses.increment();
        RuleOutcome computed = evaluateUncached(key);
        if (memo.size() < MEMO_CAPACITY) {
            memo.putIfAbsent(key, computed);
        }
        return computed;
    }

    /**
     * Evaluates, with these rules, the profiles {@code previous} has memoised (at most {@code limit}),
     * so that this version answers the traffic it replaces from its memo the moment it is swapped in
     * instead of running a Drools session per new profile under load. Each entry is exactly what
     * {@link #evaluate} would have stored; the memo statistics are not touched. Returns how many
     * profiles were evaluated.
     */
    public int prewarmFrom(RuleSet previous, int limit) {
        Objects.requireNonNull(previous, "previous must not be null");
        if (previous == this) {
            return 0;
        }
        int done = 0;
        for (Profile profile : previous.memo.keySet()) {
            if (done >= limit || memo.size() >= MEMO_CAPACITY) {
                break;
            }
            Profile key = canonicalizer.canonical(profile);
            if (!memo.containsKey(key)) {
                memo.putIfAbsent(key, evaluateUncached(key));
            }
            done++;
        }
        return done;
    }

    /**
     * The {@code type} made from this rule set by {@code make} on first use and kept with it, so
     * that it lives exactly as long as the rule set (a replaced version kept for a rollback keeps
     * it too) and can be made before the set is swapped in.
     */
    public <T> T derived(Class<T> type, java.util.function.Function<RuleSet, ? extends T> make) {
        Object known = derived.get(type);
        if (known == null) {
            known = derived.computeIfAbsent(type, t -> make.apply(this));
        }
        return type.cast(known);
    }

    /** Memo statistics for metrics: hits, misses, entries. */
    public long[] memoStatistics() {
        return new long[] {memoHits.sum(), memoMisses.sum(), memo.size()};
    }

    /** How the memo groups each numeric profile field (for tests and operators). */
    public Map<String, String> memoGrouping() {
        return canonicalizer.describe();
    }

    /** Runs the rules on one profile in a fresh session, without the memo. */
    public RuleOutcome evaluateUncached(Profile profile) {
        Objects.requireNonNull(profile, "profile must not be null");
        Map<SectionId, RuleSource> judgements = new EnumMap<>(SectionId.class);
        DefaultRuleRuntimeEventListener listener = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                SectionId supported =
                        SessionFacts.JUDGED_SECTIONS.get(event.getObject().getClass());
                if (supported != null && event.getRule() != null) {
                    judgements.putIfAbsent(supported, sourceOf(event.getRule().getName()));
                }
            }
        };
        KieSession session = sessions.newKieSession();
        try {
            session.addEventListener(listener);
            session.insert(profile);
            session.insert(parameters.toFact());
            fire(session);
            return SessionFacts.outcome(session, judgements, this::sourceOf);
        } finally {
            session.removeEventListener(listener);
            session.dispose();
        }
    }

    /**
     * Fires at most {@link #MAX_FIRINGS} rules; one more means the rules do not come to rest (a rule
     * that inserts facts forever), and the evaluation stops with {@link RuleFiringLimitException}
     * instead of running on. The shipped rules fire a few dozen times per profile.
     */
    private void fire(KieSession session) {
        int fired = session.fireAllRules(MAX_FIRINGS + 1);
        if (fired > MAX_FIRINGS) {
            throw new RuleFiringLimitException(version);
        }
    }

    /**
     * Every section every fired rule showed for one profile, in source order (file, then row or line),
     * before {@link #evaluate} keeps only the upper row per section. Not memoised. For analysis tools
     * (coverage and conflict checks), not for serving.
     */
    public List<SectionChoice> evaluateAll(Profile profile) {
        return evaluateAll(profile, parameters.toFact());
    }

    /**
     * {@link #evaluateAll(Profile)} with other policy parameters than this version's, e.g. a switch
     * turned on, to tell a row a switch keeps off from a row nothing reaches. For analysis tools only.
     */
    public List<SectionChoice> evaluateAll(Profile profile, kr.qfeedback.rules.model.PolicyParameters policy) {
        Objects.requireNonNull(profile, "profile must not be null");
        Objects.requireNonNull(policy, "policy must not be null");
        KieSession session = sessions.newKieSession();
        try {
            session.insert(profile);
            session.insert(policy);
            fire(session);
            List<SectionChoice> all = new ArrayList<>();
            for (Object fact : session.getObjects()) {
                if (fact instanceof SectionShown shown) {
                    all.add(SessionFacts.choice(shown, this::sourceOf));
                }
            }
            all.sort(Comparator.comparing(
                    (SectionChoice c) -> SourceOrder.key(c.decidedBy().source())));
            return all;
        } finally {
            session.dispose();
        }
    }

    /**
     * Every compiled rule in source order, so analysis tools can list the table rows ({@link #sourceOf}
     * gives each one's row) and read their conditions. Read-only: do not fire or modify these.
     */
    public List<Rule> compiledRules() {
        return kieBase.getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .sorted(Comparator.comparing(
                        (Rule r) -> SourceOrder.key(sourceOf(r.getName()).source())))
                .toList();
    }

    public RuleSource sourceOf(String ruleName) {
        return sources.getOrDefault(ruleName, new RuleSource(ruleName, RuleFiles.DISPLAY_ROOT));
    }

    KieBase kieBase() {
        return kieBase;
    }
}

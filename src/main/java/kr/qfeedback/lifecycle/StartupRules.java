package kr.qfeedback.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kr.qfeedback.acceptance.AcceptanceGate;
import kr.qfeedback.analysis.CoverageAnalyzer;
import kr.qfeedback.analysis.CoverageReport;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleFiringLimitException;
import kr.qfeedback.rules.RuleProblem;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.rules.RuleSetException;

/**
 * The first half of a start-up, which writes nothing and so can run while the cluster member
 * starts: which version goes live (the stored active one, or the rules folder after the checks a
 * publish runs), compiled. A folder version checked before without a finding that blocks it
 * takes its verdict from the {@link VersionCache} instead of analysing again; the acceptance
 * scenarios (not part of the version) always run.
 */
final class StartupRules {
    /** The cache entry that says the coverage analysis found nothing that blocks the version. */
    static final String COVERAGE_VERDICT = "coverage-verdict.json";

    private final VersionStore store;
    private final RuleSetCompiler compiler;
    private final CoverageAnalyzer analyzer;
    private final AcceptanceGate gate;
    private final VersionCache cache;
    private long analyses;

    StartupRules(VersionStore store, RuleSetCompiler compiler, AcceptanceGate gate, VersionCache cache) {
        this.store = store;
        this.compiler = compiler;
        this.analyzer = new CoverageAnalyzer(BackgroundWork.ANALYSIS);
        this.gate = gate;
        this.cache = cache;
    }

    /** What {@link RulesLifecycle#prepareStart} found: the version and whether it is the one already active. */
    PreparedStart prepare(RuleFiles onDisk, boolean runScenarios) {
        Optional<String> stored = store.activeVersion();
        if (stored.isPresent() && (stored.get().equals(onDisk.version()) || appliedAtLastStart(onDisk))) {
            RuleFiles files = stored.get().equals(onDisk.version()) ? onDisk : store.load(stored.get());
            long started = StartupPhases.now();
            RuleSet rules = compiler.compile(files);
            StartupPhases.done("compile", started);
            return new PreparedStart(onDisk, rules, true, stored.get());
        }
        long started = StartupPhases.now();
        RuleSet rules = compiler.compile(onDisk);
        started = StartupPhases.done("compile", started);
        if (!verdictCached(onDisk)) {
            analyse(onDisk, rules);
        }
        started = StartupPhases.done("analysis", started);
        if (runScenarios) {
            AcceptanceGate.GateResult scenarios = gate.run(rules, onDisk);
            if (!scenarios.passed()) {
                throw new RuleSetException(scenarios.failures().stream()
                        .map(f -> RuleProblem.inFile(f.location(), "수용 시나리오 '" + f.name() + "' 실패: " + f.error()))
                        .toList());
            }
            StartupPhases.done("scenarios", started);
        }
        return new PreparedStart(onDisk, rules, false, stored.orElse(null));
    }

    /** How many coverage analyses start-ups ran (a version whose verdict was cached runs none). */
    long analyses() {
        return analyses;
    }

    private void analyse(RuleFiles files, RuleSet rules) {
        analyses++;
        CoverageReport coverage;
        try {
            coverage = analyzer.analyze(rules);
        } catch (RuleFiringLimitException e) {
            throw new RuleSetException(List.of(e.problem()));
        }
        if (coverage.blocksPublish()) {
            throw new RuleSetException(coverage.describe().stream()
                    .map(line -> RuleProblem.inFile(RuleFiles.DISPLAY_ROOT, line))
                    .toList());
        }
        cache.write(files, COVERAGE_VERDICT, verdict(files).getBytes(StandardCharsets.UTF_8));
    }

    private boolean verdictCached(RuleFiles files) {
        return cache.read(files, COVERAGE_VERDICT)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8).equals(verdict(files)))
                .orElse(false);
    }

    private static String verdict(RuleFiles files) {
        return Json.compact(Json.object().put("version", files.fullHash()).put("blocksPublish", false));
    }

    /** Whether the last start-up activated exactly these files, i.e. nobody edited the folder since. */
    private boolean appliedAtLastStart(RuleFiles onDisk) {
        return store.activations().stream()
                .filter(a -> a.action() == ActivationAction.STARTUP)
                .findFirst()
                .map(a -> a.version().equals(onDisk.version()))
                .orElse(false);
    }
}

package kr.qfeedback.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.SectionChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completeness and conflict analysis of a rule set. Enumerates every profile the rules can be asked
 * about once its fields are discretised ({@link ProfileSpace}), groups profiles the compiled rules
 * cannot tell apart ({@link RuleReads}, {@link ProfileClasses}), evaluates one profile per group with
 * every fired row kept ({@link RuleSet#evaluateAll}), and reports:
 * <ul>
 * <li>gaps: profiles without RESULT_SUMMARY, or whose shown section has no order or message;</li>
 * <li>dead rows: table rows that apply to no profile;</li>
 * <li>conflicts: two rows showing the same section for one profile with a different order, tone,
 *     message or data stage; identical duplicates are overlaps.</li>
 * </ul>
 * Counts are over the whole space (a group counts all its profiles); examples are the first
 * profile of the first group with the finding. Stateless and thread-safe.
 */
public final class CoverageAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(CoverageAnalyzer.class);

    /**
     * Where the groups are evaluated: on a serving node during a publish, a pool whose threads yield
     * to the requests' (the lifecycle passes BackgroundWork's); the common pool otherwise.
     */
    private final ForkJoinPool pool;

    private final EvaluatedSpaces spaces;

    public CoverageAnalyzer() {
        this(ForkJoinPool.commonPool());
    }

    public CoverageAnalyzer(ForkJoinPool pool) {
        this(pool, EvaluatedSpaces.SHARED);
    }

    CoverageAnalyzer(ForkJoinPool pool, EvaluatedSpaces spaces) {
        this.pool = Objects.requireNonNull(pool, "pool must not be null");
        this.spaces = Objects.requireNonNull(spaces, "spaces must not be null");
    }

    private List<List<SectionChoice>> evaluate(List<ProfileGroup> groups, RuleSet rules) {
        try {
            return pool.submit(() -> groups.parallelStream()
                            .map(g -> rules.evaluateAll(g.example))
                            .toList())
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("coverage analysis interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Enumerates the profile space, groups it and evaluates one profile per group: what depends on
     * the rules' outcomes only, and is therefore the same for every version of equal {@link
     * RuleSet#outcomeInputs()} (a version that changes texts only reuses it, see {@link EvaluatedSpaces}).
     */
    private EvaluatedSpace evaluateSpace(RuleSet rules, RuleReads reads) {
        ProfileSpace space = new ProfileSpace(rules.parameters(), rules.reference(), reads);
        ProfileClasses classes = new ProfileClasses(reads, space.candidates(), space.template());
        // Each outcome is grouped by the reads of the rules that can fire for it: a field only other
        // outcomes' rows read (documents, for instance) does not split its profiles.
        Map<String, ProfileClasses> byOutcome = new HashMap<>();
        Map<OutcomeKey, ProfileGroup> byKey = new LinkedHashMap<>();
        int[] total = new int[1];
        space.forEachByOutcome(
                (stage, result) -> byOutcome.computeIfAbsent(
                        stage + "_" + result,
                        k -> new ProfileClasses(
                                reads.forOutcome(space.probe(stage, result)), space.candidates(), space.template())),
                (p, weight) -> {
                    ProfileClasses own = byOutcome.get(p.stage() + "_" + p.result());
                    byKey.computeIfAbsent(new OutcomeKey(p.outcome(), own.key(p)), k -> new ProfileGroup(p)).count +=
                            weight;
                    total[0] += weight;
                });
        List<ProfileGroup> groups = List.copyOf(byKey.values());
        // Sessions come from the rule set's pool, so groups can be evaluated in parallel; findings are collected in
        // order.
        return new EvaluatedSpace(groups, evaluate(groups, rules), total[0], classes.classCounts());
    }

    public CoverageReport analyze(RuleSet rules) {
        Objects.requireNonNull(rules, "rules must not be null");
        long started = System.nanoTime();
        RuleReads reads = RuleReads.of(rules);
        if (reads.opaque()) {
            LOG.warn("coverage analysis cannot group profiles, every one is evaluated: {}", reads.opaqueReasons());
        }
        EvaluatedSpace evaluated = spaces.find(rules.outcomeInputs());
        boolean reused = evaluated != null;
        if (!reused) {
            evaluated = evaluateSpace(rules, reads);
            spaces.keep(rules.outcomeInputs(), evaluated);
        }
        List<ProfileGroup> groups = evaluated.groups();
        List<List<SectionChoice>> outcomes = evaluated.outcomes();
        int[] total = {evaluated.total()};

        CoverageFindings findings = new CoverageFindings(new RuleRows(rules, reads));
        for (int i = 0; i < groups.size(); i++) {
            findings.add(groups.get(i), outcomes.get(i), rules);
        }
        long millis;
        List<DeadRow> dead = new ArrayList<>();
        List<SwitchedOffRow> switchedOff = new ArrayList<>();
        for (DeadRow row : findings.deadRows()) {
            String sw = row.needs().isEmpty() ? null : PolicySwitches.thatReaches(row, groups, rules);
            if (sw == null) {
                dead.add(row);
            } else {
                switchedOff.add(SwitchedOffRow.of(row.row(), sw));
            }
        }
        millis = (System.nanoTime() - started) / 1_000_000;
        CoverageReport report = new CoverageReport(
                findings.gaps(),
                dead,
                switchedOff,
                findings.conflicts(),
                findings.overlaps(),
                total[0],
                millis,
                groups.size());
        LOG.info(
                "coverage of rules version {}: {} profiles in {} groups, {} ms{}; grouping {}; {} gaps, {} conflicts, {} dead rows, {} overlaps",
                rules.version(),
                total[0],
                groups.size(),
                millis,
                reused
                        ? " (the groups' outcomes were those of a version with the same rules, parameters and reference data)"
                        : "",
                evaluated.classCounts(),
                report.gaps().size(),
                report.conflicts().size(),
                report.deadRows().size(),
                report.overlaps().size());
        return report;
    }

    /** A group's key: its outcome, then its classes under the rules that can fire for that outcome. */
    private record OutcomeKey(String outcome, ProfileClasses.Key key) {}
}

package kr.qfeedback.analysis;

import java.lang.reflect.RecordComponent;
import kr.qfeedback.rules.model.PolicyParameters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSource;
import kr.qfeedback.rules.SectionChoice;
import kr.qfeedback.rules.model.Profile;
import org.kie.api.definition.rule.Rule;
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
    private static final Pattern TABLE_SOURCE = Pattern.compile("^(.*):(?:(.+) )?row (\\d+)$");
    private static final Pattern DRL_SOURCE = Pattern.compile("^(.*):line (\\d+)$");
    private static final Pattern TABLE_RULE_NAME = Pattern.compile("^(?:.*\\s)?(\\S+)_(\\d+)$");

    /**
     * Where the groups are evaluated: on a serving node during a publish, a pool whose threads yield
     * to the requests' (the lifecycle passes BackgroundWork's); the common pool otherwise.
     */
    private final ForkJoinPool pool;

    public CoverageAnalyzer() {
        this(ForkJoinPool.commonPool());
    }

    public CoverageAnalyzer(ForkJoinPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool must not be null");
    }

    private List<List<SectionChoice>> evaluate(List<Group> groups, RuleSet rules) {
        try {
            return pool.submit(() -> groups.parallelStream().map(g -> rules.evaluateAll(g.example)).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("coverage analysis interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    public CoverageReport analyze(RuleSet rules) {
        Objects.requireNonNull(rules, "rules must not be null");
        long started = System.nanoTime();
        RuleReads reads = RuleReads.of(rules);
        if (reads.opaque()) {
            LOG.warn("coverage analysis cannot group profiles, every one is evaluated: {}", reads.opaqueReasons());
        }
        ProfileSpace space = new ProfileSpace(rules.parameters(), rules.reference(), reads);
        ProfileClasses classes = new ProfileClasses(reads, space.candidates(), space.template());
        // Each outcome is grouped by the reads of the rules that can fire for it: a field only other
        // outcomes' rows read (documents, for instance) does not split its profiles.
        Map<String, ProfileClasses> byOutcome = new HashMap<>();
        Map<OutcomeKey, Group> byKey = new LinkedHashMap<>();
        int[] total = new int[1];
        space.forEachByOutcome((stage, result) -> byOutcome.computeIfAbsent(stage + "_" + result,
                k -> new ProfileClasses(reads.forOutcome(space.probe(stage, result)), space.candidates(), space.template())),
                (p, weight) -> {
                    ProfileClasses own = byOutcome.get(p.stage() + "_" + p.result());
                    byKey.computeIfAbsent(new OutcomeKey(p.outcome(), own.key(p)), k -> new Group(p)).count += weight;
                    total[0] += weight;
                });
        List<Group> groups = List.copyOf(byKey.values());
        // Sessions come from the rule set's pool, so groups can be evaluated in parallel; findings are collected in order.
        List<List<SectionChoice>> outcomes = evaluate(groups, rules);

        Rows rows = new Rows(rules, reads);
        Findings findings = new Findings(rows);
        for (int i = 0; i < groups.size(); i++) {
            findings.add(groups.get(i), outcomes.get(i), rules);
        }
        long millis;
        List<DeadRow> dead = new ArrayList<>();
        List<SwitchedOffRow> switchedOff = new ArrayList<>();
        for (DeadRow row : findings.deadRows()) {
            String sw = row.needs().isEmpty() ? null : switchThatReaches(row, groups, rules);
            if (sw == null) {
                dead.add(row);
            } else {
                switchedOff.add(SwitchedOffRow.of(row.row(), sw));
            }
        }
        millis = (System.nanoTime() - started) / 1_000_000;
        CoverageReport report = new CoverageReport(findings.gaps(), dead, switchedOff, findings.conflicts(),
                findings.overlaps(), total[0], millis, groups.size());
        LOG.info("coverage of rules version {}: {} profiles in {} groups, {} ms; grouping {}; {} gaps, {} conflicts, {} dead rows, {} overlaps",
                rules.version(), total[0], groups.size(), millis, classes.classCounts(), report.gaps().size(),
                report.conflicts().size(), report.deadRows().size(), report.overlaps().size());
        return report;
    }

    /**
     * The switch of the policy parameters (a boolean that is off) that, turned on, lets some group
     * reach a row no group reached; null when none does. Only rows that need a judgement fact are
     * asked, since only those can wait on a switch.
     */
    private static String switchThatReaches(DeadRow row, List<Group> groups, RuleSet rules) {
        PolicyParameters policy = rules.parameters().toFact();
        RecordComponent[] components = PolicyParameters.class.getRecordComponents();
        for (int s = 0; s < components.length; s++) {
            if (components[s].getType() != boolean.class || (boolean) read(components[s], policy)) {
                continue;
            }
            PolicyParameters on = withSwitchOn(policy, components, s);
            for (Group group : groups) {
                for (SectionChoice choice : rules.evaluateAll(group.example, on)) {
                    if (choice.decidedBy().source().equals(row.row().source())) {
                        return components[s].getName();
                    }
                }
            }
        }
        return null;
    }

    private static Object read(RecordComponent component, PolicyParameters policy) {
        try {
            return component.getAccessor().invoke(policy);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PolicyParameters." + component.getName() + " could not be read.", e);
        }
    }

    private static PolicyParameters withSwitchOn(PolicyParameters policy, RecordComponent[] components, int index) {
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = i == index ? Boolean.TRUE : read(components[i], policy);
            types[i] = components[i].getType();
        }
        try {
            return PolicyParameters.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PolicyParameters could not be made with " + components[index].getName() + " on.", e);
        }
    }

    /** A group's key: its outcome, then its classes under the rules that can fire for that outcome. */
    private record OutcomeKey(String outcome, ProfileClasses.Key key) {
    }

    /** Profiles the rules cannot tell apart: the first one and how many. */
    private static final class Group {
        final Profile example;
        int count;

        Group(Profile example) {
            this.example = example;
        }
    }

    /** Every compiled rule with its label, and which are table rows, in source order. */
    private static final class Rows {
        final Map<String, RowRef> bySource = new LinkedHashMap<>();
        final Map<String, Integer> position = new HashMap<>();
        final Map<String, List<String>> needs = new HashMap<>();
        final List<String> tableRows = new ArrayList<>();

        Rows(RuleSet rules, RuleReads reads) {
            for (Rule rule : rules.compiledRules()) {
                RuleSource source = rules.sourceOf(rule.getName());
                bySource.putIfAbsent(source.source(), new RowRef(label(rule.getName(), source.source()), source.rule(), source.source()));
                position.putIfAbsent(source.source(), position.size());
                needs.putIfAbsent(source.source(), reads.needs(rule.getName()));
                if (TABLE_SOURCE.matcher(source.source()).matches()) {
                    tableRows.add(source.source());
                }
            }
        }

        RowRef of(RuleSource source) {
            RowRef known = bySource.get(source.source());
            return known != null ? known : new RowRef(label(source.rule(), source.source()), source.rule(), source.source());
        }

        int position(RowRef row) {
            return position.getOrDefault(row.source(), Integer.MAX_VALUE);
        }

        /** {@code 섹션표시 23행}, {@code judgements.drl 12번째 줄}, else the rule name. */
        static String label(String ruleName, String source) {
            Matcher table = TABLE_SOURCE.matcher(source);
            if (table.matches()) {
                String sheet = table.group(2);
                if (sheet == null) {
                    Matcher name = TABLE_RULE_NAME.matcher(ruleName);
                    sheet = name.matches() && name.group(2).equals(table.group(3)) ? name.group(1) : fileName(table.group(1));
                }
                return sheet + " " + table.group(3) + "행";
            }
            Matcher drl = DRL_SOURCE.matcher(source);
            if (drl.matches()) {
                return fileName(drl.group(1)) + " " + drl.group(2) + "번째 줄";
            }
            return ruleName;
        }

        private static String fileName(String path) {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** Collects findings group by group. */
    private static final class Findings {
        private final Rows rows;
        private final Set<String> fired = new HashSet<>();
        private final Map<List<Object>, GapTally> gaps = new LinkedHashMap<>();
        private final Map<List<Object>, PairTally> pairs = new LinkedHashMap<>();

        Findings(Rows rows) {
            this.rows = rows;
        }

        void add(Group group, List<SectionChoice> all, RuleSet rules) {
            Map<SectionId, List<SectionChoice>> bySection = new LinkedHashMap<>();
            for (SectionChoice choice : all) {
                fired.add(choice.decidedBy().source());
                bySection.computeIfAbsent(choice.id(), id -> new ArrayList<>()).add(choice);
            }
            String outcome = group.example.outcome();
            if (!bySection.containsKey(SectionId.RESULT_SUMMARY)) {
                gap(Gap.Kind.NO_RESULT_SUMMARY, outcome, SectionId.RESULT_SUMMARY, null, group);
            }
            for (Map.Entry<SectionId, List<SectionChoice>> entry : bySection.entrySet()) {
                List<SectionChoice> choices = entry.getValue();
                SectionChoice shown = choices.get(0);
                RowRef winner = rows.of(shown.decidedBy());
                if (shown.order() == Integer.MAX_VALUE) {
                    gap(Gap.Kind.NO_ORDER, outcome, entry.getKey(), winner, group);
                }
                if (shown.message() == null || rules.messages().template(shown.id(), shown.message()).isEmpty()) {
                    gap(Gap.Kind.NO_MESSAGE, outcome, entry.getKey(), winner, group);
                }
                for (int i = 0; i < choices.size(); i++) {
                    for (int j = i + 1; j < choices.size(); j++) {
                        pair(entry.getKey(), choices.get(i), choices.get(j), group);
                    }
                }
            }
        }

        private void gap(Gap.Kind kind, String outcome, SectionId section, RowRef row, Group group) {
            List<Object> key = List.of(kind, outcome, section, row == null ? "" : row.source());
            gaps.computeIfAbsent(key, k -> new GapTally(kind, outcome, section, row, group.example)).profiles += group.count;
        }

        private void pair(SectionId section, SectionChoice a, SectionChoice b, Group group) {
            RowRef upper = rows.of(a.decidedBy());
            RowRef lower = rows.of(b.decidedBy());
            if (upper.source().equals(lower.source())) {
                return;
            }
            List<String> differences = new ArrayList<>();
            if (a.order() != b.order()) {
                differences.add("order");
            }
            if (a.tone() != b.tone()) {
                differences.add("tone");
            }
            if (!Objects.equals(a.message(), b.message())) {
                differences.add("message");
            }
            if (a.dataStage() != b.dataStage()) {
                differences.add("dataStage");
            }
            List<Object> key = List.of(section, upper.source(), lower.source(), differences.isEmpty());
            pairs.computeIfAbsent(key, k -> new PairTally(section, upper, lower, differences, group.example)).profiles += group.count;
        }

        List<Gap> gaps() {
            return gaps.values().stream().map(t -> new Gap(t.kind, t.outcome, t.section, t.row, t.example, t.profiles)).toList();
        }

        List<Conflict> conflicts() {
            return sortedPairs().stream().filter(p -> !p.differences.isEmpty())
                    .map(p -> new Conflict(p.section, p.upper, p.lower, p.differences, p.example, p.profiles)).toList();
        }

        List<Overlap> overlaps() {
            return sortedPairs().stream().filter(p -> p.differences.isEmpty())
                    .map(p -> new Overlap(p.section, p.upper, p.lower, p.example, p.profiles)).toList();
        }

        List<DeadRow> deadRows() {
            return rows.tableRows.stream().filter(source -> !fired.contains(source))
                    .map(source -> new DeadRow(rows.bySource.get(source), rows.needs.getOrDefault(source, List.of())))
                    .toList();
        }

        private List<PairTally> sortedPairs() {
            return pairs.values().stream()
                    .sorted(Comparator.comparingInt((PairTally p) -> rows.position(p.upper)).thenComparingInt(p -> rows.position(p.lower))
                            .thenComparing(p -> p.section))
                    .toList();
        }
    }

    private static final class GapTally {
        final Gap.Kind kind;
        final String outcome;
        final SectionId section;
        final RowRef row;
        final Profile example;
        int profiles;

        GapTally(Gap.Kind kind, String outcome, SectionId section, RowRef row, Profile example) {
            this.kind = kind;
            this.outcome = outcome;
            this.section = section;
            this.row = row;
            this.example = example;
        }
    }

    private static final class PairTally {
        final SectionId section;
        final RowRef upper;
        final RowRef lower;
        final List<String> differences;
        final Profile example;
        int profiles;

        PairTally(SectionId section, RowRef upper, RowRef lower, List<String> differences, Profile example) {
            this.section = section;
            this.upper = upper;
            this.lower = lower;
            this.differences = List.copyOf(differences);
            this.example = example;
        }
    }
}

package kr.qfeedback.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.SectionChoice;
import kr.qfeedback.rules.model.Profile;

/**
 * The gaps, conflicts, overlaps and dead rows of a coverage analysis, collected group by group from
 * every row each group fired; counts add up the profiles of the groups.
 */
final class CoverageFindings {
    private final RuleRows rows;
    private final Set<String> fired = new HashSet<>();
    private final Map<List<Object>, GapTally> gaps = new LinkedHashMap<>();
    private final Map<List<Object>, PairTally> pairs = new LinkedHashMap<>();

    CoverageFindings(RuleRows rows) {
        this.rows = rows;
    }

    void add(ProfileGroup group, List<SectionChoice> all, RuleSet rules) {
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
            if (shown.message() == null
                    || rules.messages().template(shown.id(), shown.message()).isEmpty()) {
                gap(Gap.Kind.NO_MESSAGE, outcome, entry.getKey(), winner, group);
            }
            for (int i = 0; i < choices.size(); i++) {
                for (int j = i + 1; j < choices.size(); j++) {
                    pair(entry.getKey(), choices.get(i), choices.get(j), group);
                }
            }
        }
    }

    private void gap(Gap.Kind kind, String outcome, SectionId section, RowRef row, ProfileGroup group) {
        List<Object> key = List.of(kind, outcome, section, row == null ? "" : row.source());
        gaps.computeIfAbsent(key, k -> new GapTally(kind, outcome, section, row, group.example)).profiles +=
                group.count;
    }

    private void pair(SectionId section, SectionChoice a, SectionChoice b, ProfileGroup group) {
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
        pairs.computeIfAbsent(key, k -> new PairTally(section, upper, lower, differences, group.example)).profiles +=
                group.count;
    }

    List<Gap> gaps() {
        return gaps.values().stream()
                .map(t -> new Gap(t.kind, t.outcome, t.section, t.row, t.example, t.profiles))
                .toList();
    }

    List<Conflict> conflicts() {
        return sortedPairs().stream()
                .filter(p -> !p.differences.isEmpty())
                .map(p -> new Conflict(p.section, p.upper, p.lower, p.differences, p.example, p.profiles))
                .toList();
    }

    List<Overlap> overlaps() {
        return sortedPairs().stream()
                .filter(p -> p.differences.isEmpty())
                .map(p -> new Overlap(p.section, p.upper, p.lower, p.example, p.profiles))
                .toList();
    }

    List<DeadRow> deadRows() {
        return rows.notIn(fired);
    }

    private List<PairTally> sortedPairs() {
        return pairs.values().stream()
                .sorted(Comparator.comparingInt((PairTally p) -> rows.position(p.upper))
                        .thenComparingInt(p -> rows.position(p.lower))
                        .thenComparing(p -> p.section))
                .toList();
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

package kr.qfeedback.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSource;
import org.kie.api.definition.rule.Rule;

/**
 * Every compiled rule of a rule set with its label for staff ({@code 섹션표시 23행}), and which
 * of them are decision table rows, in source order.
 */
final class RuleRows {
    private static final Pattern TABLE_SOURCE = Pattern.compile("^(.*):(?:(.+) )?row (\\d+)$");
    private static final Pattern DRL_SOURCE = Pattern.compile("^(.*):line (\\d+)$");
    private static final Pattern TABLE_RULE_NAME = Pattern.compile("^(?:.*\\s)?(\\S+)_(\\d+)$");

    private final Map<String, RowRef> bySource = new LinkedHashMap<>();
    private final Map<String, Integer> position = new HashMap<>();
    private final Map<String, List<String>> needs = new HashMap<>();
    private final List<String> tableRows = new ArrayList<>();

    RuleRows(RuleSet rules, RuleReads reads) {
        for (Rule rule : rules.compiledRules()) {
            RuleSource source = rules.sourceOf(rule.getName());
            bySource.putIfAbsent(
                    source.source(),
                    new RowRef(label(rule.getName(), source.source()), source.rule(), source.source()));
            position.putIfAbsent(source.source(), position.size());
            needs.putIfAbsent(source.source(), reads.needs(rule.getName()));
            if (TABLE_SOURCE.matcher(source.source()).matches()) {
                tableRows.add(source.source());
            }
        }
    }

    RowRef of(RuleSource source) {
        RowRef known = bySource.get(source.source());
        return known != null
                ? known
                : new RowRef(label(source.rule(), source.source()), source.rule(), source.source());
    }

    int position(RowRef row) {
        return position.getOrDefault(row.source(), Integer.MAX_VALUE);
    }

    /** The table rows whose source is not among {@code fired}, in source order. */
    List<DeadRow> notIn(Set<String> fired) {
        return tableRows.stream()
                .filter(source -> !fired.contains(source))
                .map(source -> new DeadRow(bySource.get(source), needs.getOrDefault(source, List.of())))
                .toList();
    }

    /** {@code 섹션표시 23행}, {@code judgements.drl 12번째 줄}, else the rule name. */
    static String label(String ruleName, String source) {
        Matcher table = TABLE_SOURCE.matcher(source);
        if (table.matches()) {
            String sheet = table.group(2);
            if (sheet == null) {
                Matcher name = TABLE_RULE_NAME.matcher(ruleName);
                sheet = name.matches() && name.group(2).equals(table.group(3))
                        ? name.group(1)
                        : fileName(table.group(1));
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

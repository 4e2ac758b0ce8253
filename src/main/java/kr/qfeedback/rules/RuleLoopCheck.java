package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allow-list's check across all files: no rule may insert a fact that leads back, through the
 * rules, to a fact its own conditions match, since such a rule could fire forever.
 */
final class RuleLoopCheck {
    /** Each rule's matched and inserted facts, where it is. */
    private final List<RuleFacts> ruleFacts = new ArrayList<>();

    private record RuleFacts(GeneratedDrl source, int line, String rule, Set<String> matched, Set<String> inserted) {}

    /** Notes the facts one rule matches and inserts. */
    void add(GeneratedDrl source, int line, String rule, Set<String> matched, Set<String> inserted) {
        ruleFacts.add(new RuleFacts(source, line, rule, matched, inserted));
    }

    /** Refuses the first rule whose inserted fact leads back to a fact its conditions match. */
    void check(AllowListRefusals refusals) {
        Map<String, Set<String>> next = new LinkedHashMap<>();
        for (RuleFacts r : ruleFacts) {
            for (String m : r.matched()) {
                next.computeIfAbsent(m, k -> new LinkedHashSet<>()).addAll(r.inserted());
            }
        }
        for (RuleFacts r : ruleFacts) {
            for (String made : r.inserted()) {
                Set<String> reach = reachable(made, next);
                for (String m : r.matched()) {
                    if (reach.contains(m)) {
                        refusals.refuse(r.source(), r.line(), AllowListMessages.loop(r.rule(), made, m));
                        return;
                    }
                }
            }
        }
    }

    private static Set<String> reachable(String from, Map<String, Set<String>> next) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            String t = todo.remove(todo.size() - 1);
            if (seen.add(t)) {
                todo.addAll(next.getOrDefault(t, Set.of()));
            }
        }
        return seen;
    }
}

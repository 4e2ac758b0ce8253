package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the allow-list refused so far: the problems, located at the file and line (a DRL file) or
 * the sheet and row (a decision table), and the sources that must not be compiled.
 */
final class AllowListRefusals {
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Set<GeneratedDrl> refused = new LinkedHashSet<>();

    /** Refuses {@code source} with {@code message} at its 1-based {@code line} (0: the whole file). */
    void refuse(GeneratedDrl source, int line, String message) {
        refused.add(source);
        if (source.fromTable()) {
            problems.add(RuleProblem.atCell(
                    RuleFiles.display(source.file()),
                    source.sheet(),
                    line > 0 ? source.rowOfLine(line) : null,
                    null,
                    message));
        } else {
            problems.add(RuleProblem.atLine(RuleFiles.display(source.file()), line > 0 ? line : null, message));
        }
    }

    /** Marks {@code source} refused without a problem of its own (its parser errors follow). */
    void refuseSource(GeneratedDrl source) {
        refused.add(source);
    }

    /** Adds a problem already located (a parser error reported as the compiler would). */
    void add(RuleProblem problem) {
        problems.add(problem);
    }

    RuleAllowList.Checked checked() {
        return new RuleAllowList.Checked(List.copyOf(problems), Set.copyOf(refused));
    }
}

package kr.qfeedback.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files cannot become a rule set; every problem found is listed, not just the first. */
public final class RuleSetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        super(problems.size() + "개의 문제로 규칙을 적용할 수 없습니다:\n"
                + problems.stream().map(p -> "  - " + p.describe()).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}

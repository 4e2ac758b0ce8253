package kr.qfeedback.rules;

/**
 * The rules fired more than {@link RuleSet#MAX_FIRINGS} times for one profile: they do not come to
 * rest (e.g. a rule that inserts facts forever), so the evaluation was stopped. The message is
 * stable; {@link #problem()} says it in Korean for the rule checks.
 */
public final class RuleFiringLimitException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String version;

    public RuleFiringLimitException(String version) {
        super("Rules version " + version + " fired more than " + RuleSet.MAX_FIRINGS
                + " rules for one profile and was stopped: the rules do not come to rest.");
        this.version = version;
    }

    public String version() {
        return version;
    }

    /** The Korean problem a check reports for it. */
    public RuleProblem problem() {
        return RuleProblem.inFile(
                RuleFiles.DISPLAY_ROOT,
                "규칙이 한 번의 판단에서 " + RuleSet.MAX_FIRINGS
                        + "번 넘게 실행되어 멈췄습니다. 결과로 넣은 사실이 다시 규칙을 부르는 등 끝없이 반복되는 규칙이 있는지 확인해 주세요.");
    }
}

package kr.qfeedback.analysis;

import java.util.Map;
import kr.qfeedback.rules.LastUsed;

/**
 * The last few evaluated profile spaces by {@link kr.qfeedback.rules.RuleSet#outcomeInputs()}: a
 * version that changes only texts (the edit staff make most often) is analysed against the groups
 * and outcomes of the version it was edited from instead of evaluating them again. Equal keys mean
 * equal DRL, rule sources, parameters and reference data, so the reused part is exactly what would
 * be computed; gaps and conflicts that depend on the texts are always worked out afresh.
 */
final class EvaluatedSpaces {
    static final int CAPACITY = 2;
    static final EvaluatedSpaces SHARED = new EvaluatedSpaces();

    private final Map<String, EvaluatedSpace> byInputs = LastUsed.atMost(CAPACITY);

    synchronized EvaluatedSpace find(String outcomeInputs) {
        return byInputs.get(outcomeInputs);
    }

    synchronized void keep(String outcomeInputs, EvaluatedSpace evaluated) {
        byInputs.put(outcomeInputs, evaluated);
    }
}

package kr.qfeedback.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

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

    private final Map<String, EvaluatedSpace> byInputs = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EvaluatedSpace> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized EvaluatedSpace find(String outcomeInputs) {
        return byInputs.get(outcomeInputs);
    }

    synchronized void keep(String outcomeInputs, EvaluatedSpace evaluated) {
        byInputs.put(outcomeInputs, evaluated);
    }
}

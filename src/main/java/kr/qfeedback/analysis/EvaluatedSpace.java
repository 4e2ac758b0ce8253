package kr.qfeedback.analysis;

import java.util.List;
import java.util.Map;
import kr.qfeedback.rules.SectionChoice;

/**
 * The profile space of one set of outcome inputs, grouped, with every fired row of each group's
 * example: the part of a coverage analysis that does not depend on the texts.
 */
record EvaluatedSpace(
        List<ProfileGroup> groups, List<List<SectionChoice>> outcomes, int total, Map<String, Integer> classCounts) {
    EvaluatedSpace {
        groups = List.copyOf(groups);
        outcomes = List.copyOf(outcomes);
        classCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(classCounts));
    }
}

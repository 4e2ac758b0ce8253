package kr.qfeedback.lifecycle;

import java.util.List;
import kr.qfeedback.analysis.CoverageReport;
import kr.qfeedback.rules.RuleProblem;

/**
 * What the checks found in a candidate rules folder: problems located in the files staff edited
 * (empty when it compiled) and, when it compiled, the completeness and conflict analysis.
 * {@code publishable} when it compiled and the analysis found no gap and no conflict.
 */
public record CheckReport(String version, List<RuleProblem> problems, CoverageReport coverage) {

    public CheckReport {
        problems = List.copyOf(problems);
    }

    public boolean compiled() {
        return problems.isEmpty();
    }

    public boolean publishable() {
        return compiled() && coverage != null && !coverage.blocksPublish();
    }
}

package kr.qfeedback.lifecycle;

import java.util.List;
import kr.qfeedback.analysis.CoverageAnalyzer;
import kr.qfeedback.analysis.CoverageReport;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleFiringLimitException;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;
import kr.qfeedback.rules.RuleSetException;

/** The checks every candidate passes before it can go live: compilation, then completeness and conflicts. */
public final class RuleChecks {
    private final RuleSetCompiler compiler;
    private final CoverageAnalyzer analyzer = new CoverageAnalyzer(BackgroundWork.ANALYSIS);

    /** The report, and the compiled rule set when it compiled (null otherwise). */
    public record Checked(CheckReport report, RuleSet rules) {}

    public RuleChecks() {
        this(new RuleSetCompiler());
    }

    RuleChecks(RuleSetCompiler compiler) {
        this.compiler = compiler;
    }

    public Checked check(RuleFiles files) {
        RuleSet rules;
        try {
            rules = compiler.compile(files);
        } catch (RuleSetException e) {
            return new Checked(new CheckReport(files.version(), e.problems(), null), null);
        }
        CoverageReport coverage;
        try {
            coverage = analyzer.analyze(rules);
        } catch (RuleFiringLimitException e) {
            // Rules that never come to rest are refused like a compile problem, not left to hang a request.
            return new Checked(new CheckReport(files.version(), List.of(e.problem()), null), null);
        }
        return new Checked(new CheckReport(files.version(), List.of(), coverage), rules);
    }
}

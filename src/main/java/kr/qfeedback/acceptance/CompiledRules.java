package kr.qfeedback.acceptance;

import java.nio.file.Path;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;

/**
 * The rule set the scenarios decide with. During a publish gate it is the candidate version under
 * test ({@link AcceptanceGate} sets it); otherwise (the test suite) it is the shipped {@code rules/}
 * folder, compiled once per JVM. {@code qfeedback.rules.dir} overrides the folder.
 */
final class CompiledRules {
    private static volatile RuleSet shipped;
    private static volatile RuleSet candidate;

    private CompiledRules() {}

    static RuleSet get() {
        RuleSet c = candidate;
        if (c != null) {
            return c;
        }
        RuleSet r = shipped;
        if (r == null) {
            synchronized (CompiledRules.class) {
                r = shipped;
                if (r == null) {
                    Path dir = Path.of(System.getProperty("qfeedback.rules.dir", "rules"));
                    r = new RuleSetCompiler().compile(RuleFiles.read(dir));
                    shipped = r;
                }
            }
        }
        return r;
    }

    private static volatile RuleSet second;

    /**
     * A second, independent compilation of the shipped folder (its own memo and caches), for
     * checking that a decision does not depend on what the first one remembers; null while a
     * publish gate tests a candidate, whose files are not kept here.
     */
    static RuleSet fresh() {
        if (candidate != null) {
            return null;
        }
        RuleSet r = second;
        if (r == null) {
            synchronized (CompiledRules.class) {
                r = second;
                if (r == null) {
                    r = new RuleSetCompiler()
                            .compile(RuleFiles.read(Path.of(System.getProperty("qfeedback.rules.dir", "rules"))));
                    second = r;
                }
            }
        }
        return r;
    }

    /** Used by the gate only, which runs one candidate at a time. */
    static void useCandidate(RuleSet rules) {
        candidate = rules;
    }
}

package kr.qfeedback.acceptance;

import java.nio.file.Path;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSetCompiler;

/**
 * The shipped rules folder, compiled once per test JVM (compiling takes seconds; every scenario
 * reuses the same rule set). The folder is {@code rules/} under the working directory, which is
 * the project directory under Maven; {@code qfeedback.rules.dir} overrides it.
 */
final class CompiledRules {
    private static volatile RuleSet rules;

    private CompiledRules() {
    }

    static RuleSet get() {
        RuleSet r = rules;
        if (r == null) {
            synchronized (CompiledRules.class) {
                r = rules;
                if (r == null) {
                    Path dir = Path.of(System.getProperty("qfeedback.rules.dir", "rules"));
                    r = new RuleSetCompiler().compile(RuleFiles.read(dir));
                    rules = r;
                }
            }
        }
        return r;
    }
}

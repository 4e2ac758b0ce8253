package kr.qfeedback.rules;

import static kr.qfeedback.rules.RuleFolder.assertAtLine;
import static kr.qfeedback.rules.RuleFolder.assertKoreanSaying;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistake in {@code rules/judgements.drl} is reported at its line of that file, never in a
 * generated file or at the folder. Each test appends one broken rule to a copy of the shipped
 * file, so the expected line does not depend on how the shipped rules are worded.
 */
class JudgementsDrlProblemsTest {
    private static final String DRL = "judgements.drl";
    private static final String DRL_DISPLAY = "rules/judgements.drl";

    @TempDir
    Path dir;

    @Test
    void aMissingClosingParenthesisIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int start = rules.append(DRL, """
                rule "테스트: 괄호를 닫지 않음"
                when
                    Profile( age != null,, age < 20 )
                then
                end
                """);

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, DRL_DISPLAY, start + 2);
        assertKoreanSaying(p, "DRL 규칙 오류", "괄호, 따옴표, 필드 이름");
    }

    @Test
    void aParenthesisClosedTwiceIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int start = rules.append(DRL, """
                rule "테스트: 괄호를 두 번 닫음"
                when
                    Profile( age != null, age < 20 ))
                then
                end
                """);

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, DRL_DISPLAY, start + 2);
        assertKoreanSaying(p, "DRL 규칙 오류", "괄호");
    }

    @Test
    void anUnknownProfileFieldIsReportedAtItsLineWithTheFieldsThatExist() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int start = rules.append(DRL, """
                rule "테스트: 없는 필드"
                when
                    Profile( nosuchField > 1 )
                then
                end
                """);

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, DRL_DISPLAY, start + 2);
        assertKoreanSaying(p, "DRL 규칙 오류", "nosuchField", "Profile 에서 쓸 수 있는 이름:", "exemptionDaysRemaining", "age");
    }

    @Test
    void anUnknownFactTypeIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int start = rules.append(DRL, """
                rule "테스트: 없는 사실"
                when
                    Candidate( age < 20 )
                then
                end
                """);

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, DRL_DISPLAY, start + 2);
        assertKoreanSaying(p, "DRL 규칙 오류", "Candidate");
    }

    /**
     * A consequence is read statement by statement before Drools sees it (rule files are data), so
     * a mistake in it is reported at its own line, where Drools would only name the rule's first line.
     */
    @Test
    void aMistakeInARuleConsequenceIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int start = rules.append(DRL, """
                rule "테스트: then 부분의 괄호"
                when
                    Profile( age != null )
                then
                    insert( new SurveyCampaign() ;
                end
                """);

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, DRL_DISPLAY, start + 4);
        assertKoreanSaying(p, "결과(then)", "insert( new SurveyCampaign() ;", "insert(new …(…))");
    }

    @Test
    void aDrlMistakeInTheShippedRuleTextIsReportedAtTheEditedLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(
                DRL, "Profile( age != null, age <= $maxAge )", "    Profile( age != null, age <= $maxAge ");

        RuleProblem p = rules.onlyProblem();

        // The parser notices the missing ")" when it reaches "then" on the next line.
        assertAtLine(p, DRL_DISPLAY, line + 1);
        assertKoreanSaying(p, "DRL 규칙 오류", "괄호");
    }
}

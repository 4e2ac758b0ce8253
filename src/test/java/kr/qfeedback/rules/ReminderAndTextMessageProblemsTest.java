package kr.qfeedback.rules;

import static kr.qfeedback.rules.RuleFolder.assertAtLine;
import static kr.qfeedback.rules.RuleFolder.assertKoreanSaying;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in the reminder table (parameters.yaml) and in the reminder and text-message templates
 * (messages.yaml) are refused at their line, in Korean; a text message that could exceed its byte
 * limit with the longest values the data allows is refused before it is ever sent.
 */
class ReminderAndTextMessageProblemsTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownOutcomeInTheReminderTableIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine("parameters.yaml", "WRITTEN_FAIL:", "  WRITTEN_FAILED: { 접수 마감: 1 }");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, "rules/parameters.yaml", line);
        assertKoreanSaying(p, "'알림 일정표'", "WRITTEN_FAILED", "알 수 없습니다", "WRITTEN_FAIL");
    }

    @Test
    void anUnknownReminderKindIsReportedAtItsRowNamingTheKindsThereAre() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine("parameters.yaml", "WRITTEN_FAIL:", "  WRITTEN_FAIL: { 접수 끝: 1 }");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, "rules/parameters.yaml", line);
        assertKoreanSaying(p, "WRITTEN_FAIL 줄 '접수 끝' 칸", "알 수 없는 알림 종류", "접수 마감");
    }

    @Test
    void aLeadTimeOutsideZeroToSixtyDaysIsReportedAtItsRow() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine("parameters.yaml", "WRITTEN_FAIL:", "  WRITTEN_FAIL: { 접수 마감: 61 }");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, "rules/parameters.yaml", line);
        assertKoreanSaying(p, "'접수 마감' 칸", "61", "0~60 사이의 정수");
    }

    @Test
    void aSurveyEndThatIsNotADateIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine("parameters.yaml", "만족도 조사 마감일:", "만족도 조사 마감일: 12월 말");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, "rules/parameters.yaml", line);
        assertKoreanSaying(p, "'만족도 조사 마감일'", "12월 말", "2026-12-31");
    }

    @Test
    void aResultLinkWithAQueryIsRefusedSoThatNoIdentifierCanBeAppended() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine("parameters.yaml", "결과 안내 주소:", "결과 안내 주소: https://www.q-net.or.kr/result?id=");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, "rules/parameters.yaml", line);
        assertKoreanSaying(p, "'결과 안내 주소'", "https://", "개인정보");
    }

    @Test
    void anSmsThatTheLongestQualificationNameWouldPushPastNinetyBytesIsRefusedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(
                "messages.yaml",
                "SMS:",
                "  SMS: \"Q-Net: [{qualificationName} ]{stageName}시험 결과는 {resultName}입니다. {resultLink}\"");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, "rules/messages.yaml", line);
        assertKoreanSaying(p, "'문자 SMS'", "EUC-KR", "SMS 한도 90바이트", "줄여 주세요");
    }

    @Test
    void anLmsThatCouldExceedTwoThousandBytesIsRefusedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        String long_ = "자세한 결과는 Q-Net에서 확인하세요. ".repeat(60);
        int line = rules.replaceLine("messages.yaml", "LMS:", "  LMS: \"" + long_ + "{reminders} {resultLink}\"");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, "rules/messages.yaml", line);
        assertKoreanSaying(p, "'문자 LMS'", "LMS 한도 2000바이트");
    }

    @Test
    void aPlaceholderWithoutALongestValueIsRefusedInATextMessage() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine("messages.yaml", "SMS:", "  SMS: \"{subjects} {resultLink}\"");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, "rules/messages.yaml", line);
        assertKoreanSaying(p, "'문자 SMS'", "{subjects}", "길이가 정해진 값만");
    }

    @Test
    void theReminderListIsRefusedOutsideTheLms() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine("messages.yaml", "SMS:", "  SMS: \"{reminders} {resultLink}\"");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, "rules/messages.yaml", line);
        assertKoreanSaying(p, "'문자 SMS'", "{reminders}");
    }

    @Test
    void aReminderKindWithoutATextIsReportedByName() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replaceLine("messages.yaml", "SURVEY_ENDS:", "");

        var problems = rules.problems();

        assertTrue(
                problems.stream().anyMatch(p -> p.describe().contains("'알림 SURVEY_ENDS' 문구가 없습니다")),
                problems.toString());
    }
}

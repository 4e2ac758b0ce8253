package kr.qfeedback.rules;

import static kr.qfeedback.rules.RuleFolder.assertAtLine;
import static kr.qfeedback.rules.RuleFolder.assertKoreanSaying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistake in {@code rules/messages.yaml} is reported at its line, in Korean, with what is accepted. */
class MessagesProblemsTest {
    private static final String MESSAGES = "messages.yaml";
    private static final String MESSAGES_DISPLAY = "rules/messages.yaml";

    @TempDir
    Path dir;

    @Test
    void aPlaceholderThatDoesNotExistIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace(
                MESSAGES, "{round} {qualificationName} 필기시험 결과 합격입니다", "{round} {noSuchPlaceholder} 필기시험 결과 합격입니다");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, MESSAGES_DISPLAY, rules.lineContaining(MESSAGES, "{noSuchPlaceholder}"));
        assertKoreanSaying(p, "{noSuchPlaceholder}", "RESULT_SUMMARY / WRITTEN_PASS 본문", "자리표시자 표에 있는 이름만");
    }

    /** The title starts like the WRITTEN_PASS title above it; the line must still be its own. */
    @Test
    void aPlaceholderThatDoesNotExistInATitleIsReportedAtThatTitlesLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace(
                MESSAGES,
                "\"{qualificationName} 필기시험 결과: 불합격\"",
                "\"{qualificationName} 필기시험 결과: {noSuchPlaceholder}\"");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, MESSAGES_DISPLAY, rules.lineContaining(MESSAGES, "{noSuchPlaceholder}"));
        assertKoreanSaying(p, "{noSuchPlaceholder}", "RESULT_SUMMARY / WRITTEN_FAIL 제목");
    }

    @Test
    void aPlaceholderThatDoesNotExistInANoticeIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace(MESSAGES, "종목코드 {qualificationCode}은(는)", "종목코드 {code}는");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, MESSAGES_DISPLAY, rules.lineContaining(MESSAGES, "{code}"));
        assertKoreanSaying(p, "{code}", "안내 UNKNOWN_QUALIFICATION");
    }

    @Test
    void anUnclosedOptionalPartIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace(MESSAGES, "남은 기간은 {daysRemaining}일입니다.[ 알려진 일정 중", "남은 기간은 {daysRemaining}일입니다. 알려진 일정 중");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, MESSAGES_DISPLAY, rules.lineContaining(MESSAGES, "남은 기간은 {daysRemaining}일입니다. 알려진"));
        assertKoreanSaying(p, "WRITTEN_EXEMPTION / ACTIVE 본문", "[ 또는 ] 짝이 맞지 않음");
    }

    /** "DEFAULT" is a message name under many sections; the problem is at the one under JOBS. */
    @Test
    void aMessageWithoutABodyIsReportedAtItsOwnNameEvenWhenOtherSectionsUseTheSameName() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace(MESSAGES, "      본문: \"{qualificationName} 자격을 우대하는 채용 정보와 산업 정보를 고용24에서 확인하세요.\"\n", "");

        RuleProblem p = rules.onlyProblem();

        int jobs = rules.lineContaining(MESSAGES, "  JOBS:");
        assertAtLine(p, MESSAGES_DISPLAY, jobs + 1);
        assertKoreanSaying(p, "JOBS / DEFAULT", "제목과 본문이 모두");
    }

    @Test
    void anUnknownSectionIdIsReportedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(MESSAGES, "SURVEY:", "  SURVEYS:");

        var problems = rules.problems();
        RuleProblem p = problems.get(0);

        assertAtLine(p, MESSAGES_DISPLAY, line);
        assertKoreanSaying(p, "'SURVEYS'", "섹션 ID", "RESULT_SUMMARY");
    }

    @Test
    void invalidYamlIsReportedAtTheLineWhereItBreaks() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        int line = rules.replaceLine(
                MESSAGES, "UNKNOWN_QUALIFICATION:", "  UNKNOWN_QUALIFICATION: \"종목코드: {qualificationCode}\" 는 없습니다");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, MESSAGES_DISPLAY, line);
        assertKoreanSaying(p, "YAML 형식이 잘못되었습니다", "들여쓰기와 따옴표");
    }

    @Test
    void aMissingMessageFileIsReportedByName() {
        RuleProblem p = RuleFolder.copyOfShippedRules(dir).delete(MESSAGES).onlyProblem();

        assertEquals(MESSAGES_DISPLAY, p.file());
        assertNull(p.line());
        assertNull(p.row());
        assertKoreanSaying(p, "파일이 없습니다", "messages.yaml");
    }
}

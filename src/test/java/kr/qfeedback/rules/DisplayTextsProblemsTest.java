package kr.qfeedback.rules;

import static kr.qfeedback.rules.RuleFolder.assertAtLine;
import static kr.qfeedback.rules.RuleFolder.assertKoreanSaying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.testing.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What staff write in {@code messages.yaml} reaches the candidate's page as it is: texts must be
 * plain and links https to a host of {@code 링크 허용 호스트}; anything else is refused at its line.
 */
class DisplayTextsProblemsTest {
    private static final String MESSAGES = "messages.yaml";
    private static final String MESSAGES_DISPLAY = "rules/messages.yaml";
    private static final String NCS_LINK = "{ 이름: \"NCS 학습모듈 보기\", 주소: \"https://www.ncs.go.kr\"";

    @TempDir
    Path dir;

    private RuleProblem linkProblem(String url) {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace(MESSAGES, NCS_LINK, "{ 이름: \"NCS 학습모듈 보기\", 주소: \"" + url + "\"");
        RuleProblem p = rules.onlyProblem();
        assertAtLine(p, MESSAGES_DISPLAY, rules.lineContaining(MESSAGES, "NCS 학습모듈 보기"));
        return p;
    }

    @Test
    void anHttpLinkIsRefusedAtItsLineNamingTheMessage() {
        RuleProblem p = linkProblem("http://www.ncs.go.kr");

        assertKoreanSaying(p, "WEAK_SUBJECTS / FAILED", "http://www.ncs.go.kr", "https:// 로 시작해야");
    }

    @Test
    void anHttpsLinkToAHostOffTheAllowListIsRefusedNamingTheHostAndTheList() {
        RuleProblem p = linkProblem("https://ncs.example.com/login");

        assertKoreanSaying(p, "WEAK_SUBJECTS / FAILED", "ncs.example.com", "링크 허용 호스트", "www.q-net.or.kr");
    }

    @Test
    void aJavascriptLinkIsRefusedAtItsLine() {
        RuleProblem p = linkProblem("javascript:alert(1)");

        assertKoreanSaying(p, "WEAK_SUBJECTS / FAILED", "javascript:alert(1)", "https://");
    }

    @Test
    void aLinkWithAUserNameBeforeAnAllowedHostIsRefused() {
        RuleProblem p = linkProblem("https://www.ncs.go.kr@ncs.example.com/");

        assertKoreanSaying(p, "WEAK_SUBJECTS / FAILED", "@");
    }

    @Test
    void aTitleWithAScriptTagIsRefusedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace(MESSAGES, "제목: \"먼저 준비할 과목\"", "제목: \"먼저 준비할 과목<script>alert(1)</script>\"");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, MESSAGES_DISPLAY, rules.lineContaining(MESSAGES, "<script>"));
        assertKoreanSaying(p, "WEAK_SUBJECTS / FAILED 제목", "'<'", "일반 글자만");
    }

    @Test
    void aBodyWithAnHtmlTagIsRefusedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace(MESSAGES, "본문: \"STEP(스마트 직업훈련 플랫폼)과", "본문: \"<b>STEP</b>(스마트 직업훈련 플랫폼)과");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, MESSAGES_DISPLAY, rules.lineContaining(MESSAGES, "<b>STEP</b>"));
        assertKoreanSaying(p, "TRAINING / DEFAULT 본문", "일반 글자만");
    }

    @Test
    void aLinkNameWithAnHtmlEntityIsRefusedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace(MESSAGES, "이름: \"STEP 무료 강좌\"", "이름: \"STEP&nbsp;무료 강좌\"");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, MESSAGES_DISPLAY, rules.lineContaining(MESSAGES, "STEP&nbsp;"));
        assertKoreanSaying(p, "TRAINING / DEFAULT 링크 이름", "&nbsp;");
    }

    @Test
    void aNoticeWithAMarkdownLinkIsRefusedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace(MESSAGES, "Q-Net 공지를 확인하세요.", "[Q-Net 공지](https://www.q-net.or.kr)를 확인하세요.");

        RuleProblem p = rules.onlyProblem();

        assertAtLine(p, MESSAGES_DISPLAY, rules.lineContaining(MESSAGES, "[Q-Net 공지]"));
        assertKoreanSaying(p, "안내 NO_DOCUMENT_WINDOW", "](");
    }

    @Test
    void anAllowListEntryThatIsNotAHostNameIsRefusedAtItsLine() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace("parameters.yaml", "[www.q-net.or.kr, ", "[\"https://www.q-net.or.kr/\", ");

        List<RuleProblem> problems = rules.problems();

        RuleProblem p = problems.get(0);
        assertAtLine(p, "rules/parameters.yaml", rules.lineContaining("parameters.yaml", "링크 허용 호스트:"));
        assertKoreanSaying(p, "링크 허용 호스트", "https://www.q-net.or.kr/", "호스트 이름만");
    }

    @Test
    void aHostAddedToTheAllowListMayBeLinkedTo() {
        RuleFolder rules = RuleFolder.copyOfShippedRules(dir);
        rules.replace("parameters.yaml", "www.work24.go.kr]", "www.work24.go.kr, www.hrdkorea.or.kr]");
        rules.replace(MESSAGES, NCS_LINK, "{ 이름: \"NCS 학습모듈 보기\", 주소: \"https://www.hrdkorea.or.kr/ncs?x=1\"");

        RuleSet compiled = rules.compile();

        assertTrue(compiled.parameters().linkHosts().contains("www.hrdkorea.or.kr"));
    }

    @Test
    void everyShippedLinkIsHttpsToAListedHostAndEveryShippedTextIsPlain() {
        RuleSet shipped = ShippedRules.compiled();
        Set<String> hosts = shipped.parameters().linkHosts();

        assertEquals(Set.of("www.q-net.or.kr", "www.ncs.go.kr", "www.step.or.kr", "www.work24.go.kr"), hosts);
        shipped.messages().sections().values().stream()
                .flatMap(variants -> variants.values().stream())
                .forEach(template -> {
                    assertEquals(Optional.empty(), DisplayTexts.markupIn(template.title()));
                    assertEquals(Optional.empty(), DisplayTexts.markupIn(template.body()));
                    for (Link link : template.links()) {
                        assertEquals(Optional.empty(), DisplayTexts.markupIn(link.label()));
                        assertEquals("https", URI.create(link.url()).getScheme(), link::url);
                        assertTrue(hosts.contains(URI.create(link.url()).getHost()), link::url);
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<b>굵게</b>",
                "점수 < 60",
                "a > b",
                "&lt;script&gt;",
                "&#60;",
                "&#x3C;",
                "JavaScript :alert(1)",
                "[여기](https://www.q-net.or.kr)",
                "![그림](a.png)"
            })
    void markupAndScriptTextIsNotPlain(String text) {
        assertTrue(DisplayTexts.markupIn(text).isPresent(), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "합격입니다![ 남은 {practicalRoundsLeft}회]",
                "[평균 {meanMinimum}점 이상][100점 만점에 {wholePaperMinimum}점 이상]",
                "마감일[({deadline})]까지",
                "R&D 분야",
                "Q&A 게시판",
                "60점 이상 (과락 없음)"
            })
    void ordinaryKoreanTextWithBracketsAndAmpersandsIsPlain(String text) {
        assertEquals(Optional.empty(), DisplayTexts.markupIn(text), text);
    }
}

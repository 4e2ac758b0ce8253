package kr.qfeedback.acceptance;

import static kr.qfeedback.acceptance.CurrentScenario.DECISIONS;
import static kr.qfeedback.acceptance.CurrentScenario.rules;
import static kr.qfeedback.acceptance.Expect.assertEquals;
import static kr.qfeedback.acceptance.Expect.assertFalse;
import static kr.qfeedback.acceptance.Expect.assertNotNull;
import static kr.qfeedback.acceptance.Expect.assertTrue;

import io.cucumber.java.ko.그러면;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kr.qfeedback.decision.FactDeriver;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.TraceEntry;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.ApiError;

/**
 * The 그러면 steps about the decision as a whole: its outcome or refusal, its notices, the trace
 * back to the rule files, and that deciding again gives the same answer.
 */
public class DecisionSteps {
    private static final Pattern TRACE_SOURCE = Pattern.compile("rules/\\S.*:(row|line) \\d+");

    private static CurrentScenario current() {
        return CurrentScenario.get();
    }

    private static FeedbackDecision decision() {
        return current().decision();
    }

    @그러면("^요청은 \"([\\w.]+)\" 항목이 서로 맞지 않아 거절된다(?:: \"([^\"]+)\"(?:이|가) 들어 있다)?$")
    public void 거절된다(String field, String phrase) {
        FeedbackRequest built = current().scenario().build("acceptance-scenario");
        ApiError refusal = null;
        try {
            DECISIONS.checked(built, rules());
        } catch (ApiError e) {
            refusal = e;
        }
        assertNotNull(refusal, "요청이 거절되어야 하는데(422 INCONSISTENT) 결정되었습니다.");
        assertEquals("INCONSISTENT", refusal.code(), "거절 코드: " + refusal.getMessage());
        assertEquals(field, refusal.field(), "거절 사유의 항목: " + refusal.getMessage());
        if (phrase != null) {
            assertTrue(
                    refusal.getMessage().contains(phrase),
                    "거절 사유에 \"" + phrase + "\"이(가) 없습니다: " + refusal.getMessage());
        }
    }

    @그러면("^결과는 \"([A-Z_]+)\"이다$")
    public void 결과(String outcome) {
        assertEquals(outcome, decision().outcome().code(), "결과(outcome)");
    }

    /** One step for a notice that must be there and one that must not. */
    @그러면("^안내 \"([A-Z_]+)\"(?:(?:이|가) (있다)|(?:은|는) 없다)$")
    public void 안내(String code, String present) {
        List<String> codes = current().noticeCodes();
        if (present == null) {
            assertFalse(
                    codes.contains(code),
                    "안내(notices)에 " + code + "가 있으면 안 됩니다. 있는 안내: " + decision().notices());
            return;
        }
        assertTrue(
                codes.contains(code),
                "안내(notices)에 " + code + "가 없습니다. 있는 안내: " + decision().notices());
        Notice notice = decision().notices().stream()
                .filter(n -> n.code().equals(code))
                .findFirst()
                .orElseThrow();
        assertTrue(notice.message() != null && !notice.message().isBlank(), "안내 " + code + "의 문구가 비어 있습니다");
    }

    @그러면("^안내 \"([A-Z_]+)\"의 글에 \"([^\"]+)\"(?:이|가) 들어 있다$")
    public void 안내_글(String code, String phrase) {
        var notice = decision().notices().stream()
                .filter(n -> n.code().equals(code))
                .findFirst()
                .orElse(null);
        assertNotNull(notice, "안내 " + code + "이(가) 없습니다. 있는 안내: " + decision().notices());
        assertTrue(
                notice.message().contains(phrase),
                "안내 " + code + "의 글에 \"" + phrase + "\"이(가) 없습니다: " + notice.message());
    }

    @그러면("^안내는 없다$")
    public void 안내는_없다() {
        assertEquals(
                List.of(),
                current().noticeCodes(),
                "안내(notices)가 없어야 합니다: " + decision().notices());
    }

    @그러면("^모든 섹션에 결정한 규칙의 출처가 있다$")
    public void 규칙_출처() {
        List<String> problems = new ArrayList<>();
        for (Section s : decision().sections()) {
            List<TraceEntry> entries = decision().trace().stream()
                    .filter(t -> t.section() == s.id())
                    .toList();
            if (entries.isEmpty()) {
                problems.add(s.id() + ": trace 가 없습니다");
            } else if (entries.stream()
                    .noneMatch(t -> t.source() != null
                            && TRACE_SOURCE.matcher(t.source()).matches())) {
                problems.add(s.id() + ": 'rules/…:row N' 또는 'rules/…:line N' 형식의 출처가 없습니다 " + entries);
            }
            entries.stream()
                    .filter(t -> t.rule() == null || t.rule().isBlank())
                    .forEach(t -> problems.add(s.id() + ": 규칙 이름이 비어 있습니다 " + t));
        }
        decision().trace().stream()
                .filter(t -> current().find(t.section()).isEmpty())
                .forEach(t -> problems.add(t.section() + ": 보이지 않는 섹션의 trace 가 있습니다 " + t));
        assertTrue(problems.isEmpty(), "결정한 규칙의 출처(trace)가 맞지 않습니다:\n  " + String.join("\n  ", problems));
    }

    @그러면("^같은 요청을 다시 결정해도 같은 섹션과 자료가 나온다$")
    public void 결정은_결정적이다() {
        FeedbackDecision first = decision();
        FeedbackRequest request = current().request();
        // Decided again on a rule set compiled afresh from the same files (its own memo and caches), so
        // that the comparison is not a remembered value compared with itself. In a publish gate the
        // candidate's files are not at hand: its rules are asked again without the memo instead.
        RuleSet fresh = CompiledRules.fresh();
        if (fresh == null) {
            var profile = new FactDeriver(rules().reference(), rules().parameters())
                    .derive(request)
                    .profile();
            assertEquals(
                    rules().evaluateUncached(profile).sections(),
                    rules().evaluate(profile).sections(),
                    "같은 요청의 섹션 선택");
            return;
        }
        FeedbackDecision again = DECISIONS.decide(request, fresh);
        assertEquals(first.outcome(), again.outcome(), "결과");
        assertEquals(first.sections(), again.sections(), "같은 요청의 섹션과 자료");
        assertEquals(first.notices(), again.notices(), "같은 요청의 안내");
    }
}

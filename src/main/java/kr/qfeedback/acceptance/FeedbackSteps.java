package kr.qfeedback.acceptance;

import static kr.qfeedback.acceptance.Expect.assertEquals;
import static kr.qfeedback.acceptance.Expect.assertFalse;
import static kr.qfeedback.acceptance.Expect.assertNotNull;
import static kr.qfeedback.acceptance.Expect.assertTrue;
import static kr.qfeedback.acceptance.Expect.fail;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.ko.그러면;
import io.cucumber.java.ko.만일;
import io.cucumber.java.ko.조건;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.TraceEntry;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.wire.ApiError;
import kr.qfeedback.wire.DecisionService;

/**
 * The steps of the Korean policy scenarios in {@code features/}. A scenario describes one
 * candidate's result (조건/만일), the service decides it with the shipped rules once, and the
 * 그러면 steps check the decision: which sections are shown, in which order and tone, their data,
 * titles, notices and the trace back to the rule files.
 *
 * <p>Cucumber makes a new instance for every scenario, so the state below never leaks.
 */
public class FeedbackSteps {
    /** The path every decision takes (parse, check, decide); scenarios enter it after the parse. */
    private static final DecisionService DECISIONS = new DecisionService(java.time.Clock.systemUTC());
    /** The data fields the contract's section catalogue names; they must always be present. */
    private static final Map<SectionId, List<String>> CATALOGUE_FIELDS = Map.of(
            SectionId.RESULT_SUMMARY, List.of("result", "stage", "finalPass"),
            SectionId.SCORE_BREAKDOWN, List.of("subjects", "average"),
            SectionId.PASS_CRITERIA, List.of("subjectMinimum", "averageMinimum", "shortfall", "failedSubjects"),
            SectionId.WEAK_SUBJECTS, List.of("subjects"),
            SectionId.PASSER_COMPARISON, List.of("passerAverage", "topPercent"),
            SectionId.PASS_RATE_TREND, List.of("stage", "years"),
            SectionId.WRITTEN_EXEMPTION, List.of("validFrom", "validUntil", "daysRemaining", "status", "practicalRoundsLeft"),
            SectionId.ELIGIBILITY_DOCUMENTS, List.of("deadline"),
            SectionId.NEXT_EXAM_SCHEDULE, List.of("stage", "registrationStart", "registrationEnd", "examDate"),
            SectionId.YOUTH_FEE_DISCOUNT, List.of("maxAge"));
    private static final Pattern TRACE_SOURCE = Pattern.compile("rules/\\S.*:(row|line) \\d+");
    /** How a scenario writes "no value" and "an empty list" in a 값 cell. */
    private static final String NO_VALUE = "(없음)";
    private static final String EMPTY_LIST = "(빈 목록)";

    private final ScenarioRequest scenario = new ScenarioRequest();
    private FeedbackRequest request;
    private FeedbackDecision decision;

    // ---------------------------------------------------------------- 조건: who the candidate is

    @조건("^\"([^\"]+)\"\\((\\w+), ?([^)]+)\\) 응시자가 있다$")
    public void 응시자(String name, String code, String gradeWord) {
        Grade grade = ScenarioRequest.grade(gradeWord);
        Qualification known = rules().reference().find(code).orElse(null);
        if (known == null) {
            fail("종목코드 " + code + "(" + name + ")가 기준 자료 rules/reference/qualifications.json 에 없습니다."
                    + " 기준 자료에 없는 종목을 시험하려면 '기준 자료에 없는 종목 \"…\"(코드, 등급) 응시자가 있다'를 쓰세요.");
        }
        assertEquals(known.name(), name, "시나리오의 종목명 \"" + name + "\"이 기준 자료의 종목코드 " + code
                + " 이름 \"" + known.name() + "\"과 다릅니다");
        if (known.grade() != null) {
            assertEquals(known.grade(), grade, "시나리오의 등급 " + gradeWord + "이 기준 자료의 " + name + "(" + code
                    + ") 등급 " + known.grade() + "과 다릅니다");
        }
        // Q-Net may leave the name out when the code is in the reference data: the service must find it.
        scenario.qualification(code, null, grade);
    }

    @조건("^기준 자료에 없는 종목 \"([^\"]+)\"\\((\\w+), ?([^)]+)\\) 응시자가 있다$")
    public void 미등록_종목_응시자(String name, String code, String gradeWord) {
        assertTrue(rules().reference().find(code).isEmpty(),
                "종목코드 " + code + "는 기준 자료에 있습니다(" + rules().reference().find(code).map(Qualification::name).orElse("")
                        + "). 기준 자료에 없는 코드를 고르세요.");
        scenario.qualification(code, name, ScenarioRequest.grade(gradeWord));
    }

    @조건("^시험은 \"([^\"]+)\" 회차로 \"(\\d{4}-\\d{2}-\\d{2})\"에 치렀고 \"(\\d{4}-\\d{2}-\\d{2})\"에 발표되었다$")
    public void 시험_회차(String round, String examDate, String announcedOn) {
        scenario.sitting(round, date(examDate), date(announcedOn));
    }

    @조건("^기준일은 \"(\\d{4}-\\d{2}-\\d{2})\"이다$")
    public void 기준일(String asOf) {
        scenario.asOf(date(asOf));
    }

    @조건("^생년월일은 \"(\\d{4}-\\d{2}-\\d{2})\"이다$")
    public void 생년월일(String birthDate) {
        scenario.birthDate(date(birthDate));
    }

    @조건("^응시자격 서류는 \"([^\"]+)\"이다$")
    public void 응시자격_서류(String status) {
        scenario.documents(ScenarioRequest.documents(status));
    }

    @조건("^가지고 있는 자격은 \"([^\"]+)\"이다$")
    public void 보유_자격(String codes) {
        scenario.heldQualifications(java.util.Arrays.stream(codes.split(",")).map(String::strip).toList());
    }

    @조건("^필기 합격 발표일은 \"(\\d{4}-\\d{2}-\\d{2})\"이다$")
    public void 필기_합격_발표일(String date) {
        scenario.writtenPassAnnouncedOn(date(date));
    }

    // ---------------------------------------------------------------- 만일: the result

    @만일("^\"([^\"]+)\" 시험 결과 \"([^\"]+)\", 총점 (\\d+(?:\\.\\d)?)점을 받는다$")
    public void 시험_결과(String stageWord, String resultWord, String score) {
        scenario.result(ScenarioRequest.stage(stageWord), ScenarioRequest.result(resultWord), Double.valueOf(score));
    }

    @만일("^\"([^\"]+)\" 시험에 결시한다$")
    public void 결시(String stageWord) {
        scenario.result(ScenarioRequest.stage(stageWord), ScenarioRequest.result("결시"), null);
    }

    @만일("^과목 점수는 다음과 같다:?$")
    public void 과목_점수(DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            String subject = required(row, "과목");
            scenario.subject(subject, Double.parseDouble(required(row, "점수")));
        }
    }

    // ---------------------------------------------------------------- 그러면: the decision

    @그러면("^요청은 \"([\\w.]+)\" 항목이 서로 맞지 않아 거절된다(?:: \"([^\"]+)\"(?:이|가) 들어 있다)?$")
    public void 거절된다(String field, String phrase) {
        FeedbackRequest built = scenario.build("acceptance-scenario");
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
            assertTrue(refusal.getMessage().contains(phrase), "거절 사유에 \"" + phrase + "\"이(가) 없습니다: " + refusal.getMessage());
        }
    }

    @그러면("^결과는 \"([A-Z_]+)\"이다$")
    public void 결과(String outcome) {
        assertEquals(outcome, decision().outcome().code(), "결과(outcome)");
    }

    @그러면("^보이는 섹션은 순서대로 다음과 같다:?$")
    public void 보이는_섹션_순서(DataTable table) {
        List<Map<String, String>> rows = table.asMaps();
        List<String> expected = rows.stream().map(r -> required(r, "섹션")).toList();
        List<String> actual = decision().sections().stream().map(s -> s.id().name()).toList();
        assertEquals(expected, actual, "보이는 섹션과 그 순서가 다릅니다.\n  기대: " + expected + "\n  실제: " + describe(decision().sections()));
        List<Integer> orders = decision().sections().stream().map(Section::order).toList();
        assertEquals(orders.stream().sorted().toList(), orders, "섹션이 order 순으로 정렬되어 있지 않습니다: " + orders);
        for (Map<String, String> row : rows) {
            String tone = row.get("톤");
            if (tone != null && !tone.isBlank()) {
                섹션_톤(row.get("섹션"), tone.trim());
            }
        }
    }

    @그러면("^\"([A-Z_]+)\" 섹션(?:이|은) (보인다|보이지 않는다)$")
    public void 섹션_표시(String id, String shown) {
        if (shown.equals("보인다")) {
            section(id);
        } else {
            SectionId sectionId = sectionId(id);
            assertTrue(find(sectionId).isEmpty(), id + " 섹션은 보이지 않아야 하는데 보입니다. 보이는 섹션: "
                    + describe(decision().sections()) + "\n  결정한 규칙: " + traceOf(sectionId));
        }
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 톤은 \"([A-Z]+)\"이다$")
    public void 섹션_톤(String id, String tone) {
        assertEquals(tone, section(id).tone().name(), id + " 섹션의 톤(tone)");
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 \"(\\w+)\"(?:은|는) \"([^\"]*)\"(?:이다|다)$")
    public void 섹션_자료(String id, String field, String expected) {
        Section section = section(id);
        assertTrue(section.data().containsKey(field), id + " 섹션의 data 에 \"" + field + "\" 항목이 없습니다. 있는 항목: "
                + section.data().keySet());
        Object actual = section.data().get(field);
        assertTrue(sameValue(expected, actual), id + " 섹션의 \"" + field + "\" 값이 다릅니다. 기대: " + expected
                + ", 실제: " + show(actual) + "  (섹션 data: " + section.data() + ")");
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 \"(\\w+)\"(?:은|는) 값이 없다$")
    public void 섹션_자료_없음(String id, String field) {
        섹션_자료(id, field, NO_VALUE);
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 \"(\\w+)\"(?:은|는) 빈 목록이다$")
    public void 섹션_자료_빈_목록(String id, String field) {
        섹션_자료(id, field, EMPTY_LIST);
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 자료는 다음과 같다:?$")
    public void 섹션_자료_표(String id, DataTable table) {
        List<String> problems = new ArrayList<>();
        Section section = section(id);
        for (Map<String, String> row : table.asMaps()) {
            String field = required(row, "항목");
            String expected = Objects.requireNonNullElse(row.get("값"), "");
            if (!section.data().containsKey(field)) {
                problems.add("\"" + field + "\" 항목이 없습니다");
            } else if (!sameValue(expected, section.data().get(field))) {
                problems.add("\"" + field + "\": 기대 " + expected + ", 실제 " + show(section.data().get(field)));
            }
        }
        assertTrue(problems.isEmpty(), id + " 섹션의 자료가 다릅니다:\n  " + String.join("\n  ", problems)
                + "\n  (섹션 data: " + section.data() + ")");
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 연도별 합격률은 다음과 같다:?$")
    public void 연도별_합격률(String id, DataTable table) {
        Section section = section(id);
        Object years = section.data().get("years");
        assertTrue(years instanceof List<?>, id + " 섹션의 \"years\"가 목록이 아닙니다: " + show(years));
        List<String> actual = new ArrayList<>();
        for (Object y : (List<?>) years) {
            Map<?, ?> m = (Map<?, ?>) y;
            actual.add(m.get("year") + "년 " + (m.get("passRate") == null ? "통계 없음" : plain(m.get("passRate")) + "%"));
        }
        List<String> expected = table.asMaps().stream()
                .map(r -> required(r, "연도") + "년 " + (r.get("합격률") == null || r.get("합격률").isBlank() ? "통계 없음"
                        : plain(new BigDecimal(r.get("합격률").strip())) + "%")).toList();
        assertEquals(expected, actual, id + " 섹션의 연도별 합격률(years)");
    }

    @그러면("^과목별 점수에서 과락으로 표시된 과목은 \"([^\"]*)\"이다$")
    public void 과락_표시_과목(String expected) {
        assertEquals(expected, String.join(", ", belowMinimumSubjects()), "SCORE_BREAKDOWN 에서 belowSubjectMinimum 이 참인 과목");
    }

    @그러면("^과목별 점수에서 과락으로 표시된 과목은 없다$")
    public void 과락_표시_과목_없음() {
        assertEquals(List.of(), belowMinimumSubjects(), "SCORE_BREAKDOWN 에서 belowSubjectMinimum 이 참인 과목");
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 제목에 \"([^\"]+)\"(?:이|가) 들어 있다$")
    public void 제목에_들어_있다(String id, String words) {
        String title = section(id).title();
        assertTrue(title != null && title.contains(words), id + " 섹션의 제목에 \"" + words + "\"이(가) 없습니다. 제목: " + title);
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 제목에 \"([^\"]+)\"(?:이|가) 들어 있지 않다$")
    public void 제목에_들어_있지_않다(String id, String words) {
        String title = section(id).title();
        assertFalse(title != null && title.contains(words), id + " 섹션의 제목에 \"" + words + "\"이(가) 있으면 안 됩니다. 제목: " + title);
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 본문에 \"([^\"]+)\"(?:이|가) 들어 있다$")
    public void 본문에_들어_있다(String id, String words) {
        String body = section(id).body();
        assertTrue(body != null && body.contains(words), id + " 섹션의 본문에 \"" + words + "\"이(가) 없습니다. 본문: " + body);
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 본문에 \"([^\"]+)\"(?:이|가) 들어 있지 않다$")
    public void 본문에_들어_있지_않다(String id, String words) {
        String body = section(id).body();
        assertFalse(body != null && body.contains(words), id + " 섹션의 본문에 \"" + words + "\"이(가) 있으면 안 됩니다. 본문: " + body);
    }

    @그러면("^모든 섹션의 제목과 본문이 채워져 있다$")
    public void 제목과_본문이_채워져_있다() {
        for (Section s : decision().sections()) {
            assertTrue(s.title() != null && !s.title().isBlank(), s.id() + " 섹션의 제목이 비어 있습니다");
            assertTrue(s.body() != null && !s.body().isBlank(), s.id() + " 섹션의 본문이 비어 있습니다");
            for (String text : List.of(s.title(), s.body())) {
                assertFalse(text.contains("{") || text.contains("null"),
                        s.id() + " 섹션의 문구에 채워지지 않은 자리({이름})나 null 이 남아 있습니다: " + text);
            }
        }
    }

    @그러면("^\"([A-Z_]+)\" 섹션에 QR 코드로도 보여 줄 링크가 있다$")
    public void QR_링크(String id) {
        Section section = section(id);
        assertTrue(section.links().stream().anyMatch(l -> l.qr() && l.url() != null && l.url().startsWith("https://")),
                id + " 섹션에 QR 코드로 보여 줄 https 링크가 없습니다. 링크: " + section.links());
    }

    @그러면("^안내 \"([A-Z_]+)\"(?:이|가) 있다$")
    public void 안내가_있다(String code) {
        List<String> codes = noticeCodes();
        assertTrue(codes.contains(code), "안내(notices)에 " + code + "가 없습니다. 있는 안내: " + decision().notices());
        Notice notice = decision().notices().stream().filter(n -> n.code().equals(code)).findFirst().orElseThrow();
        assertTrue(notice.message() != null && !notice.message().isBlank(), "안내 " + code + "의 문구가 비어 있습니다");
    }

    @그러면("^안내 \"([A-Z_]+)\"의 글에 \"([^\"]+)\"(?:이|가) 들어 있다$")
    public void 안내_글(String code, String phrase) {
        var notice = decision().notices().stream().filter(n -> n.code().equals(code)).findFirst().orElse(null);
        assertNotNull(notice, "안내 " + code + "이(가) 없습니다. 있는 안내: " + decision().notices());
        assertTrue(notice.message().contains(phrase), "안내 " + code + "의 글에 \"" + phrase + "\"이(가) 없습니다: " + notice.message());
    }

    @그러면("^안내 \"([A-Z_]+)\"(?:은|는) 없다$")
    public void 안내가_없다(String code) {
        assertFalse(noticeCodes().contains(code), "안내(notices)에 " + code + "가 있으면 안 됩니다. 있는 안내: " + decision().notices());
    }

    @그러면("^안내는 없다$")
    public void 안내는_없다() {
        assertEquals(List.of(), noticeCodes(), "안내(notices)가 없어야 합니다: " + decision().notices());
    }

    @그러면("^모든 섹션에 결정한 규칙의 출처가 있다$")
    public void 규칙_출처() {
        List<String> problems = new ArrayList<>();
        for (Section s : decision().sections()) {
            List<TraceEntry> entries = decision().trace().stream().filter(t -> t.section() == s.id()).toList();
            if (entries.isEmpty()) {
                problems.add(s.id() + ": trace 가 없습니다");
            } else if (entries.stream().noneMatch(t -> t.source() != null && TRACE_SOURCE.matcher(t.source()).matches())) {
                problems.add(s.id() + ": 'rules/…:row N' 또는 'rules/…:line N' 형식의 출처가 없습니다 " + entries);
            }
            entries.stream().filter(t -> t.rule() == null || t.rule().isBlank())
                    .forEach(t -> problems.add(s.id() + ": 규칙 이름이 비어 있습니다 " + t));
        }
        decision().trace().stream().filter(t -> find(t.section()).isEmpty())
                .forEach(t -> problems.add(t.section() + ": 보이지 않는 섹션의 trace 가 있습니다 " + t));
        assertTrue(problems.isEmpty(), "결정한 규칙의 출처(trace)가 맞지 않습니다:\n  " + String.join("\n  ", problems));
    }

    @그러면("^모든 섹션에 정해진 자료 항목이 빠짐없이 있다$")
    public void 카탈로그_자료_항목() {
        List<String> problems = new ArrayList<>();
        for (Section s : decision().sections()) {
            for (String field : CATALOGUE_FIELDS.getOrDefault(s.id(), List.of())) {
                if (!s.data().containsKey(field)) {
                    problems.add(s.id() + "." + field);
                }
            }
            if (s.id() == SectionId.SCORE_BREAKDOWN && s.data().get("subjects") instanceof List<?> rows) {
                rows.forEach(r -> List.of("name", "score", "belowSubjectMinimum").stream()
                        .filter(f -> !((Map<?, ?>) r).containsKey(f))
                        .forEach(f -> problems.add("SCORE_BREAKDOWN.subjects[]." + f)));
            }
            if (s.id() == SectionId.PASS_RATE_TREND && s.data().get("years") instanceof List<?> rows) {
                rows.forEach(r -> List.of("year", "passRate").stream()
                        .filter(f -> !((Map<?, ?>) r).containsKey(f))
                        .forEach(f -> problems.add("PASS_RATE_TREND.years[]." + f)));
            }
        }
        assertTrue(problems.isEmpty(), "계약서 섹션 목록이 정한 data 항목이 빠졌습니다: " + problems);
    }

    @그러면("^같은 요청을 다시 결정해도 같은 섹션과 자료가 나온다$")
    public void 결정은_결정적이다() {
        // Decided again on a rule set compiled afresh from the same files (its own memo and caches), so
        // that the comparison is not a remembered value compared with itself. In a publish gate the
        // candidate's files are not at hand: its rules are asked again without the memo instead.
        RuleSet fresh = CompiledRules.fresh();
        if (fresh == null) {
            var profile = new kr.qfeedback.decision.FactDeriver(rules().reference(), rules().parameters()).derive(request).profile();
            assertEquals(rules().evaluateUncached(profile).sections(), rules().evaluate(profile).sections(), "같은 요청의 섹션 선택");
            return;
        }
        FeedbackDecision again = DECISIONS.decide(request, fresh);
        assertEquals(decision().outcome(), again.outcome(), "결과");
        assertEquals(decision().sections(), again.sections(), "같은 요청의 섹션과 자료");
        assertEquals(decision().notices(), again.notices(), "같은 요청의 안내");
    }

    // ---------------------------------------------------------------- helpers

    private static RuleSet rules() {
        return CompiledRules.get();
    }

    private FeedbackDecision decision() {
        if (decision == null) {
            request = scenario.build("acceptance-scenario");
            checkSubjectNames(request);
            try {
                decision = DECISIONS.decide(DECISIONS.checked(request, rules()), rules());
            } catch (ApiError e) {
                fail("시나리오의 요청이 받아들여지지 않습니다(HTTP 라면 " + e.status() + " " + e.code() + "): " + e.field() + " — "
                        + e.getMessage());
            }
            assertNotNull(decision, "결정이 없습니다");
        }
        return decision;
    }

    /** Scenarios use the subject names of the reference data, so they cannot drift into invented ones. */
    private static void checkSubjectNames(FeedbackRequest request) {
        Optional<Qualification> known = rules().reference().find(request.qualification().code());
        if (known.isEmpty() || request.exam().subjects().isEmpty()) {
            return;
        }
        List<String> listed = request.exam().stage() == Stage.WRITTEN ? known.get().writtenSubjects() : known.get().secondStageSubjects();
        if (listed.isEmpty()) {
            return;
        }
        for (var s : request.exam().subjects()) {
            assertTrue(listed.contains(s.name()), "과목 \"" + s.name() + "\"은(는) 기준 자료의 " + known.get().name() + " "
                    + request.exam().stage() + " 과목이 아닙니다. 기준 자료의 과목: " + listed);
        }
    }

    private Optional<Section> find(SectionId id) {
        return decision().sections().stream().filter(s -> s.id() == id).findFirst();
    }

    private Section section(String id) {
        SectionId sectionId = sectionId(id);
        return find(sectionId).orElseGet(() -> fail(id + " 섹션이 보여야 하는데 보이지 않습니다. 보이는 섹션: "
                + describe(decision().sections()) + ", 안내: " + noticeCodes()));
    }

    private static SectionId sectionId(String id) {
        return SectionId.parse(id).orElseGet(() -> fail("\"" + id + "\"은(는) 계약서 섹션 목록에 없는 섹션 ID 입니다"));
    }

    private List<String> traceOf(SectionId id) {
        return decision().trace().stream().filter(t -> t.section() == id).map(t -> t.rule() + " (" + t.source() + ")").toList();
    }

    private List<String> noticeCodes() {
        return decision().notices().stream().map(Notice::code).toList();
    }

    private List<String> belowMinimumSubjects() {
        Object subjects = section("SCORE_BREAKDOWN").data().get("subjects");
        assertTrue(subjects instanceof List<?>, "SCORE_BREAKDOWN 섹션의 \"subjects\"가 목록이 아닙니다: " + show(subjects));
        List<String> names = new ArrayList<>();
        for (Object o : (List<?>) subjects) {
            Map<?, ?> row = (Map<?, ?>) o;
            if (Boolean.TRUE.equals(row.get("belowSubjectMinimum"))) {
                names.add(String.valueOf(row.get("name")));
            }
        }
        return names;
    }

    private static String describe(List<Section> sections) {
        return sections.stream().map(s -> s.id() + "(" + s.order() + ", " + s.tone() + ")").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String required(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null) {
            fail("표에 \"" + column + "\" 열이 없거나 비어 있습니다: " + row);
        }
        return value.trim();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /**
     * Compares a scenario's value with a data value: numbers by value (5 = 5.0), lists as their
     * items joined by ", ", {@value #NO_VALUE} for null and {@value #EMPTY_LIST} for an empty list.
     */
    private static boolean sameValue(String expected, Object actual) {
        return show(expected.trim()).equals(show(actual)) || normalise(expected.trim()).equals(show(actual));
    }

    private static String normalise(String expected) {
        if (expected.matches("-?\\d+(\\.\\d+)?")) {
            return plain(new BigDecimal(expected));
        }
        return expected;
    }

    private static String show(Object value) {
        if (value == null) {
            return NO_VALUE;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? EMPTY_LIST : list.stream().map(FeedbackSteps::show).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> shown = new LinkedHashMap<>();
            map.forEach((k, v) -> shown.put(String.valueOf(k), show(v)));
            return shown.toString();
        }
        if (value instanceof Number) {
            return plain(value);
        }
        return String.valueOf(value);
    }

    private static String plain(Object number) {
        return number == null ? NO_VALUE : new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
}

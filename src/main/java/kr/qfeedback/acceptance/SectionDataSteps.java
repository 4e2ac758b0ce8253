package kr.qfeedback.acceptance;

import static kr.qfeedback.acceptance.Expect.assertEquals;
import static kr.qfeedback.acceptance.Expect.assertTrue;
import static kr.qfeedback.acceptance.ScenarioValues.EMPTY_LIST;
import static kr.qfeedback.acceptance.ScenarioValues.NO_VALUE;
import static kr.qfeedback.acceptance.ScenarioValues.plain;
import static kr.qfeedback.acceptance.ScenarioValues.required;
import static kr.qfeedback.acceptance.ScenarioValues.sameValue;
import static kr.qfeedback.acceptance.ScenarioValues.show;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.ko.그러면;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.qfeedback.decision.SectionDataAssembler;
import kr.qfeedback.feedback.Section;

/**
 * The 그러면 steps about the {@code data} of the visible sections: single values, tables of values,
 * the pass-rate years, the subjects marked 과락, and the fields every section of a kind carries.
 */
public class SectionDataSteps {

    private static CurrentScenario current() {
        return CurrentScenario.get();
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 \"(\\w+)\"(?:은|는) \"([^\"]*)\"(?:이다|다)$")
    public void 섹션_자료(String id, String field, String expected) {
        Section section = current().section(id);
        assertTrue(
                section.data().containsKey(field),
                id + " 섹션의 data 에 \"" + field + "\" 항목이 없습니다. 있는 항목: "
                        + section.data().keySet());
        Object actual = section.data().get(field);
        assertTrue(
                sameValue(expected, actual),
                id + " 섹션의 \"" + field + "\" 값이 다릅니다. 기대: " + expected + ", 실제: " + show(actual) + "  (섹션 data: "
                        + section.data() + ")");
    }

    /** "값이 없다" is a null value ({@value ScenarioValues#NO_VALUE}), "빈 목록이다" an empty list. */
    @그러면("^\"([A-Z_]+)\" 섹션의 \"(\\w+)\"(?:은|는) (값이 없다|빈 목록이다)$")
    public void 섹션_자료_없음(String id, String field, String nothing) {
        섹션_자료(id, field, nothing.equals("값이 없다") ? NO_VALUE : EMPTY_LIST);
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 자료는 다음과 같다:?$")
    public void 섹션_자료_표(String id, DataTable table) {
        List<String> problems = new ArrayList<>();
        Section section = current().section(id);
        for (Map<String, String> row : table.asMaps()) {
            String field = required(row, "항목");
            String expected = Objects.requireNonNullElse(row.get("값"), "");
            if (!section.data().containsKey(field)) {
                problems.add("\"" + field + "\" 항목이 없습니다");
            } else if (!sameValue(expected, section.data().get(field))) {
                problems.add("\"" + field + "\": 기대 " + expected + ", 실제 "
                        + show(section.data().get(field)));
            }
        }
        assertTrue(
                problems.isEmpty(),
                id + " 섹션의 자료가 다릅니다:\n  " + String.join("\n  ", problems) + "\n  (섹션 data: " + section.data() + ")");
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 연도별 합격률은 다음과 같다:?$")
    public void 연도별_합격률(String id, DataTable table) {
        Section section = current().section(id);
        Object years = section.data().get("years");
        assertTrue(years instanceof List<?>, id + " 섹션의 \"years\"가 목록이 아닙니다: " + show(years));
        List<String> actual = new ArrayList<>();
        for (Object y : (List<?>) years) {
            Map<?, ?> m = (Map<?, ?>) y;
            actual.add(m.get("year") + "년 " + (m.get("passRate") == null ? "통계 없음" : plain(m.get("passRate")) + "%"));
        }
        List<String> expected = table.asMaps().stream()
                .map(r -> required(r, "연도") + "년 "
                        + (r.get("합격률") == null || r.get("합격률").isBlank()
                                ? "통계 없음"
                                : plain(new BigDecimal(r.get("합격률").strip())) + "%"))
                .toList();
        assertEquals(expected, actual, id + " 섹션의 연도별 합격률(years)");
    }

    /** Either the subjects marked 과락, joined by ", ", or none ("없다"). */
    @그러면("^과목별 점수에서 과락으로 표시된 과목은 (?:\"([^\"]*)\"이다|없다)$")
    public void 과락_표시_과목(String expected) {
        if (expected == null) {
            assertEquals(List.of(), belowMinimumSubjects(), "SCORE_BREAKDOWN 에서 belowSubjectMinimum 이 참인 과목");
        } else {
            assertEquals(
                    expected,
                    String.join(", ", belowMinimumSubjects()),
                    "SCORE_BREAKDOWN 에서 belowSubjectMinimum 이 참인 과목");
        }
    }

    /** The fields are those the decider writes for each kind of section ({@link SectionDataAssembler#dataKeys}). */
    @그러면("^모든 섹션에 정해진 자료 항목이 빠짐없이 있다$")
    public void 카탈로그_자료_항목() {
        List<String> problems = new ArrayList<>();
        for (Section s : current().decision().sections()) {
            for (String field : SectionDataAssembler.dataKeys(s.id())) {
                if (!s.data().containsKey(field)) {
                    problems.add(s.id() + "." + field);
                    continue;
                }
                List<String> rowKeys = SectionDataAssembler.rowKeys(s.id(), field);
                if (!rowKeys.isEmpty() && s.data().get(field) instanceof List<?> rows) {
                    rows.forEach(r -> rowKeys.stream()
                            .filter(f -> !((Map<?, ?>) r).containsKey(f))
                            .forEach(f -> problems.add(s.id() + "." + field + "[]." + f)));
                }
            }
        }
        assertTrue(problems.isEmpty(), "계약서 섹션 목록이 정한 data 항목이 빠졌습니다: " + problems);
    }

    private List<String> belowMinimumSubjects() {
        Object subjects = current().section("SCORE_BREAKDOWN").data().get("subjects");
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
}

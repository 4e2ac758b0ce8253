package kr.qfeedback.acceptance;

import static kr.qfeedback.acceptance.CurrentScenario.describe;
import static kr.qfeedback.acceptance.Expect.assertEquals;
import static kr.qfeedback.acceptance.Expect.assertFalse;
import static kr.qfeedback.acceptance.Expect.assertTrue;
import static kr.qfeedback.acceptance.ScenarioValues.required;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.ko.그러면;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;

/**
 * The 그러면 steps about which sections are shown, in which order and tone, and what their titles,
 * bodies and links say.
 */
public class SectionSteps {

    private static CurrentScenario current() {
        return CurrentScenario.get();
    }

    @그러면("^보이는 섹션은 순서대로 다음과 같다:?$")
    public void 보이는_섹션_순서(DataTable table) {
        List<Map<String, String>> rows = table.asMaps();
        List<String> expected = rows.stream().map(r -> required(r, "섹션")).toList();
        List<Section> sections = current().decision().sections();
        List<String> actual = sections.stream().map(s -> s.id().name()).toList();
        assertEquals(expected, actual, "보이는 섹션과 그 순서가 다릅니다.\n  기대: " + expected + "\n  실제: " + describe(sections));
        List<Integer> orders = sections.stream().map(Section::order).toList();
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
            current().section(id);
        } else {
            SectionId sectionId = CurrentScenario.sectionId(id);
            assertTrue(
                    current().find(sectionId).isEmpty(),
                    id + " 섹션은 보이지 않아야 하는데 보입니다. 보이는 섹션: "
                            + describe(current().decision().sections()) + "\n  결정한 규칙: "
                            + current().traceOf(sectionId));
        }
    }

    @그러면("^\"([A-Z_]+)\" 섹션의 톤은 \"([A-Z]+)\"이다$")
    public void 섹션_톤(String id, String tone) {
        assertEquals(tone, current().section(id).tone().name(), id + " 섹션의 톤(tone)");
    }

    /** One step for the title (제목) and the body (본문), each with or without the words. */
    @그러면("^\"([A-Z_]+)\" 섹션의 (제목|본문)에 \"([^\"]+)\"(?:이|가) 들어 (있다|있지 않다)$")
    public void 문구에_들어_있다(String id, String part, String words, String presence) {
        Section section = current().section(id);
        String text = part.equals("제목") ? section.title() : section.body();
        boolean contains = text != null && text.contains(words);
        if (presence.equals("있다")) {
            assertTrue(contains, id + " 섹션의 " + part + "에 \"" + words + "\"이(가) 없습니다. " + part + ": " + text);
        } else {
            assertFalse(contains, id + " 섹션의 " + part + "에 \"" + words + "\"이(가) 있으면 안 됩니다. " + part + ": " + text);
        }
    }

    @그러면("^모든 섹션의 제목과 본문이 채워져 있다$")
    public void 제목과_본문이_채워져_있다() {
        for (Section s : current().decision().sections()) {
            assertTrue(s.title() != null && !s.title().isBlank(), s.id() + " 섹션의 제목이 비어 있습니다");
            assertTrue(s.body() != null && !s.body().isBlank(), s.id() + " 섹션의 본문이 비어 있습니다");
            for (String text : List.of(s.title(), s.body())) {
                assertFalse(
                        text.contains("{") || text.contains("null"),
                        s.id() + " 섹션의 문구에 채워지지 않은 자리({이름})나 null 이 남아 있습니다: " + text);
            }
        }
    }

    @그러면("^\"([A-Z_]+)\" 섹션에 QR 코드로도 보여 줄 링크가 있다$")
    public void QR_링크(String id) {
        Section section = current().section(id);
        assertTrue(
                section.links().stream()
                        .anyMatch(l -> l.qr() && l.url() != null && l.url().startsWith("https://")),
                id + " 섹션에 QR 코드로 보여 줄 https 링크가 없습니다. 링크: " + section.links());
    }
}

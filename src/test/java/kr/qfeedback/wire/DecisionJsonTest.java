package kr.qfeedback.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kr.qfeedback.decision.plain.PlainDecisionJson;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.Outcome;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionData;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Tone;
import org.junit.jupiter.api.Test;

/** The decision's JSON reads as Vert.x writes the same decision, whatever links, data keys and rows its sections share. */
class DecisionJsonTest {
    private static final SectionData.Keys KEYS = new SectionData.Keys("deadline", "사유", "n");
    private static final SectionData.Keys TREND = new SectionData.Keys("stage", "years");

    @Test
    void linksAreWrittenRightWhenManyListsAlternateEqualOnesIncluded() {
        Random random = new Random(3L);
        List<List<Link>> lists = new ArrayList<>();
        for (int i = 0; i < 700; i++) { // more lists than the remembered slots, so slots are shared and replaced
            int size = random.nextInt(3);
            List<Link> links = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                links.add(new Link("링크 " + (i % 50) + "-" + k, "https://www.q-net.or.kr/" + (i % 50), k % 2 == 0));
            }
            lists.add(random.nextBoolean() ? List.copyOf(links) : links); // equal lists recur as other instances
        }
        List<Object> trends = new ArrayList<>();
        SectionData.Keys row = new SectionData.Keys("year", "passRate");
        for (int i = 0; i < 40; i++) {
            List<Map<String, Object>> rows =
                    List.of(SectionData.of(row, 2021 + i % 5, i * 1.5), SectionData.of(row, 2025, 100.0 / (i + 3)));
            trends.add(i % 2 == 0 ? new SectionData.Rows(rows) : rows); // shared rows, and plain lists of rows
        }
        for (int round = 0; round < 20_000; round++) {
            List<Section> sections = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                List<Link> links = lists.get(random.nextInt(lists.size()));
                Map<String, Object> data = s == 0
                        ? SectionData.of(KEYS, "2026-03-20", null, round)
                        : s == 1
                                ? SectionData.of(TREND, "WRITTEN", trends.get(random.nextInt(trends.size())))
                                : Map.of();
                sections.add(
                        new Section(SectionId.values()[s], 10 * (s + 1), Tone.INFO, "제목 " + round, "본문", data, links));
            }
            FeedbackDecision decision = new FeedbackDecision(
                    "d-" + round,
                    "v1",
                    LocalDate.of(2026, 3, 11),
                    new Outcome(Stage.WRITTEN, ExamResult.PASS),
                    sections,
                    List.of(),
                    List.of());
            assertEquals(
                    PlainDecisionJson.toJson(decision, false).toBuffer().toString(),
                    DecisionJson.toBuffer(decision, false).toString());
        }
    }
}

package kr.qfeedback.impact;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.wire.DecisionJson;

/**
 * An example candidate's two pages as the API answers them ({@link DecisionJson}, with the trace),
 * and the list of what differs between them, section by section and part by part (then the
 * notices, reminders and text messages, {@link PagePart}), read from those
 * very answers so that the differences are exactly what a reader of the two pages sees.
 */
final class ExamplePages {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> PARTS = List.of("order", "tone", "title", "body", "data", "links");

    private ExamplePages() {}

    static ImpactReport.ExamplePage of(ImpactTally.Example example) {
        Map<String, Object> before = json(example.before());
        Map<String, Object> after = json(example.after());
        return new ImpactReport.ExamplePage(
                example.line(), example.candidateId(), before, after, differences(before, after));
    }

    static List<ImpactReport.Difference> differences(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Map<String, Object>> was = sections(before);
        Map<String, Map<String, Object>> is = sections(after);
        List<ImpactReport.Difference> differences = new ArrayList<>();
        for (SectionId id : SectionId.values()) {
            Map<String, Object> a = was.get(id.name());
            Map<String, Object> b = is.get(id.name());
            if (a == null && b == null) {
                continue;
            }
            if (a == null || b == null) {
                differences.add(new ImpactReport.Difference(id.name(), "shown", a != null, b != null));
                continue;
            }
            for (String part : PARTS) {
                if (!Objects.equals(a.get(part), b.get(part))) {
                    differences.add(new ImpactReport.Difference(id.name(), part, a.get(part), b.get(part)));
                }
            }
        }
        part(differences, PagePart.NOTICES, before.get("notices"), after.get("notices"), "message", "code");
        part(differences, PagePart.REMINDERS, before.get("reminders"), after.get("reminders"), "text", "kind", "date");
        notifications(differences, before.get("notifications"), after.get("notifications"));
        return differences;
    }

    /**
     * A list part of the page (notices, reminders) as the tally counts it: {@code shown} when it is
     * there on one page only (an empty list is not there), else {@code body} with both lists' texts
     * when a text differs and {@code data} with both lists' facts when one of those differs. The
     * days ahead of a reminder's calendar alarm are not in the JSON; a difference of those alone is
     * counted but has no line here.
     */
    private static void part(
            List<ImpactReport.Difference> differences,
            PagePart part,
            Object a,
            Object b,
            String text,
            String... facts) {
        List<Map<String, Object>> was = list(a);
        List<Map<String, Object>> is = list(b);
        if (was.isEmpty() != is.isEmpty()) {
            differences.add(new ImpactReport.Difference(part.name(), "shown", !was.isEmpty(), !is.isEmpty()));
            return;
        }
        List<Object> textsBefore = column(was, text);
        List<Object> textsAfter = column(is, text);
        if (!textsBefore.equals(textsAfter)) {
            differences.add(new ImpactReport.Difference(part.name(), "body", textsBefore, textsAfter));
        }
        List<Object> factsBefore = columns(was, facts);
        List<Object> factsAfter = columns(is, facts);
        if (!factsBefore.equals(factsAfter)) {
            differences.add(new ImpactReport.Difference(part.name(), "data", factsBefore, factsAfter));
        }
    }

    private static void notifications(List<ImpactReport.Difference> differences, Object a, Object b) {
        if ((a == null) != (b == null)) {
            differences.add(new ImpactReport.Difference(PagePart.NOTIFICATIONS.name(), "shown", a != null, b != null));
        } else if (a != null && !a.equals(b)) {
            differences.add(new ImpactReport.Difference(PagePart.NOTIFICATIONS.name(), "body", a, b));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static List<Object> column(List<Map<String, Object>> rows, String key) {
        List<Object> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(row.get(key)));
        return values;
    }

    /** Each row's {@code keys} as one map (in the JSON's names), so that a reader sees which fact moved. */
    private static List<Object> columns(List<Map<String, Object>> rows, String... keys) {
        List<Object> values = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> facts = new LinkedHashMap<>();
            for (String key : keys) {
                facts.put(key, row.get(key));
            }
            values.add(keys.length == 1 ? row.get(keys[0]) : facts);
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> sections(Map<String, Object> decision) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (Object s : (List<Object>) decision.get("sections")) {
            Map<String, Object> section = (Map<String, Object>) s;
            byId.put((String) section.get("id"), section);
        }
        return byId;
    }

    private static Map<String, Object> json(FeedbackDecision decision) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        DecisionJson.write(decision, true, out);
        try {
            return MAPPER.readValue(out.toByteArray(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("A decision's own JSON could not be read back.", e);
        }
    }
}

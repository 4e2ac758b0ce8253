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
 * and the list of what differs between them, section by section and part by part, read from those
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
        return differences;
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

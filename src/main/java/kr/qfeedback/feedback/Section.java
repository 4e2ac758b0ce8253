package kr.qfeedback.feedback;

import java.util.List;
import java.util.Map;

/**
 * One shown section of the page. {@code data} keeps its insertion order and may hold null values
 * (a catalogue field that is unknown is present with null); it is
 * {@link SectionData}, read-only.
 */
public record Section(SectionId id, int order, Tone tone, String title, String body,
                      Map<String, Object> data, List<Link> links) {

    public Section {
        data = SectionData.copyOf(data);
        links = List.copyOf(links);
    }
}

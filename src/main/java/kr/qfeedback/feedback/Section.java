package kr.qfeedback.feedback;

import java.util.List;
import java.util.Map;

/**
 * One shown section of the page. {@code data} keeps its insertion order and may hold null values
 * (a catalogue field that is unknown is present with null); it is
 * {@link SectionData}, read-only. The title and body are {@link Text}s, read as strings by
 * {@link #title()} and {@link #body()}.
 */
public record Section(
        SectionId id, int order, Tone tone, Text titleText, Text bodyText, Map<String, Object> data, List<Link> links) {

    public Section {
        data = SectionData.copyOf(data);
        links = List.copyOf(links);
    }

    public Section(
            SectionId id, int order, Tone tone, String title, String body, Map<String, Object> data, List<Link> links) {
        this(id, order, tone, Text.of(title), Text.of(body), data, links);
    }

    public String title() {
        return titleText == null ? null : titleText.toString();
    }

    public String body() {
        return bodyText == null ? null : bodyText.toString();
    }
}

package kr.qfeedback.rules;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.SectionId;

/**
 * The templates of a {@link MessageCatalogue}, each parsed once per rule set ({@link CompiledTemplate})
 * instead of once per decision.
 */
public final class CompiledMessages {

    /** A section message ready to fill: title, body and the links staff gave it. */
    public record SectionMessage(CompiledTemplate title, CompiledTemplate body, List<Link> links) {}

    private final Map<SectionId, Map<String, SectionMessage>> sections = new EnumMap<>(SectionId.class);
    private final Map<String, CompiledTemplate> notices = new HashMap<>();

    CompiledMessages(MessageCatalogue catalogue) {
        catalogue.sections().forEach((section, messages) -> {
            Map<String, SectionMessage> compiled = new HashMap<>();
            messages.forEach((name, t) -> compiled.put(
                    name,
                    new SectionMessage(CompiledTemplate.of(t.title()), CompiledTemplate.of(t.body()), t.links())));
            sections.put(section, compiled);
        });
        catalogue.notices().forEach((code, text) -> notices.put(code, CompiledTemplate.of(text)));
    }

    /** The message {@code name} of {@code section}, or null when the catalogue has none. */
    public SectionMessage section(SectionId section, String name) {
        Map<String, SectionMessage> messages = sections.get(section);
        return messages == null ? null : messages.get(name);
    }

    /** The notice text for {@code code}, or null when the catalogue has none. */
    public CompiledTemplate notice(String code) {
        return notices.get(code);
    }
}

package kr.qfeedback.rules;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.SectionId;

/**
 * The templates of a {@link MessageCatalogue}, each parsed once per rule set ({@link CompiledTemplate})
 * instead of once per decision.
 */
public final class CompiledMessages {

    /** A section message ready to fill: title, body and the links staff gave it. */
    public record SectionMessage(CompiledTemplate title, CompiledTemplate body, List<Link> links) {}

    /** Each section's messages by name, by the section's ordinal (null for a section without any). */
    @SuppressWarnings("unchecked")
    private final Map<String, SectionMessage>[] sections = new Map[SectionId.values().length];

    private final Map<String, CompiledTemplate> notices = new HashMap<>();
    private final Map<ReminderKind, CompiledTemplate> reminders = new EnumMap<>(ReminderKind.class);
    private final CompiledTemplate sms;
    private final CompiledTemplate lms;
    private final CodeTerms terms;

    CompiledMessages(MessageCatalogue catalogue) {
        catalogue.sections().forEach((section, messages) -> {
            Map<String, SectionMessage> compiled = new HashMap<>();
            messages.forEach((name, t) -> compiled.put(
                    name,
                    new SectionMessage(CompiledTemplate.of(t.title()), CompiledTemplate.of(t.body()), t.links())));
            sections[section.ordinal()] = compiled;
        });
        catalogue.notices().forEach((code, text) -> notices.put(code, CompiledTemplate.of(text)));
        catalogue.reminders().forEach((kind, text) -> reminders.put(kind, CompiledTemplate.of(text)));
        sms = CompiledTemplate.of(catalogue.sms());
        lms = CompiledTemplate.of(catalogue.lms());
        terms = new CodeTerms(catalogue);
    }

    /** The catalogue's terms for a decision's stage, result and grade. */
    public CodeTerms terms() {
        return terms;
    }

    /** The text of a reminder kind (the rule set checks make sure every kind has one). */
    public CompiledTemplate reminder(ReminderKind kind) {
        return reminders.get(kind);
    }

    public CompiledTemplate sms() {
        return sms;
    }

    public CompiledTemplate lms() {
        return lms;
    }

    /** The message {@code name} of {@code section}, or null when the catalogue has none. */
    public SectionMessage section(SectionId section, String name) {
        Map<String, SectionMessage> messages = sections[section.ordinal()];
        return messages == null ? null : messages.get(name);
    }

    /** The notice text for {@code code}, or null when the catalogue has none. */
    public CompiledTemplate notice(String code) {
        return notices.get(code);
    }
}

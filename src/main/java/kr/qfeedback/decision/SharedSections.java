package kr.qfeedback.decision;

import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionData;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Text;
import kr.qfeedback.rules.CompiledMessages;
import kr.qfeedback.rules.DataStage;
import kr.qfeedback.rules.MessageTemplate;
import kr.qfeedback.rules.Placeholder;
import kr.qfeedback.rules.Placeholders;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.SectionChoice;

/**
 * The sections that read the same for every candidate of a qualification who sat the same stage
 * with the same grade: those whose data is the qualification's reference figures (applicants and
 * pass rates, their trend, related qualifications) and whose title and body name nothing of the
 * candidate's own. Each is rendered once per rule set, qualification, message, stage, grade and
 * data stage, as fixed texts and shared data whose encoded forms the decision JSON keeps, instead
 * of once per decision. A message that names anything else (a score, a date of the candidate's) is
 * rendered every time, and so is every section of a request whose qualification name differs from
 * the reference data's (the page then shows the name sent).
 */
final class SharedSections {
    /** Sections whose data {@link SectionDataAssembler} takes from the reference data alone. */
    private static final Set<SectionId> REFERENCE_DATA = EnumSet.of(
            SectionId.PASSER_COMPARISON,
            SectionId.PASS_RATE_TREND,
            SectionId.PREP_PERIOD,
            SectionId.RELATED_QUALIFICATIONS);

    /**
     * What their texts may name to read the same for everybody of a qualification, stage and grade:
     * the qualification's own values, the terms of the stage and grade, the section's data, and the
     * rule set's parameters.
     */
    private static final Set<Placeholder> SAME_FOR_THE_QUALIFICATION = EnumSet.of(
            Placeholder.QUALIFICATION_NAME,
            Placeholder.QUALIFICATION_CODE,
            Placeholder.FIELD,
            Placeholder.GRADE_NAME,
            Placeholder.STAGE_NAME,
            Placeholder.NEXT_STAGE_NAME,
            Placeholder.TREND_STAGE_NAME,
            Placeholder.YEAR,
            Placeholder.APPLICANTS,
            Placeholder.PASSERS,
            Placeholder.PASS_RATE,
            Placeholder.WRITTEN_PASS_RATE,
            Placeholder.SECOND_STAGE_PASS_RATE,
            Placeholder.FIRST_YEAR,
            Placeholder.LAST_YEAR,
            Placeholder.LAST_PASS_RATE,
            Placeholder.EXEMPTION_YEARS,
            Placeholder.EXPIRING_DAYS,
            Placeholder.RELATED_QUALIFICATIONS);

    private static final int STAGES = Stage.values().length;
    private static final int GRADES = Grade.values().length;
    private static final int DATA_STAGES = DataStage.values().length;

    /** A section as every such candidate reads it. */
    record Rendered(Text title, Text body, SectionData data) {
        /** The section shown by {@code choice} (its order and tone), with these texts and data. */
        Section section(SectionChoice choice, List<Link> links) {
            return new Section(choice.id(), choice.order(), choice.tone(), title, body, data, links);
        }
    }

    /** The messages rendered once, numbered; read-only after construction. */
    private final Map<CompiledMessages.SectionMessage, Integer> shared = new IdentityHashMap<>();

    private final int slots;

    SharedSections(RuleSet rules) {
        CompiledMessages compiled = rules.compiledMessages();
        for (SectionId id : REFERENCE_DATA) {
            Map<String, MessageTemplate> messages = rules.messages().sections().get(id);
            if (messages == null) {
                continue;
            }
            messages.forEach((name, template) -> {
                if (readsTheSame(template.title()) && readsTheSame(template.body())) {
                    shared.put(compiled.section(id, name), shared.size());
                }
            });
        }
        slots = shared.size() * STAGES * GRADES * DATA_STAGES;
    }

    private static boolean readsTheSame(String template) {
        return template == null || Placeholders.namesOnly(template, SAME_FOR_THE_QUALIFICATION);
    }

    /** Where {@code message} of {@code choice} is kept for this decision's candidate, or -1 when it is rendered for them alone. */
    int slot(SectionChoice choice, CompiledMessages.SectionMessage message, DerivedFacts facts) {
        if (shared.isEmpty()) {
            return -1;
        }
        Integer index = shared.get(message);
        QualificationFacts reference = facts.reference();
        if (index == null
                || reference == null
                || !reference.qualification().name().equals(facts.qualificationName())) {
            return -1;
        }
        var request = facts.request();
        return ((index * STAGES + request.exam().stage().ordinal()) * GRADES
                                + request.qualification().grade().ordinal())
                        * DATA_STAGES
                + choice.dataStage().ordinal();
    }

    /** The section kept in {@code slot} for this decision's qualification, or null when not yet. */
    Rendered kept(DerivedFacts facts, int slot) {
        Rendered[] kept = facts.reference().sharedSections;
        return kept == null ? null : kept[slot];
    }

    /**
     * Keeps a section rendered for this decision in {@code slot}, as fixed texts and shared data, and
     * returns it. Two threads may both keep one: the same section either way.
     */
    Rendered keep(DerivedFacts facts, int slot, Text title, Text body, Map<String, Object> data) {
        QualificationFacts reference = facts.reference();
        Rendered[] kept = reference.sharedSections;
        if (kept == null) {
            kept = new Rendered[slots];
            reference.sharedSections = kept;
        }
        Rendered rendered = new Rendered(
                title == null ? null : Text.fixed(title.toString()),
                body == null ? null : Text.fixed(body.toString()),
                SectionData.copyOf(data).shared());
        kept[slot] = rendered;
        return rendered;
    }
}

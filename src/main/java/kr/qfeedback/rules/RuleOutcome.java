package kr.qfeedback.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.qfeedback.feedback.SectionId;

/**
 * What the rules decided for one profile: the sections (sorted by order, each id once), the
 * exemption status (null when no window is known), the youth cut-off applied (null when not
 * eligible) and, per section, the judgement rule behind its data. A pure function of profile and rule set.
 */
public record RuleOutcome(
        List<SectionChoice> sections,
        String exemptionStatus,
        Integer youthMaxAge,
        Map<SectionId, RuleSource> judgements) {

    public RuleOutcome {
        sections = List.copyOf(sections);
        judgements = Map.copyOf(judgements);
    }

    /** The judgement rule (DRL) that decided part of a section's data, if any. */
    public Optional<RuleSource> judgementFor(SectionId section) {
        return Optional.ofNullable(judgements.get(section));
    }
}

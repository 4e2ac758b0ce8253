package kr.qfeedback.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Tone;
import kr.qfeedback.rules.model.ExemptionStatus;
import kr.qfeedback.rules.model.SectionShown;
import kr.qfeedback.rules.model.SurveyCampaign;
import kr.qfeedback.rules.model.YouthDiscountEligible;
import org.kie.api.runtime.KieSession;

/** What a fired session holds, read back as the rules' outcome: the sections shown and the judgements made. */
final class SessionFacts {
    /** Judgement facts and the section whose data they decide, so the trace can name the judgement rule. */
    static final Map<Class<?>, SectionId> JUDGED_SECTIONS = Map.of(
            ExemptionStatus.class, SectionId.WRITTEN_EXEMPTION,
            YouthDiscountEligible.class, SectionId.YOUTH_FEE_DISCOUNT,
            SurveyCampaign.class, SectionId.SURVEY);

    private SessionFacts() {}

    static RuleOutcome outcome(
            KieSession session, Map<SectionId, RuleSource> judgements, Function<String, RuleSource> sourceOf) {
        Map<SectionId, SectionChoice> chosen = new LinkedHashMap<>();
        String exemptionStatus = null;
        Integer youthMaxAge = null;
        for (Object fact : session.getObjects()) {
            if (fact instanceof SectionShown shown) {
                SectionChoice choice = choice(shown, sourceOf);
                SectionChoice earlier = chosen.get(choice.id());
                if (earlier == null || SourceOrder.precedes(choice, earlier)) {
                    chosen.put(choice.id(), choice);
                }
            } else if (fact instanceof ExemptionStatus status) {
                exemptionStatus = status.status();
            } else if (fact instanceof YouthDiscountEligible youth) {
                youthMaxAge = youth.maxAge();
            }
        }
        List<SectionChoice> sections = new ArrayList<>(chosen.values());
        sections.sort(Comparator.comparingInt(SectionChoice::order).thenComparing(SectionChoice::id));
        return new RuleOutcome(sections, exemptionStatus, youthMaxAge, judgements);
    }

    static SectionChoice choice(SectionShown shown, Function<String, RuleSource> sourceOf) {
        SectionId id = SectionId.parse(shown.getId())
                .orElseThrow(() -> new IllegalStateException("Rule " + shown.getRule() + " showed an unknown section "
                        + shown.getId() + "; the table checks should have caught it."));
        Tone tone = shown.getTone() == null ? Tone.INFO : Tone.valueOf(shown.getTone());
        DataStage stage = shown.getDataStage() == null ? DataStage.SAME : DataStage.valueOf(shown.getDataStage());
        int order = shown.getOrder() == null ? Integer.MAX_VALUE : shown.getOrder();
        return new SectionChoice(id, order, tone, shown.getMessage(), stage, sourceOf.apply(shown.getRule()));
    }
}

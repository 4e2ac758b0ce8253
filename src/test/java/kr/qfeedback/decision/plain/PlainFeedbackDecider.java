package kr.qfeedback.decision.plain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.TraceEntry;
import kr.qfeedback.rules.MessageTemplate;
import kr.qfeedback.rules.RuleOutcome;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.SectionChoice;

/**
 * Decides one request with one rule set: derive facts, let the rules choose sections, then
 * render each chosen section's data and Korean text. Stateless and thread-safe.
 */
public final class PlainFeedbackDecider {
    private final PlainSectionDataAssembler assembler = new PlainSectionDataAssembler();

    public FeedbackDecision decide(FeedbackRequest request, RuleSet rules) {
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(rules, "rules must not be null");
        PlainDerivedFacts facts = new PlainFactDeriver(rules.reference(), rules.parameters()).derive(request);
        RuleOutcome outcome = rules.evaluateUncached(facts.profile());
        PlainPlaceholderValues placeholders = new PlainPlaceholderValues(rules.messages(), rules.parameters());
        Map<String, String> common = placeholders.common(facts, outcome);

        List<Section> sections = new ArrayList<>();
        List<TraceEntry> trace = new ArrayList<>();
        for (SectionChoice choice : outcome.sections()) {
            Map<String, Object> data = assembler.dataFor(choice, facts, outcome);
            Map<String, String> values = placeholders.forSection(common, choice, facts, data);
            MessageTemplate template = rules.messages()
                    .template(choice.id(), choice.message())
                    .orElseThrow(() -> new IllegalStateException("Message " + choice.message() + " of " + choice.id()
                            + " is missing; the rule set checks should have refused this version."));
            sections.add(new Section(
                    choice.id(),
                    choice.order(),
                    choice.tone(),
                    PlainPlaceholders.fill(template.title(), values),
                    PlainPlaceholders.fill(template.body(), values),
                    data,
                    template.links()));
            trace.add(new TraceEntry(
                    choice.id(), choice.decidedBy().rule(), choice.decidedBy().source()));
            outcome.judgementFor(choice.id())
                    .ifPresent(j -> trace.add(new TraceEntry(choice.id(), j.rule(), j.source())));
        }
        PlainReminders plainReminders = new PlainReminders(rules.messages(), rules.parameters());
        List<Reminder> reminders = plainReminders.reminders(facts, outcome, common);
        return new FeedbackDecision(
                UUID.randomUUID().toString(),
                rules.version(),
                request.asOf(),
                facts.outcome(),
                sections,
                notices(facts, outcome, rules, common),
                reminders,
                plainReminders.notifications(facts, reminders, common),
                trace);
    }

    private static List<Notice> notices(
            PlainDerivedFacts facts, RuleOutcome outcome, RuleSet rules, Map<String, String> values) {
        List<String> codes = new ArrayList<>();
        var exam = facts.request().exam();
        boolean shows = outcome.sections().stream().anyMatch(s -> s.id() == SectionId.ELIGIBILITY_DOCUMENTS);
        if (facts.qualification() == null) {
            codes.add("UNKNOWN_QUALIFICATION");
        } else {
            boolean wantsStatistics =
                    exam.result() != ExamResult.ABSENT && !facts.outcome().finalPass();
            if (wantsStatistics && facts.stageStatistics().isEmpty()) {
                codes.add("NO_STATISTICS");
            }
            boolean wantsSchedule = !facts.outcome().finalPass();
            boolean writtenPass = exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS;
            if (wantsSchedule && (writtenPass ? facts.nextStageRound() == null : facts.sameStageRound() == null)) {
                codes.add("NO_SCHEDULE");
            }
        }
        if (shows && facts.documentDeadline() == null) {
            codes.add("NO_DOCUMENT_WINDOW");
        }
        List<Notice> notices = new ArrayList<>();
        for (String code : codes) {
            String template = rules.messages().notices().get(code);
            if (template != null) {
                notices.add(new Notice(code, PlainPlaceholders.fill(template, values)));
            }
        }
        return notices;
    }
}

package kr.qfeedback.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Text;
import kr.qfeedback.feedback.TraceEntry;
import kr.qfeedback.rules.CompiledMessages;
import kr.qfeedback.rules.CompiledTemplate;
import kr.qfeedback.rules.RuleOutcome;
import kr.qfeedback.rules.RuleSet;
import kr.qfeedback.rules.RuleSource;
import kr.qfeedback.rules.SectionChoice;

/**
 * Decides one request with one rule set: derive facts, let the rules choose sections, then
 * render each chosen section's data and Korean text. Stateless and thread-safe.
 */
public final class FeedbackDecider {
    private static final DecisionIds IDS = new DecisionIds();
    private final SectionDataAssembler assembler = new SectionDataAssembler();

    public FeedbackDecision decide(FeedbackRequest request, RuleSet rules) {
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(rules, "rules must not be null");
        DerivedFacts facts = deriverFor(rules).derive(request);
        RuleOutcome outcome = rules.evaluate(facts.profile());
        CompiledMessages messages = rules.compiledMessages();
        PlaceholderValues placeholders =
                new PlaceholderValues(rules.messages(), messages.terms(), rules.parameters(), facts, outcome);

        List<Section> sections = new ArrayList<>(outcome.sections().size());
        List<TraceEntry> trace = new ArrayList<>(outcome.sections().size() + 2);
        boolean showsDocuments = false;
        SharedSections shared = sharedSections(rules);
        for (SectionChoice choice : outcome.sections()) {
            CompiledMessages.SectionMessage template = messages.section(choice.id(), choice.message());
            if (template == null) {
                throw new IllegalStateException("Message " + choice.message() + " of " + choice.id()
                        + " is missing; the rule set checks should have refused this version.");
            }
            sections.add(section(choice, template, facts, outcome, placeholders, shared));
            trace.add(new TraceEntry(
                    choice.id(), choice.decidedBy().rule(), choice.decidedBy().source()));
            RuleSource judgement = outcome.judgements().get(choice.id());
            if (judgement != null) {
                trace.add(new TraceEntry(choice.id(), judgement.rule(), judgement.source()));
            }
            showsDocuments |= choice.id() == SectionId.ELIGIBILITY_DOCUMENTS;
        }
        TextMessageValues textValues = new TextMessageValues(placeholders, facts, rules.parameters(), rules.messages());
        List<Reminder> reminders = ReminderPlanner.plan(
                facts, outcome, rules.parameters().reminders(), messages, textValues, roundTexts(rules));
        return new FeedbackDecision(
                IDS.next(),
                rules.version(),
                request.asOf(),
                facts.outcome(),
                sections,
                notices(facts, showsDocuments, messages, placeholders),
                reminders,
                ReminderPlanner.notifications(facts, reminders, messages, textValues, memo(rules)),
                trace);
    }

    /**
     * One shown section: kept once for every candidate who reads it alike ({@link SharedSections}),
     * else rendered for this candidate.
     */
    private Section section(
            SectionChoice choice,
            CompiledMessages.SectionMessage template,
            DerivedFacts facts,
            RuleOutcome outcome,
            PlaceholderValues placeholders,
            SharedSections shared) {
        int slot = shared.slot(choice, template, facts);
        SharedSections.Rendered kept = slot < 0 ? null : shared.kept(facts, slot);
        if (kept != null) {
            return kept.section(choice, template.links());
        }
        Map<String, Object> data = assembler.dataFor(choice, facts, outcome);
        CompiledTemplate.Values values = placeholders.forSection(choice, data);
        Text title = template.title().fillText(values);
        Text body = template.body().fillText(values);
        if (slot >= 0) {
            return shared.keep(facts, slot, title, body, data).section(choice, template.links());
        }
        return new Section(choice.id(), choice.order(), choice.tone(), title, body, data, template.links());
    }

    /**
     * The fact deriver of a rule set, made once per rule set and kept with it (it arranges the
     * reference data for look-ups, tens of milliseconds).
     */
    static FactDeriver deriverFor(RuleSet rules) {
        return rules.derived(FactDeriver.class, r -> new FactDeriver(r.reference(), r.parameters()));
    }

    /** The sections every candidate of a qualification, stage and grade reads alike, kept with the rule set. */
    static SharedSections sharedSections(RuleSet rules) {
        return rules.derived(SharedSections.class, SharedSections::new);
    }

    /** What text messages share between candidates, kept with the rule set. */
    static TextMessageMemo memo(RuleSet rules) {
        return rules.derived(TextMessageMemo.class, TextMessageMemo::new);
    }

    /** The reminder texts shared by every candidate of a round, kept with the rule set. */
    static RoundReminderTexts roundTexts(RuleSet rules) {
        return rules.derived(RoundReminderTexts.class, r -> new RoundReminderTexts(r.messages()));
    }

    /**
     * Makes what deciding with {@code rules} needs once per rule set, so that the first requests
     * after it is swapped in do not wait for it.
     */
    public static void prepare(RuleSet rules) {
        deriverFor(rules);
        sharedSections(rules);
        roundTexts(rules);
        memo(rules);
    }

    private static List<Notice> notices(
            DerivedFacts facts, boolean showsDocuments, CompiledMessages messages, PlaceholderValues values) {
        List<Notice> notices = new ArrayList<>(2);
        var exam = facts.request().exam();
        if (facts.qualification() == null) {
            addNotice("UNKNOWN_QUALIFICATION", notices, messages, values);
        } else {
            boolean wantsStatistics =
                    exam.result() != ExamResult.ABSENT && !facts.outcome().finalPass();
            if (wantsStatistics && facts.stageStatistics().isEmpty()) {
                addNotice("NO_STATISTICS", notices, messages, values);
            }
            boolean wantsSchedule = !facts.outcome().finalPass();
            boolean writtenPass = exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS;
            if (wantsSchedule && (writtenPass ? facts.nextStageRound() == null : facts.sameStageRound() == null)) {
                addNotice("NO_SCHEDULE", notices, messages, values);
            }
        }
        if (showsDocuments && facts.documentDeadline() == null) {
            addNotice("NO_DOCUMENT_WINDOW", notices, messages, values);
        }
        return notices;
    }

    /** Notices are filled with the values common to the decision; a code staff gave no text is left out. */
    private static void addNotice(
            String code, List<Notice> notices, CompiledMessages messages, PlaceholderValues values) {
        CompiledTemplate template = messages.notice(code);
        if (template != null) {
            notices.add(new Notice(code, template.fillText(values::common)));
        }
    }
}

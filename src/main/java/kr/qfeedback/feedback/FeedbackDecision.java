package kr.qfeedback.feedback;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer for one candidate: the sections to show, in order, with notices, the candidate's
 * dated next steps ({@code reminders}, by date), the text messages and the trace.
 * {@code notifications} is null only for decisions made before they existed (kept records, tests).
 */
public record FeedbackDecision(
        String decisionId,
        String rulesVersion,
        LocalDate asOf,
        Outcome outcome,
        List<Section> sections,
        List<Notice> notices,
        List<Reminder> reminders,
        Notifications notifications,
        List<TraceEntry> trace) {

    public FeedbackDecision {
        sections = List.copyOf(sections);
        notices = List.copyOf(notices);
        reminders = List.copyOf(reminders);
        trace = List.copyOf(trace);
    }

    /** A decision without reminders or text messages. */
    public FeedbackDecision(
            String decisionId,
            String rulesVersion,
            LocalDate asOf,
            Outcome outcome,
            List<Section> sections,
            List<Notice> notices,
            List<TraceEntry> trace) {
        this(decisionId, rulesVersion, asOf, outcome, sections, notices, List.of(), null, trace);
    }
}

package kr.qfeedback.feedback;

import java.time.LocalDate;
import java.util.List;

/** The answer for one candidate: the sections to show, in order, with notices and the trace. */
public record FeedbackDecision(
        String decisionId,
        String rulesVersion,
        LocalDate asOf,
        Outcome outcome,
        List<Section> sections,
        List<Notice> notices,
        List<TraceEntry> trace) {

    public FeedbackDecision {
        sections = List.copyOf(sections);
        notices = List.copyOf(notices);
        trace = List.copyOf(trace);
    }
}

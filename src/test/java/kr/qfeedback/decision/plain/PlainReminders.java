package kr.qfeedback.decision.plain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Text;
import kr.qfeedback.rules.MessageCatalogue;
import kr.qfeedback.rules.Parameters;
import kr.qfeedback.rules.RuleOutcome;

/**
 * The reminders and text messages of one decision, written plainly from the contract and
 * rules/README.md: the staff's table names the kinds of each outcome; each date comes from the
 * facts; a date before {@code asOf}, documents not due (in, not required, overdue), the exemption of
 * a pass that is void or may be, anything but the survey after a final pass, and the survey when the
 * page does not show it are left out; sorted by date, ties in the kinds' order. Texts are filled from
 * a map of values limited to what a text message may carry.
 */
final class PlainReminders {
    private final MessageCatalogue messages;
    private final Parameters parameters;

    PlainReminders(MessageCatalogue messages, Parameters parameters) {
        this.messages = messages;
        this.parameters = parameters;
    }

    List<Reminder> reminders(PlainDerivedFacts facts, RuleOutcome outcome, Map<String, String> common) {
        var request = facts.request();
        var exam = request.exam();
        LocalDate asOf = request.asOf();
        String code = request.qualification().code() == null
                ? ""
                : request.qualification().code();
        boolean writtenPass = exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS;
        boolean finalPass = exam.result() == ExamResult.PASS && exam.stage() != Stage.WRITTEN;
        Map<String, String> values = bounded(facts, common);
        record Candidate(ReminderKind kind, LocalDate date, String round, PlainScheduleEntry entry) {}
        List<Candidate> candidates = new ArrayList<>();
        if (writtenPass && List.of("NOT_SUBMITTED", "UNKNOWN").contains(facts.documents())) {
            candidates.add(new Candidate(ReminderKind.DOCUMENTS_DUE, facts.documentDeadline(), exam.round(), null));
        }
        PlainScheduleEntry next = finalPass ? null : writtenPass ? facts.nextStageRound() : facts.sameStageRound();
        if (next != null) {
            String round = next.roundLabel() == null ? "" : next.roundLabel();
            candidates.add(new Candidate(ReminderKind.REGISTRATION_OPENS, next.registrationStart(), round, next));
            candidates.add(new Candidate(ReminderKind.REGISTRATION_CLOSES, next.registrationEnd(), round, next));
            candidates.add(new Candidate(ReminderKind.EXAM_DAY, next.examDate(), round, next));
        }
        boolean voidOrMaybe = writtenPass && facts.documents().endsWith("_OVERDUE");
        if (facts.exemption() != null && !finalPass && !voidOrMaybe) {
            candidates.add(
                    new Candidate(ReminderKind.EXEMPTION_ENDS, facts.exemption().validUntil(), "", null));
        }
        if (outcome.sections().stream().anyMatch(s -> s.id() == SectionId.SURVEY)) {
            candidates.add(new Candidate(
                    ReminderKind.SURVEY_ENDS, parameters.reminders().surveyEnd(), "", null));
        }
        String outcomeCode = facts.outcome().code();
        return candidates.stream()
                .filter(c -> parameters.reminders().daysAhead(outcomeCode, c.kind()) >= 0)
                .filter(c -> c.date() != null && !c.date().isBefore(asOf))
                .sorted(Comparator.comparing(Candidate::date).thenComparing(Candidate::kind))
                .map(c -> new Reminder(
                        c.kind(),
                        c.date(),
                        Text.of(PlainPlaceholders.fill(
                                messages.reminders().get(c.kind()), withRound(values, c.entry()))),
                        parameters.reminders().daysAhead(outcomeCode, c.kind()),
                        c.kind() == ReminderKind.SURVEY_ENDS ? "" : code,
                        c.round()))
                .toList();
    }

    Notifications notifications(PlainDerivedFacts facts, List<Reminder> reminders, Map<String, String> common) {
        Map<String, String> values = bounded(facts, common);
        values.put(
                "reminders",
                reminders.isEmpty()
                        ? null
                        : reminders.stream().map(r -> "- " + r.text()).collect(Collectors.joining("\n")));
        return new Notifications(
                Text.of(PlainPlaceholders.fill(messages.sms(), values)),
                Text.of(PlainPlaceholders.fill(messages.lms(), values)));
    }

    /** The values a reminder or text message may carry: the reference's name, Q-Net's round form, a void pass named so. */
    private Map<String, String> bounded(PlainDerivedFacts facts, Map<String, String> common) {
        Map<String, String> v = new HashMap<>();
        for (String name : List.of(
                "gradeName",
                "stageName",
                "nextStageName",
                "resultName",
                "totalScore",
                "asOf",
                "deadline",
                "validFrom",
                "validUntil")) {
            v.put(name, common.get(name));
        }
        var exam = facts.request().exam();
        v.put(
                "qualificationName",
                facts.qualification() == null ? null : facts.qualification().name());
        v.put("round", exam.round().matches("\\d{4}-\\d{1,3}") ? PlainDisplay.round(exam.round()) : null);
        if (exam.stage() == Stage.WRITTEN
                && exam.result() == ExamResult.PASS
                && "NOT_SUBMITTED_OVERDUE".equals(facts.documents())) {
            v.put("resultName", messages.term(MessageCatalogue.RESULT_TERMS, "PASS_VOID"));
        }
        v.put("surveyEnd", PlainDisplay.date(parameters.reminders().surveyEnd()));
        v.put("resultLink", parameters.reminders().resultLink());
        return v;
    }

    private Map<String, String> withRound(Map<String, String> values, PlainScheduleEntry entry) {
        Map<String, String> v = new HashMap<>(values);
        if (entry != null) {
            v.put(
                    "scheduleStageName",
                    messages.term(MessageCatalogue.STAGE_TERMS, entry.stage().name()));
            v.put("roundLabel", entry.roundLabel());
            v.put("registrationStart", PlainDisplay.date(entry.registrationStart()));
            v.put("registrationEnd", PlainDisplay.date(entry.registrationEnd()));
            v.put("examDate", PlainDisplay.date(entry.examDate()));
        }
        return v;
    }
}

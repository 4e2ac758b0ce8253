package kr.qfeedback.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.ReminderKind;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.Text;
import kr.qfeedback.rules.CompiledMessages;
import kr.qfeedback.rules.CompiledTemplate;
import kr.qfeedback.rules.ReminderTable;
import kr.qfeedback.rules.RuleOutcome;
import kr.qfeedback.rules.SectionChoice;
import kr.qfeedback.rules.TextMessageLimits;

/**
 * The candidate's dated next steps and the text messages of one decision. The staff's reminder
 * table ({@link ReminderTable}) says which kinds each outcome reminds of; Java gives each its date
 * from the facts the page shows, and leaves out a date that is not true for this candidate on
 * {@code asOf}: one already past, documents already in or no longer accepted (규 14조), the
 * exemption of a pass made void, a registration or exam after a final pass, the survey when the
 * page does not show it. Sorted by date (the table's kind order on a tie).
 */
final class ReminderPlanner {
    /** A written pass whose documents were not in by the deadline (see {@link FactDeriver}). */
    static final String VOID_PASS = "NOT_SUBMITTED_OVERDUE";

    private ReminderPlanner() {}

    static List<Reminder> plan(
            DerivedFacts facts,
            RuleOutcome outcome,
            ReminderTable table,
            CompiledMessages messages,
            TextMessageValues values) {
        String code = facts.outcome().code();
        var request = facts.request();
        var exam = request.exam();
        LocalDate asOf = request.asOf();
        String qualification = request.qualification().code();
        List<Reminder> reminders = new ArrayList<>(4);
        boolean writtenPass = exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS;
        String documents = facts.documents();

        if (writtenPass && ("NOT_SUBMITTED".equals(documents) || "UNKNOWN".equals(documents))) {
            add(
                    reminders,
                    table,
                    code,
                    ReminderKind.DOCUMENTS_DUE,
                    facts.documentDeadline(),
                    asOf,
                    messages,
                    values.round(null),
                    qualification,
                    exam.round());
        }
        ScheduleEntry next =
                facts.outcome().finalPass() ? null : writtenPass ? facts.nextStageRound() : facts.sameStageRound();
        if (next != null) {
            values.round(next);
            String round = next.roundLabel() == null ? "" : next.roundLabel();
            add(
                    reminders,
                    table,
                    code,
                    ReminderKind.REGISTRATION_OPENS,
                    next.registrationStart(),
                    asOf,
                    messages,
                    values,
                    qualification,
                    round);
            add(
                    reminders,
                    table,
                    code,
                    ReminderKind.REGISTRATION_CLOSES,
                    next.registrationEnd(),
                    asOf,
                    messages,
                    values,
                    qualification,
                    round);
            add(
                    reminders,
                    table,
                    code,
                    ReminderKind.EXAM_DAY,
                    next.examDate(),
                    asOf,
                    messages,
                    values,
                    qualification,
                    round);
            values.round(null);
        }
        ExemptionWindow exemption = facts.exemption();
        if (exemption != null && !facts.outcome().finalPass() && !(writtenPass && documents.endsWith("_OVERDUE"))) {
            add(
                    reminders,
                    table,
                    code,
                    ReminderKind.EXEMPTION_ENDS,
                    exemption.validUntil(),
                    asOf,
                    messages,
                    values,
                    qualification,
                    "");
        }
        if (shows(outcome, SectionId.SURVEY)) {
            add(reminders, table, code, ReminderKind.SURVEY_ENDS, table.surveyEnd(), asOf, messages, values, "", "");
        }
        sortByDate(reminders);
        return reminders;
    }

    /** The SMS and LMS of the decision, the LMS listing {@code reminders}. */
    static Notifications notifications(List<Reminder> reminders, CompiledMessages messages, TextMessageValues values) {
        String lines = null;
        if (!reminders.isEmpty()) {
            StringBuilder out = new StringBuilder(reminders.size() * 48);
            for (Reminder r : reminders) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(TextMessageLimits.REMINDER_PREFIX).append(r.text());
            }
            lines = out.toString();
        }
        values.reminders(lines);
        return new Notifications(messages.sms().fillText(values), messages.lms().fillText(values));
    }

    private static void add(
            List<Reminder> reminders,
            ReminderTable table,
            String outcome,
            ReminderKind kind,
            LocalDate date,
            LocalDate asOf,
            CompiledMessages messages,
            TextMessageValues values,
            String qualification,
            String round) {
        int days = table.daysAhead(outcome, kind);
        if (days < 0 || date == null || date.isBefore(asOf)) {
            return;
        }
        CompiledTemplate template = messages.reminder(kind);
        Text text = template.fillText(values);
        reminders.add(new Reminder(kind, date, text, days, qualification == null ? "" : qualification, round));
    }

    private static boolean shows(RuleOutcome outcome, SectionId id) {
        for (SectionChoice choice : outcome.sections()) {
            if (choice.id() == id) {
                return true;
            }
        }
        return false;
    }

    /** Insertion sort by date: a handful of entries, ties keep the order they were added in. */
    private static void sortByDate(List<Reminder> reminders) {
        for (int i = 1; i < reminders.size(); i++) {
            Reminder r = reminders.get(i);
            int j = i - 1;
            while (j >= 0 && reminders.get(j).date().isAfter(r.date())) {
                reminders.set(j + 1, reminders.get(j));
                j--;
            }
            reminders.set(j + 1, r);
        }
    }
}

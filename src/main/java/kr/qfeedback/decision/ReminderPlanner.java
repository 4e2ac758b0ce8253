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

    /** Stands for the reminder lines in the LMS until they are spliced in as pieces ({@link #notifications}). */
    private static final String REMINDER_LINES = new String("{reminders}");

    private static final Text.Fixed PREFIX = new Text.Fixed(TextMessageLimits.REMINDER_PREFIX);
    private static final Text.Fixed NEW_LINE = new Text.Fixed("\n");

    private final List<Reminder> reminders = new ArrayList<>(4);
    private final ReminderTable table;
    private final String outcome;
    private final LocalDate asOf;
    private final CompiledMessages messages;
    private final TextMessageValues values;
    private final RoundReminderTexts roundTexts;
    private final String qualification;
    private final QualificationFacts qualificationFacts;

    private ReminderPlanner(
            DerivedFacts facts,
            ReminderTable table,
            CompiledMessages messages,
            TextMessageValues values,
            RoundReminderTexts roundTexts) {
        this.table = table;
        this.outcome = facts.outcome().code();
        this.asOf = facts.request().asOf();
        this.messages = messages;
        this.values = values;
        this.roundTexts = roundTexts;
        String code = facts.request().qualification().code();
        this.qualification = code == null ? "" : code;
        this.qualificationFacts = facts.reference();
    }

    static List<Reminder> plan(
            DerivedFacts facts,
            RuleOutcome outcome,
            ReminderTable table,
            CompiledMessages messages,
            TextMessageValues values,
            RoundReminderTexts roundTexts) {
        ReminderPlanner plan = new ReminderPlanner(facts, table, messages, values, roundTexts);
        var exam = facts.request().exam();
        boolean writtenPass = exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS;
        boolean finalPass = facts.outcome().finalPass();
        String documents = facts.documents();

        if (writtenPass && ("NOT_SUBMITTED".equals(documents) || "UNKNOWN".equals(documents))) {
            plan.add(ReminderKind.DOCUMENTS_DUE, facts.documentDeadline(), exam.round(), facts.documentDeadline());
        }
        ScheduleEntry next = finalPass ? null : writtenPass ? facts.nextStageRound() : facts.sameStageRound();
        if (next != null) {
            values.round(next);
            String round = next.roundLabel() == null ? "" : next.roundLabel();
            plan.add(ReminderKind.REGISTRATION_OPENS, next.registrationStart(), round, next);
            plan.add(ReminderKind.REGISTRATION_CLOSES, next.registrationEnd(), round, next);
            plan.add(ReminderKind.EXAM_DAY, next.examDate(), round, next);
            values.round(null);
        }
        ExemptionWindow exemption = facts.exemption();
        if (exemption != null && !finalPass && !(writtenPass && documents.endsWith("_OVERDUE"))) {
            // filled for this candidate, not kept: the end dates of a qualification spread over two
            // years, and texts kept for each would outgrow the processor's caches (docs/performance.md)
            plan.add(ReminderKind.EXEMPTION_ENDS, exemption.validUntil(), "", null);
        }
        if (shows(outcome, SectionId.SURVEY)) {
            plan.addUnnamed(ReminderKind.SURVEY_ENDS, table.surveyEnd());
        }
        sortByDate(plan.reminders);
        return plan.reminders;
    }

    /**
     * The SMS and LMS of the decision, the LMS listing {@code reminders} one a line ("- text"): their
     * pieces are spliced in, so that the fixed ones stay fixed.
     */
    static Notifications notifications(
            DerivedFacts facts,
            List<Reminder> reminders,
            CompiledMessages messages,
            TextMessageValues values,
            TextMessageMemo memo) {
        values.reminders(reminders.isEmpty() ? null : REMINDER_LINES);
        Text sms = memo.sms(facts, values.voidPass(), messages.sms(), values);
        Text lms = messages.lms().fillText(values);
        return new Notifications(sms, reminders.isEmpty() ? lms : spliced(lms, reminders));
    }

    /** @param key what the text depends on besides the qualification (see {@link RoundReminderTexts}) */
    private void add(ReminderKind kind, LocalDate date, String round, Object key) {
        add(kind, date, qualification, round, key);
    }

    /** A reminder that belongs to no qualification or round (the survey). */
    private void addUnnamed(ReminderKind kind, LocalDate date) {
        add(kind, date, "", "", null);
    }

    private void add(ReminderKind kind, LocalDate date, String code, String round, Object key) {
        int days = table.daysAhead(outcome, kind);
        if (days < 0 || date == null || date.isBefore(asOf)) {
            return;
        }
        CompiledTemplate template = messages.reminder(kind);
        Text text = key == null ? null : roundTexts.text(kind, qualificationFacts, key, template, values);
        if (text == null) {
            text = template.fillText(values);
        }
        reminders.add(new Reminder(kind, date, text, days, code, round));
    }

    private static Text spliced(Text lms, List<Reminder> reminders) {
        int extra = 0;
        for (Reminder r : reminders) {
            extra += r.textValue().parts() + 2;
        }
        Object[] parts = new Object[lms.parts() + extra];
        int n = 0;
        boolean found = false;
        for (int i = 0; i < lms.parts(); i++) {
            Object part = lms.part(i);
            if (part != REMINDER_LINES) {
                parts[n++] = part;
                continue;
            }
            found = true;
            for (int k = 0; k < reminders.size(); k++) {
                if (k > 0) {
                    parts[n++] = NEW_LINE;
                }
                parts[n++] = PREFIX;
                Text text = reminders.get(k).textValue();
                for (int j = 0; j < text.parts(); j++) {
                    parts[n++] = text.part(j);
                }
            }
        }
        if (found) {
            return Text.of(parts, n);
        }
        // a template filled as one string (two-form particles): the lines go in as text
        StringBuilder lines = new StringBuilder();
        for (Reminder r : reminders) {
            lines.append(lines.length() == 0 ? "" : "\n")
                    .append(TextMessageLimits.REMINDER_PREFIX)
                    .append(r.text());
        }
        return Text.of(lms.toString().replace(REMINDER_LINES, lines));
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

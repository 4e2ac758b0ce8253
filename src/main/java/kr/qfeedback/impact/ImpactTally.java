package kr.qfeedback.impact;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Notifications;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Text;

/**
 * The counts of one part of a cohort (a chunk of lines), merged into the whole: per outcome and
 * section (and page part: notices, reminders, text messages), who newly sees, no longer sees or
 * sees differently, by part, and the first few example
 * candidates of each kind with both decisions (never more than {@value #EXAMPLES} per group and
 * kind, so memory stays flat whatever the cohort's size). Used by one thread at a time.
 */
final class ImpactTally {
    static final int EXAMPLES = 3;
    /** Lines that could not be compared, kept by line number (code and field only, never the content). */
    static final int PROBLEMS = 5;

    final Map<String, Group> groups = new HashMap<>();
    int compared;
    int affected;
    int unreadable;
    int refusedByActive;
    int refusedByCandidate;
    final List<ImpactReport.LineProblem> problems = new ArrayList<>();

    /** Compares one candidate's two pages and counts what differs. */
    void add(long line, String candidateId, String outcome, FeedbackDecision before, FeedbackDecision after) {
        compared++;
        Map<SectionId, Section> was = bySection(before);
        Map<SectionId, Section> is = bySection(after);
        boolean changed = false;
        for (SectionId id : SectionId.values()) {
            Section a = was.get(id);
            Section b = is.get(id);
            if (a == null && b == null) {
                continue;
            }
            Kind kind;
            Group g;
            if (a == null) {
                g = group(outcome, id);
                g.newly++;
                kind = Kind.NEWLY_SHOWN;
            } else if (b == null) {
                g = group(outcome, id);
                g.noLonger++;
                kind = Kind.NO_LONGER_SHOWN;
            } else {
                boolean order = a.order() != b.order();
                boolean tone = a.tone() != b.tone();
                boolean title = !sameText(a.titleText(), b.titleText());
                boolean body = !sameText(a.bodyText(), b.bodyText());
                boolean data = !a.data().equals(b.data());
                boolean links = !a.links().equals(b.links());
                if (!(order || tone || title || body || data || links)) {
                    continue;
                }
                g = group(outcome, id);
                g.differently++;
                g.order += order ? 1 : 0;
                g.tone += tone ? 1 : 0;
                g.title += title ? 1 : 0;
                g.body += body ? 1 : 0;
                g.data += data ? 1 : 0;
                g.links += links ? 1 : 0;
                kind = Kind.SHOWN_DIFFERENTLY;
            }
            changed = true;
            List<Example> examples = g.examples.get(kind);
            if (examples.size() < EXAMPLES) {
                examples.add(new Example(line, candidateId, before, after));
            }
        }
        for (PagePart part : PAGE_PARTS) {
            int found = switch (part) {
                case NOTICES -> notices(before.notices(), after.notices());
                case REMINDERS -> reminders(before.reminders(), after.reminders());
                case NOTIFICATIONS -> notifications(before.notifications(), after.notifications());
            };
            changed |= part(part, found, line, candidateId, outcome, before, after);
        }
        if (changed) {
            affected++;
        }
    }

    private static final PagePart[] PAGE_PARTS = PagePart.values();

    /** What a page part's comparison found, as bits: there before, there after, its texts differ, its facts differ. */
    private static final int WAS = 1;

    private static final int IS = 2;
    private static final int BODY = 4;
    private static final int DATA = 8;

    private static int presence(boolean was, boolean is) {
        return (was ? WAS : 0) | (is ? IS : 0);
    }

    private static int notices(List<Notice> a, List<Notice> b) {
        boolean body = a.size() != b.size();
        boolean data = body;
        for (int i = 0; i < a.size() && !(body && data); i++) { // sizes equal here
            body |= !sameText(a.get(i).messageText(), b.get(i).messageText());
            data |= !a.get(i).code().equals(b.get(i).code());
        }
        return presence(!a.isEmpty(), !b.isEmpty()) | (body ? BODY : 0) | (data ? DATA : 0);
    }

    /** A reminder's facts are its kind, date and the days ahead its calendar alarm rings; its body is its text. */
    private static int reminders(List<Reminder> a, List<Reminder> b) {
        boolean body = a.size() != b.size();
        boolean data = body;
        for (int i = 0; i < a.size() && !(body && data); i++) { // sizes equal here
            Reminder x = a.get(i);
            Reminder y = b.get(i);
            body |= !sameText(x.textValue(), y.textValue());
            data |= x.kind() != y.kind() || !x.date().equals(y.date()) || x.alertDaysBefore() != y.alertDaysBefore();
        }
        return presence(!a.isEmpty(), !b.isEmpty()) | (body ? BODY : 0) | (data ? DATA : 0);
    }

    private static int notifications(Notifications a, Notifications b) {
        boolean body =
                a != null && b != null && !(sameText(a.smsText(), b.smsText()) && sameText(a.lmsText(), b.lmsText()));
        return presence(a != null, b != null) | (body ? BODY : 0);
    }

    /**
     * Counts one page part as a section, from what its comparison {@code found}: newly there, no
     * longer there, or there on both pages but read differently (its texts: body; its codes, kinds,
     * dates: data).
     */
    private boolean part(
            PagePart part,
            int found,
            long line,
            String candidateId,
            String outcome,
            FeedbackDecision before,
            FeedbackDecision after) {
        Kind kind;
        Group g;
        if ((found & (WAS | IS)) == 0) {
            return false;
        } else if ((found & WAS) == 0) {
            g = group(outcome, part);
            g.newly++;
            kind = Kind.NEWLY_SHOWN;
        } else if ((found & IS) == 0) {
            g = group(outcome, part);
            g.noLonger++;
            kind = Kind.NO_LONGER_SHOWN;
        } else if ((found & (BODY | DATA)) != 0) {
            g = group(outcome, part);
            g.differently++;
            g.body += (found & BODY) != 0 ? 1 : 0;
            g.data += (found & DATA) != 0 ? 1 : 0;
            kind = Kind.SHOWN_DIFFERENTLY;
        } else {
            return false;
        }
        List<Example> examples = g.examples.get(kind);
        if (examples.size() < EXAMPLES) {
            examples.add(new Example(line, candidateId, before, after));
        }
        return true;
    }

    void unreadable(long line, String code, String field) {
        unreadable++;
        problem(line, code, field);
    }

    void refused(long line, boolean byActive, String field) {
        if (byActive) {
            refusedByActive++;
        } else {
            refusedByCandidate++;
        }
        problem(line, "INCONSISTENT", field);
    }

    private void problem(long line, String code, String field) {
        if (problems.size() < PROBLEMS) {
            problems.add(new ImpactReport.LineProblem(line, code, field));
        }
    }

    /** Adds {@code other}'s counts; keeps the examples and problems of the earliest lines. */
    void merge(ImpactTally other) {
        compared += other.compared;
        affected += other.affected;
        unreadable += other.unreadable;
        refusedByActive += other.refusedByActive;
        refusedByCandidate += other.refusedByCandidate;
        problems.addAll(other.problems);
        problems.sort(java.util.Comparator.comparingLong(ImpactReport.LineProblem::line));
        if (problems.size() > PROBLEMS) {
            problems.subList(PROBLEMS, problems.size()).clear();
        }
        other.groups.forEach((key, g) -> groups.merge(key, g, Group::merge));
    }

    /**
     * Whether two texts read the same, piece by piece when they are made alike (the same template
     * pieces and values: nothing is joined), else by their joined strings.
     */
    static boolean sameText(Text a, Text b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        int n = a.parts();
        if (n == b.parts()) {
            boolean alike = true;
            for (int i = 0; i < n && alike; i++) {
                Object pa = a.part(i);
                Object pb = b.part(i);
                if (pa instanceof Text.Fixed fa && pb instanceof Text.Fixed fb) {
                    alike = fa == fb || fa.text().equals(fb.text());
                } else {
                    alike = pa.equals(pb);
                }
            }
            if (alike) {
                return true;
            }
        }
        return a.toString().equals(b.toString());
    }

    private Group group(String outcome, SectionId id) {
        return groups.computeIfAbsent(outcome + "|" + id.name(), k -> new Group(outcome, id.name(), id.ordinal()));
    }

    private Group group(String outcome, PagePart part) {
        return groups.computeIfAbsent(
                outcome + "|" + part.name(),
                k -> new Group(outcome, part.name(), SectionId.values().length + part.ordinal()));
    }

    private static Map<SectionId, Section> bySection(FeedbackDecision decision) {
        Map<SectionId, Section> map = new EnumMap<>(SectionId.class);
        for (Section s : decision.sections()) {
            map.put(s.id(), s);
        }
        return map;
    }

    /** The three ways a section can change for a candidate. */
    enum Kind {
        NEWLY_SHOWN,
        NO_LONGER_SHOWN,
        SHOWN_DIFFERENTLY
    }

    /** One candidate whose page changed, with both decisions (kept for a few per group only). */
    record Example(long line, String candidateId, FeedbackDecision before, FeedbackDecision after) {}

    /** The counts of one outcome × section (or page part, {@link PagePart}). */
    static final class Group {
        final String outcome;
        /** A section id, or a page part's name. */
        final String section;
        /** Where the row goes among an outcome's rows: the sections in their order, then the page parts. */
        final int rank;

        int newly;
        int noLonger;
        int differently;
        int order;
        int tone;
        int title;
        int body;
        int data;
        int links;
        final Map<Kind, List<Example>> examples = new EnumMap<>(Kind.class);

        Group(String outcome, String section, int rank) {
            this.outcome = outcome;
            this.section = section;
            this.rank = rank;
            for (Kind k : Kind.values()) {
                examples.put(k, new ArrayList<>(EXAMPLES));
            }
        }

        static Group merge(Group a, Group b) {
            a.newly += b.newly;
            a.noLonger += b.noLonger;
            a.differently += b.differently;
            a.order += b.order;
            a.tone += b.tone;
            a.title += b.title;
            a.body += b.body;
            a.data += b.data;
            a.links += b.links;
            for (Kind k : Kind.values()) {
                List<Example> all = a.examples.get(k);
                all.addAll(b.examples.get(k));
                all.sort(java.util.Comparator.comparingLong(Example::line));
                if (all.size() > EXAMPLES) {
                    all.subList(EXAMPLES, all.size()).clear();
                }
            }
            return a;
        }
    }
}

package kr.qfeedback.impact;

import java.util.List;
import java.util.Map;

/**
 * What changes for a cohort if the candidate version replaces the active one: per outcome and
 * section, how many candidates newly see it, no longer see it, or see it differently, with how
 * many of those differ in each part a candidate sees (order, tone, title, body, data, links), and
 * for each kind of change the first few example candidates, whose whole pages before and after are
 * in {@link #pages}. The page's notices, reminders and text messages are counted as sections are,
 * under {@code NOTICES}, {@code REMINDERS} and {@code NOTIFICATIONS} after the sections. A
 * text-only edit counts every candidate whose page text changes.
 *
 * @param candidates the candidates decided under both versions (a cohort file's readable lines)
 * @param lines what was read: every line, and those that could not be compared
 * @param pages the example candidates' pages under both versions, once each, by line
 */
public record ImpactReport(
        String activeVersion,
        String candidateVersion,
        int candidates,
        int candidatesAffected,
        List<SectionImpact> changes,
        long millis,
        Lines lines,
        List<ExamplePage> pages) {

    public ImpactReport {
        changes = List.copyOf(changes);
        pages = List.copyOf(pages);
    }

    /**
     * One outcome × section row of the report. {@code shownDifferently} counts candidates who see the
     * section before and after but not alike; {@code differences} counts them by the part that
     * differs (a candidate may count under several): order, tone, title, body, data, links.
     * {@code examples} are the ids of the first few candidates concerned, {@code samples} the first
     * few of each kind with their line (their pages are the report's {@code pages}).
     */
    public record SectionImpact(
            String outcome,
            String section,
            int newlyShown,
            int noLongerShown,
            int shownDifferently,
            Differences differences,
            List<String> examples,
            List<Sample> samples) {
        public SectionImpact {
            examples = List.copyOf(examples);
            samples = List.copyOf(samples);
        }
    }

    /** How many candidates see each part of a section differently. */
    public record Differences(int order, int tone, int title, int body, int data, int links) {}

    /** An example of one kind of change: {@code NEWLY_SHOWN}, {@code NO_LONGER_SHOWN} or {@code SHOWN_DIFFERENTLY}. */
    public record Sample(String kind, long line, String candidateId) {}

    /**
     * One example candidate's whole page under the active version ({@code before}) and the candidate
     * version ({@code after}), each in the shape of a {@code POST /v1/feedback?explain=true} answer,
     * and every difference between them.
     */
    public record ExamplePage(
            long line,
            String candidateId,
            Map<String, Object> before,
            Map<String, Object> after,
            List<Difference> differences) {
        public ExamplePage {
            differences = List.copyOf(differences);
        }
    }

    /**
     * One difference of a page: in {@code section} (or {@code NOTICES}, {@code REMINDERS},
     * {@code NOTIFICATIONS}), the {@code part} ({@code shown}, {@code order},
     * {@code tone}, {@code title}, {@code body}, {@code data}, {@code links}) went from {@code before}
     * to {@code after} (for {@code shown}: false to true or true to false).
     */
    public record Difference(String section, String part, Object before, Object after) {}

    /**
     * The lines read: {@code read} in all, {@code unreadable} (not a request the API would parse),
     * refused as inconsistent by the active or the candidate version's reference data, and the first
     * few of those by line number with the error code and field (never their content).
     */
    public record Lines(
            int read, int unreadable, int refusedByActive, int refusedByCandidate, List<LineProblem> problems) {
        public Lines {
            problems = List.copyOf(problems);
        }
    }

    /** A line that could not be compared: its number, the API's error code and the field at fault, if one. */
    public record LineProblem(long line, String code, String field) {}
}

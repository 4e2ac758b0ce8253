package kr.qfeedback.impact;

import java.util.List;

/**
 * What changes for a cohort if the candidate version replaces the active one: per outcome and
 * section, how many candidates newly see it, no longer see it, or see it differently, with how
 * many of those differ in each part a candidate sees (order, tone, title, body, data, links) and a
 * few example candidate ids. A text-only edit counts every candidate whose page text changes.
 */
public record ImpactReport(
        String activeVersion,
        String candidateVersion,
        int candidates,
        int candidatesAffected,
        List<SectionImpact> changes,
        long millis) {

    public ImpactReport {
        changes = List.copyOf(changes);
    }

    /**
     * One outcome × section row of the report. {@code shownDifferently} counts candidates who see the
     * section before and after but not alike; {@code differences} counts them by the part that
     * differs (a candidate may count under several): order, tone, title, body, data, links.
     */
    public record SectionImpact(
            String outcome,
            String section,
            int newlyShown,
            int noLongerShown,
            int shownDifferently,
            Differences differences,
            List<String> examples) {
        public SectionImpact {
            examples = List.copyOf(examples);
        }
    }

    /** How many candidates see each part of a section differently. */
    public record Differences(int order, int tone, int title, int body, int data, int links) {}
}

package kr.qfeedback.impact;

import java.util.List;

/**
 * What changes for a cohort if the candidate version replaces the active one: per outcome and
 * section, how many candidates newly see it, no longer see it, or see it differently (order,
 * tone, message or data stage), with a few example candidate ids for each.
 */
public record ImpactReport(String activeVersion, String candidateVersion, int candidates, int candidatesAffected,
                           List<SectionImpact> changes, long millis) {

    public ImpactReport {
        changes = List.copyOf(changes);
    }

    /** One outcome × section row of the report. */
    public record SectionImpact(String outcome, String section, int newlyShown, int noLongerShown, int shownDifferently,
                                List<String> examples) {
        public SectionImpact {
            examples = List.copyOf(examples);
        }
    }
}

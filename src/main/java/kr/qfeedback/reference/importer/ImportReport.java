package kr.qfeedback.reference.importer;

import java.util.List;

/**
 * What one import did.
 *
 * @param qualifications           qualifications written
 * @param acquisitionTexts         qualifications that have a 취득방법 text at all
 * @param subjectsParsed           qualifications with at least one subject list read
 * @param criteriaParsed           qualifications with at least one pass criterion read
 * @param writtenSubjectLists      qualifications whose written subjects were read
 * @param secondStageSubjectLists  qualifications whose second-stage subjects were read
 * @param writtenCriteria          qualifications whose written criterion was read
 * @param secondStageCriteria      qualifications whose second-stage criterion was read
 * @param rounds                   exam rounds written (over all qualifications)
 * @param documentWindows          rounds that got an eligibility-document window
 * @param notes                    oddities in the snapshot that the import resolved (one line each)
 * @param findings                 what policy staff should see (written as the Korean import report)
 */
public record ImportReport(
        int qualifications,
        int acquisitionTexts,
        int subjectsParsed,
        int criteriaParsed,
        int writtenSubjectLists,
        int secondStageSubjectLists,
        int writtenCriteria,
        int secondStageCriteria,
        int rounds,
        int documentWindows,
        List<String> notes,
        ImportFindings findings) {

    public ImportReport {
        notes = List.copyOf(notes);
    }

    /** A few lines for the console. */
    public String summary() {
        return "qualifications:   " + qualifications + "\n"
                + "취득방법 texts:    " + acquisitionTexts + "\n"
                + "subjects parsed:  " + subjectsParsed + " (written " + writtenSubjectLists
                + ", second stage " + secondStageSubjectLists + ")\n"
                + "criteria parsed:  " + criteriaParsed + " (written " + writtenCriteria
                + ", second stage " + secondStageCriteria + ")\n"
                + "rounds:           " + rounds + "\n"
                + "document windows: " + documentWindows + "\n"
                + "criterion departures: " + findings.departingQualifications() + " qualifications ("
                + findings.criterionDepartures().size() + " stages)\n"
                + "missing criteria: " + findings.missingCriteria().size() + "\n"
                + "schedule disagreements: "
                + findings.scheduleDisagreements().stream()
                        .mapToInt(g -> g.codes().size())
                        .sum() + " (" + findings.scheduleDisagreements().size()
                + " distinct)\n"
                + "rounds left out (not public): " + findings.leftOutRoundCount() + "\n"
                + "statistics rows without applicants: " + findings.zeroApplicantRows() + "\n"
                + "eligibility texts: " + findings.eligibilityTexts();
    }
}

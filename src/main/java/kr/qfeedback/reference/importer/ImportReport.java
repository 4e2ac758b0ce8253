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
        List<String> notes) {

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
                + "document windows: " + documentWindows;
    }
}

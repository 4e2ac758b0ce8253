package kr.qfeedback.decision;

import java.time.LocalDate;
import kr.qfeedback.feedback.DocumentStatus;

/**
 * A candidate's eligibility-document situation as the rules read it (규 14조): {@code NOT_REQUIRED}
 * when the caller says so, when policy does not ask this qualification's passers for documents, or
 * when a held qualification meets the eligibility by itself; else the caller's status
 * ({@code UNKNOWN} when not given), with {@code _OVERDUE} appended once the deadline has passed
 * without the documents being known to be in.
 */
public final class DocumentSituation {

    private DocumentSituation() {}

    /**
     * @param status        the caller's status, null when not given
     * @param required      whether policy asks this qualification's written passers for documents
     * @param heldQualifies whether a held qualification meets the eligibility by itself
     * @param deadline      the deadline of the round the written pass belongs to, null when unknown
     */
    public static String of(
            DocumentStatus status, boolean required, boolean heldQualifies, LocalDate deadline, LocalDate asOf) {
        if (status == DocumentStatus.SUBMITTED) {
            return status.name();
        }
        if (status == DocumentStatus.NOT_REQUIRED || !required || heldQualifies) {
            return DocumentStatus.NOT_REQUIRED.name();
        }
        String base = status == null ? "UNKNOWN" : status.name();
        return deadline != null && asOf.isAfter(deadline) ? base + "_OVERDUE" : base;
    }
}

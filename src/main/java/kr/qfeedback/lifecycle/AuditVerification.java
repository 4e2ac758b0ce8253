package kr.qfeedback.lifecycle;

/**
 * The result of checking the audit chain: whether it is intact, how many entries (lines) the log
 * has, the sequence number of the first entry at fault (null when intact) and a sentence saying
 * what was found.
 */
public record AuditVerification(boolean ok, int entryCount, Long firstBadSeq, String reason) {

    static AuditVerification intact(int entryCount, String reason) {
        return new AuditVerification(true, entryCount, null, reason);
    }

    static AuditVerification broken(int entryCount, Long firstBadSeq, String reason) {
        return new AuditVerification(false, entryCount, firstBadSeq, reason);
    }
}

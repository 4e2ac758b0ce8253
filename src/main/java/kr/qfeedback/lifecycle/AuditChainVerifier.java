package kr.qfeedback.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Checks an audit log's text: every entry's hash matches its content and names the entry before it.
 * Plain entries (SHA-256) may only precede signed ones (HMAC with the audit key); with the key, a
 * non-empty log must end in a signed entry, and without it a signed entry cannot be checked (so the
 * log does not verify). A head hash exported earlier must be the hash of one of the entries.
 */
final class AuditChainVerifier {
    private AuditChainVerifier() {}

    /**
     * Verifies the chain, signed entries with {@code key} (may be null); when {@code expectedHead} is
     * given, one entry's hash must also equal it.
     */
    static AuditVerification verify(String content, AuditKey key, String expectedHead) {
        String head = expectedHead == null ? null : expectedHead.trim().toLowerCase(Locale.ROOT);
        Long headSeq = null;
        Long firstSigned = null;
        boolean cutOff = !content.isEmpty() && !content.endsWith("\n");
        String[] lines = content.isEmpty()
                ? new String[0]
                : (cutOff ? content : content.substring(0, content.length() - 1)).split("\n", -1);
        int count = lines.length;
        String previousHash = Sha256.ZERO;
        long previousSeq = 0;
        for (int i = 0; i < count; i++) {
            int lineNo = i + 1;
            boolean last = lineNo == count;
            JsonNode node;
            try {
                node = Json.parse(lines[i]);
            } catch (JsonProcessingException e) {
                return AuditVerification.broken(
                        count,
                        previousSeq + 1,
                        "line " + lineNo + " is not valid JSON"
                                + (last && cutOff
                                        ? ": the log ends in the middle of an entry, so the last write was cut off"
                                                + " or the log was truncated"
                                        : ": the entry was damaged or edited by hand"));
            }
            if (node == null
                    || !node.isObject()
                    || !node.path("seq").isIntegralNumber()
                    || !Sha256.isHash(node.path("hash").textValue())
                    || !Sha256.isHash(node.path("prevHash").textValue())) {
                return AuditVerification.broken(
                        count,
                        previousSeq + 1,
                        "line " + lineNo
                                + " is not an audit entry (it lacks a whole-number seq, a prevHash or a hash): it was damaged"
                                + " or edited by hand");
            }
            long seq = node.get("seq").longValue();
            String hash = node.get("hash").textValue();
            String prevHash = node.get("prevHash").textValue();
            boolean signed = AuditJson.isSigned(node);
            if (signed && key == null) {
                return AuditVerification.broken(
                        count,
                        seq,
                        "entry " + seq + " is signed with an audit key, which this check does not have: set "
                                + AuditKey.VARIABLE + " to the key the log was signed with and check again");
            }
            if (!signed && firstSigned != null) {
                return AuditVerification.broken(
                        count,
                        seq,
                        "entry " + seq + " is not signed although entry " + firstSigned
                                + " before it is: the log was rewritten without the audit key");
            }
            if (!(signed ? AuditJson.hashOf(node, key) : AuditJson.hashOf(node)).equals(hash)) {
                return AuditVerification.broken(
                        count,
                        seq,
                        "entry " + seq + "'s hash does not match its content"
                                + (signed ? " and the audit key" : "") + ": it was altered"
                                + (signed ? " (or " + AuditKey.VARIABLE + " is not the key it was signed with)" : ""));
            }
            if (signed && firstSigned == null) {
                firstSigned = seq;
            }
            if (!prevHash.equals(previousHash)) {
                return AuditVerification.broken(
                        count,
                        seq,
                        previousSeq == 0
                                ? "entry " + seq
                                        + "'s prevHash is not the start value (64 zeros) although it is the first line:"
                                        + " the entries before it were removed"
                                : "entry " + seq + "'s prevHash does not match entry " + previousSeq
                                        + "'s hash: an entry was removed or reordered");
            }
            if (seq != previousSeq + 1) {
                return AuditVerification.broken(
                        count,
                        seq,
                        "entry " + seq + " follows entry " + previousSeq
                                + ": sequence numbers must go up by one, so an entry was removed, duplicated or reordered");
            }
            if (last && cutOff) {
                return AuditVerification.broken(
                        count,
                        seq,
                        "line " + lineNo
                                + " does not end with a newline: the last write was cut off or the log was truncated");
            }
            if (hash.equals(head)) {
                headSeq = seq;
            }
            previousHash = hash;
            previousSeq = seq;
        }
        if (key != null && count > 0 && firstSigned == null) {
            return AuditVerification.broken(
                    count,
                    previousSeq,
                    "no entry is signed with the audit key, although a service started with " + AuditKey.VARIABLE
                            + " signs the log at once: the log was rewritten without the key");
        }
        if (head != null && headSeq == null) {
            return AuditVerification.broken(
                    count,
                    null,
                    "no entry's hash is the head hash kept outside the log (" + expectedHead.trim() + "): the log"
                            + (count == 0
                                    ? " is empty, so it was truncated or replaced"
                                    : " was rewritten, or"
                                            + " the entries up to that head were removed; the last entry is "
                                            + previousSeq));
        }
        return AuditVerification.intact(
                count,
                count == 0
                        ? "the log has no entries yet"
                        : "all " + count
                                + " entries are intact: each hash matches its content"
                                + (firstSigned == null
                                        ? ""
                                        : " (from entry " + firstSigned + " on, signed with the audit key)")
                                + " and links to the entry before"
                                + (headSeq == null
                                        ? ""
                                        : ", and entry " + headSeq + " has the head hash kept outside the log"
                                                + (headSeq == previousSeq
                                                        ? ""
                                                        : " (" + (previousSeq - headSeq)
                                                                + " entries were appended since)")));
    }
}

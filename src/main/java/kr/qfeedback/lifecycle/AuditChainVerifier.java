package kr.qfeedback.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Checks an audit log's text: every entry's hash matches its content and names the entry before it. */
final class AuditChainVerifier {
    private AuditChainVerifier() {}

    /** Verifies the chain; when {@code expectedHead} is given, the last entry's hash must also equal it. */
    static AuditVerification verify(String content, String expectedHead) {
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
            if (!AuditJson.hashOf(node).equals(hash)) {
                return AuditVerification.broken(
                        count, seq, "entry " + seq + "'s hash does not match its content: it was altered");
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
            previousHash = hash;
            previousSeq = seq;
        }
        if (expectedHead != null
                && !expectedHead.trim().toLowerCase(Locale.ROOT).equals(previousHash)) {
            return AuditVerification.broken(
                    count,
                    count == 0 ? null : previousSeq,
                    count == 0
                            ? "the log is empty but the head hash kept outside it is " + expectedHead.trim()
                                    + ": the log was truncated or replaced"
                            : "entry " + previousSeq + " is the last and its hash " + previousHash
                                    + " is not the head hash kept outside the log (" + expectedHead.trim()
                                    + "): entries were removed from the end or the last entry was forged");
        }
        return AuditVerification.intact(
                count,
                count == 0
                        ? "the log has no entries yet"
                        : "all " + count
                                + " entries are intact: each hash matches its content and links to the entry before"
                                + (expectedHead != null
                                        ? ", and the last one matches the head hash kept outside the log"
                                        : ""));
    }
}

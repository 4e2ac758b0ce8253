package kr.qfeedback.wire;

import java.util.Arrays;
import java.util.List;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.records.DecisionRecord;

/**
 * The record of a decision as JSON in UTF-8, the same JSON as
 * {@link DecisionRecord#toJson()} (byte for byte its encoding, but for surrogate chars, which
 * are escaped here), written straight from the decision ({@link JsonBytes}) without building the
 * object first: the cluster stores these bytes for every decision, many records to a value
 * ({@link Lines}, {@link #find}).
 */
public final class DecisionRecordText {
    private static final byte[] DECISION_ID = JsonBytes.name('{', "decisionId");
    private static final byte[] CANDIDATE_ID = JsonBytes.name(',', "candidateId");
    private static final byte[] RULES_VERSION = JsonBytes.name(',', "rulesVersion");
    private static final byte[] AS_OF = JsonBytes.name(',', "asOf");
    private static final byte[] OUTCOME = JsonBytes.name(',', "outcome");
    private static final byte[] SECTIONS = JsonBytes.name(',', "sections");
    private static final byte[] DECIDED_AT = JsonBytes.name(',', "decidedAt");

    private DecisionRecordText() {}

    public static byte[] of(DecisionRecord record) {
        return write(new JsonBytes(320), record).toByteArray();
    }

    private static JsonBytes write(JsonBytes json, DecisionRecord record) {
        json.raw(DECISION_ID).string(record.decisionId());
        json.raw(CANDIDATE_ID).stringOrNull(record.candidateId());
        json.raw(RULES_VERSION).raw(EncodedValues.version(record.rulesVersion()));
        json.raw(AS_OF).raw(EncodedValues.date(record.asOf()));
        json.raw(OUTCOME).raw(EncodedValues.outcome(record.outcome()));
        json.raw(SECTIONS).raw('[');
        List<SectionId> sections = record.sections();
        for (int i = 0; i < sections.size(); i++) {
            json.separator(i).raw(EncodedValues.sectionId(sections.get(i)));
        }
        EncodedValues.instant(json.raw(']').raw(DECIDED_AT), record.decidedAt());
        return json.raw('}');
    }

    /**
     * The record of {@code decisionId} among {@code lines} (records written by {@link Lines}), or
     * {@code null} when none of them is its record.
     */
    public static byte[] find(byte[] lines, String decisionId) {
        JsonBytes head = new JsonBytes(decisionId.length() * 3 + 24);
        byte[] wanted = head.raw(DECISION_ID).string(decisionId).toByteArray();
        for (int start = 0; start < lines.length; ) {
            int end = start;
            while (end < lines.length && lines[end] != '\n') {
                end++;
            }
            if (end - start > wanted.length
                    && lines[start + wanted.length] == ','
                    && Arrays.equals(lines, start, start + wanted.length, wanted, 0, wanted.length)) {
                return Arrays.copyOfRange(lines, start, end);
            }
            start = end + 1;
        }
        return null;
    }

    /**
     * Records one after the other, each on its own line (a record has no raw line break: JSON
     * escapes them), so that many records can be stored as one value and found again by {@link #find}.
     */
    public static final class Lines {
        private final JsonBytes json = new JsonBytes(16 * 1024);
        private int count;

        public Lines add(DecisionRecord record) {
            write(json, record).raw('\n');
            count++;
            return this;
        }

        /** How many records were added. */
        public int count() {
            return count;
        }

        public byte[] toByteArray() {
            return json.toByteArray();
        }
    }
}

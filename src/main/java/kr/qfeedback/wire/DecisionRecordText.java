package kr.qfeedback.wire;

import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.records.DecisionRecord;
import kr.qfeedback.records.KeptRequest;

/**
 * The record of a decision as JSON in UTF-8, the same JSON as
 * {@link DecisionRecord#toJson()} (byte for byte its encoding, but for surrogate chars, which
 * are escaped here), written straight from the decision ({@link JsonBytes}) without building the
 * object first: the cluster stores these bytes for every decision, many records to a value
 * ({@link Lines}, {@link #find}).
 *
 * <p>A record kept with its request ({@link KeptRequest}) is followed by a line of its own,
 * {@code >ID F REQUEST}: the decision id, the answer's form letter and the accepted request in its
 * compact bytes ({@link CompactRequest}) as Base64 (members of the version before wrote the body's
 * JSON there; {@link #findRequest} reads both). A reader that looks only for records (members of earlier versions)
 * passes it by: it does not start with a record's {@code {"decisionId":}.
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
        int start = recordLine(lines, decisionId);
        return start < 0 ? null : Arrays.copyOfRange(lines, start, lineEnd(lines, start));
    }

    /**
     * The record of {@code decisionId} among {@code lines} followed, when it was kept with its
     * request, by a line break and the request's line (read back with {@link #recordOf} and
     * {@link #findRequest}); {@code null} when none of them is its record.
     */
    public static byte[] findWithRequest(byte[] lines, String decisionId) {
        int start = recordLine(lines, decisionId);
        if (start < 0) {
            return null;
        }
        int end = lineEnd(lines, start);
        byte[] head = requestHead(decisionId);
        int next = end + 1;
        if (next + head.length < lines.length && Arrays.equals(lines, next, next + head.length, head, 0, head.length)) {
            end = lineEnd(lines, next);
        }
        return Arrays.copyOfRange(lines, start, end);
    }

    /** Where the line of {@code decisionId}'s record starts in {@code lines}, or -1. */
    private static int recordLine(byte[] lines, String decisionId) {
        JsonBytes head = new JsonBytes(decisionId.length() * 3 + 24);
        byte[] wanted = head.raw(DECISION_ID).string(decisionId).toByteArray();
        for (int start = 0; start < lines.length; ) {
            int end = lineEnd(lines, start);
            if (end - start > wanted.length
                    && lines[start + wanted.length] == ','
                    && Arrays.equals(lines, start, start + wanted.length, wanted, 0, wanted.length)) {
                return start;
            }
            start = end + 1;
        }
        return -1;
    }

    /** Where the line that starts at {@code start} ends: its line break, or the end of {@code lines}. */
    private static int lineEnd(byte[] lines, int start) {
        int end = start;
        while (end < lines.length && lines[end] != '\n') {
            end++;
        }
        return end;
    }

    /**
     * When the last record among {@code lines} was decided, in epoch milliseconds ({@code
     * Long.MAX_VALUE} when there is no record with a readable time, so that such lines are kept).
     */
    public static long newestDecidedAt(byte[] lines) {
        byte[] name = "\"decidedAt\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int end = lines.length; end > 0; ) {
            int start = end - 1;
            while (start > 0 && lines[start - 1] != '\n') {
                start--;
            }
            if (lines[start] == '{') {
                for (int at = end - name.length; at >= start; at--) {
                    if (Arrays.equals(lines, at, at + name.length, name, 0, name.length)) {
                        int from = at + name.length;
                        int to = from;
                        while (to < end && lines[to] != '"') {
                            to++;
                        }
                        try {
                            return java.time.Instant.parse(new String(
                                            lines, from, to - from, java.nio.charset.StandardCharsets.US_ASCII))
                                    .toEpochMilli();
                        } catch (java.time.format.DateTimeParseException e) {
                            return Long.MAX_VALUE;
                        }
                    }
                }
                return Long.MAX_VALUE;
            }
            end = start - 1;
        }
        return Long.MAX_VALUE;
    }

    /** The record's JSON in what {@link #findWithRequest} found: its first line. */
    public static byte[] recordOf(byte[] found) {
        for (int i = 0; i < found.length; i++) {
            if (found[i] == '\n') {
                return Arrays.copyOf(found, i);
            }
        }
        return found;
    }

    /**
     * The request kept with the record of {@code decisionId} among {@code lines}, or {@code null}
     * when there is none. Its line holds the request's compact bytes ({@link CompactRequest}) in
     * Base64, or, as members of the version before wrote it, the request's JSON, which is parsed as
     * on the record's day {@code asOf} (the day a request without one was decided on).
     *
     * @throws IllegalArgumentException when the line is there but holds no readable request
     */
    public static KeptRequest findRequest(byte[] lines, String decisionId, LocalDate asOf) {
        byte[] wanted = requestHead(decisionId);
        for (int start = 0; start < lines.length; ) {
            int end = lineEnd(lines, start);
            if (end - start >= wanted.length + 2
                    && lines[start + wanted.length + 1] == ' '
                    && Arrays.equals(lines, start, start + wanted.length, wanted, 0, wanted.length)) {
                KeptRequest.Form form = KeptRequest.Form.of(lines[start + wanted.length]);
                return form == null
                        ? null
                        : new KeptRequest(request(lines, start + wanted.length + 2, end, asOf), form);
            }
            start = end + 1;
        }
        return null;
    }

    private static FeedbackRequest request(byte[] lines, int from, int to, LocalDate asOf) {
        try {
            if (from < to && lines[from] == '{') {
                Clock onTheDay = Clock.fixed(
                        asOf.atStartOfDay(FeedbackRequestParser.SEOUL).toInstant(), FeedbackRequestParser.SEOUL);
                return new FeedbackRequestParser(onTheDay).parse(Buffer.buffer(Arrays.copyOfRange(lines, from, to)));
            }
            byte[] compact = Base64.getDecoder().decode(Arrays.copyOfRange(lines, from, to));
            return CompactRequest.decode(compact, 0, compact.length);
        } catch (IllegalArgumentException | ApiError e) {
            throw new IllegalArgumentException("the request kept with a record is not readable", e);
        }
    }

    /** {@code >ID } in UTF-8: how the request line of a decision starts. */
    private static byte[] requestHead(String decisionId) {
        return (">" + decisionId + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Records one after the other, each on its own line (a record has no raw line break: JSON
     * escapes them), so that many records can be stored as one value and found again by {@link #find}.
     */
    public static final class Lines {
        private final JsonBytes json = new JsonBytes(16 * 1024);
        private final FieldBytes.Out compact = new FieldBytes.Out();
        private byte[] base64 = new byte[512];
        private int count;

        public Lines add(DecisionRecord record) {
            write(json, record).raw('\n');
            KeptRequest request = record.request();
            if (request != null) {
                CompactRequest.encode(request.request(), compact.clear());
                int most = 4 * ((compact.length() + 2) / 3);
                if (base64.length < most) {
                    base64 = new byte[Math.max(most, 2 * base64.length)];
                }
                int length = Base64.getEncoder().encode(Arrays.copyOf(compact.bytes(), compact.length()), base64);
                json.raw(requestHead(record.decisionId()))
                        .raw(request.form().letter())
                        .raw(' ')
                        .raw(base64, length)
                        .raw('\n');
            }
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

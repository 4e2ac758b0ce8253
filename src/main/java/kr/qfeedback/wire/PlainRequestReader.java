package kr.qfeedback.wire;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.wire.StrictJsonCursor.Refused;

/**
 * Reads a valid request body in one pass over its bytes ({@link StrictJsonCursor}), without
 * building a JSON tree: the fast path of {@link FeedbackRequestParser}. It takes the same values
 * the tree would hold (text, Integer/Long/Double numbers, booleans) and checks them with the
 * parser's own rules; for a body that is not valid, or not in the plain shape (a field given twice,
 * a JSON object or array where a value belongs, anything outside the cursor's strict subset of
 * JSON), it gives null and the parser reads the body as a tree, which names the error as it always
 * has. So it only ever returns what the tree path would return.
 */
final class PlainRequestReader {
    private PlainRequestReader() {}

    /** The request, or null when the tree parser must read this body. */
    static FeedbackRequest read(Buffer body, Clock clock) {
        return read(BufferBytes.cursorOver(body), clock);
    }

    private static FeedbackRequest read(StrictJsonCursor json, Clock clock) {
        try {
            FeedbackRequest request = root(json, clock);
            return json.atEnd() ? request : null;
        } catch (Refused | ApiError refused) {
            return null; // the tree parser reads the body again and reports what is wrong
        }
    }

    /** Reads the value of one field, from its first byte; a scalar field has none. */
    @FunctionalInterface
    private interface ValueReader {
        Object read(StrictJsonCursor json) throws Refused;
    }

    private static final byte[][] QUALIFICATION = names("code", "name", "grade");
    private static final byte[][] EXAM =
            names("round", "stage", "examDate", "announcedOn", "result", "totalScore", "subjects");
    private static final ValueReader[] EXAM_READERS = {null, null, null, null, null, null, PlainRequestReader::subjects
    };
    private static final byte[][] SUBJECT = names("name", "score");
    private static final byte[][] CANDIDATE =
            names("birthDate", "writtenPassAnnouncedOn", "eligibilityDocuments", "attempts", "heldQualifications");
    private static final ValueReader[] CANDIDATE_READERS = {null, null, null, null, PlainRequestReader::heldCodes};
    private static final byte[][] ROOT = names("candidateId", "asOf", "qualification", "exam", "candidate");
    private static final ValueReader[] ROOT_READERS = {
        null,
        null,
        json -> fields(json, QUALIFICATION, null),
        json -> fields(json, EXAM, EXAM_READERS),
        PlainRequestReader::candidate
    };

    private static byte[][] names(String... names) {
        byte[][] encoded = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            encoded[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return encoded;
    }

    private static FeedbackRequest root(StrictJsonCursor json, Clock clock) throws Refused {
        Object[] root = fields(json, ROOT, ROOT_READERS);
        Object[] qualification = (Object[]) root[2];
        Object[] exam = (Object[]) root[3];
        if (qualification == null || exam == null) {
            throw Refused.INSTANCE;
        }
        String id = RequestFields.requiredText(root[0], "candidateId", RequestFields.MAX_ID_LENGTH);
        LocalDate date = RequestFields.optionalDate(root[1], "asOf");
        QualificationRef ref = new QualificationRef(
                RequestFields.requiredText(qualification[0], "qualification.code", 20),
                RequestFields.optionalText(qualification[1], "qualification.name"),
                RequestFields.requiredEnum(qualification[2], "qualification.grade", Grade.class));
        ExamResult result = RequestFields.requiredEnum(exam[4], "exam.result", ExamResult.class);
        Double totalScore = RequestFields.optionalScore(exam[5], "exam.totalScore");
        if (totalScore == null && result != ExamResult.ABSENT) {
            throw Refused.INSTANCE;
        }
        @SuppressWarnings("unchecked")
        List<SubjectScore> subjects = exam[6] == null ? List.of() : (List<SubjectScore>) exam[6];
        ExamSitting sitting = new ExamSitting(
                RequestFields.requiredText(exam[0], "exam.round", RequestFields.MAX_TEXT_LENGTH),
                RequestFields.requiredEnum(exam[1], "exam.stage", Stage.class),
                RequestFields.requiredDate(exam[2], "exam.examDate"),
                RequestFields.requiredDate(exam[3], "exam.announcedOn"),
                result,
                totalScore,
                subjects);
        CandidateInfo candidate = root[4] == null ? CandidateInfo.UNKNOWN : (CandidateInfo) root[4];
        return new FeedbackRequest(
                id,
                date != null ? date : LocalDate.now(clock.withZone(FeedbackRequestParser.SEOUL)),
                ref,
                sitting,
                candidate);
    }

    /**
     * The values of the named fields of an object (others skipped), each read by its reader, or as
     * a scalar when it has none (or {@code readers} is null); null for JSON null and for a missing
     * field. A field given twice is left to the tree.
     */
    private static Object[] fields(StrictJsonCursor json, byte[][] names, ValueReader[] readers) throws Refused {
        json.expect('{');
        Object[] values = new Object[names.length];
        int seen = 0;
        int index;
        boolean first = true;
        while ((index = json.nextMember(names, first)) != -2) {
            first = false;
            if (index < 0) {
                json.skipValue();
            } else {
                seen = once(seen, 1 << index);
                ValueReader reader = readers == null ? null : readers[index];
                values[index] = reader == null ? json.scalar() : reader.read(json);
            }
        }
        return values;
    }

    /** Reads the {@code index}th item of an array, from its first byte. */
    @FunctionalInterface
    private interface ItemReader<T> {
        T read(StrictJsonCursor json, int index) throws Refused;
    }

    /** The items of an array (at most {@code max}, else the tree reads it); JSON null reads as none. */
    private static <T> List<T> items(StrictJsonCursor json, int max, ItemReader<T> reader) throws Refused {
        if (json.nullNext()) {
            return List.of();
        }
        json.expect('[');
        List<T> items = new ArrayList<>();
        while (json.nextItem(items.isEmpty())) {
            if (items.size() == max) {
                throw Refused.INSTANCE;
            }
            items.add(reader.read(json, items.size()));
        }
        return items;
    }

    private static List<SubjectScore> subjects(StrictJsonCursor json) throws Refused {
        return items(json, RequestFields.MAX_SUBJECTS, PlainRequestReader::subject);
    }

    private static SubjectScore subject(StrictJsonCursor json, int index) throws Refused {
        Object[] subject = fields(json, SUBJECT, null);
        String field = "exam.subjects[" + index + "]";
        String name = RequestFields.requiredText(subject[0], field + ".name", RequestFields.MAX_TEXT_LENGTH);
        Double score = RequestFields.optionalScore(subject[1], field + ".score");
        if (score == null) {
            throw Refused.INSTANCE;
        }
        return new SubjectScore(name, score);
    }

    /** The candidate object; JSON null reads as nothing known. */
    private static CandidateInfo candidate(StrictJsonCursor json) throws Refused {
        if (json.nullNext()) {
            return CandidateInfo.UNKNOWN;
        }
        Object[] c = fields(json, CANDIDATE, CANDIDATE_READERS);
        @SuppressWarnings("unchecked")
        List<String> held = c[4] == null ? List.of() : (List<String>) c[4];
        return new CandidateInfo(
                RequestFields.optionalDate(c[0], "candidate.birthDate"),
                RequestFields.optionalDate(c[1], "candidate.writtenPassAnnouncedOn"),
                c[2] == null
                        ? null
                        : RequestFields.requiredEnum(c[2], "candidate.eligibilityDocuments", DocumentStatus.class),
                RequestFields.attempts(c[3]),
                held);
    }

    /** The held qualification codes; JSON null reads as none. */
    private static List<String> heldCodes(StrictJsonCursor json) throws Refused {
        return items(json, Integer.MAX_VALUE, (cursor, index) -> RequestFields.heldCode(cursor.scalar(), index));
    }

    /** Marks a field as read; a field given twice is left to the tree (which keeps the last). */
    private static int once(int seen, int bit) throws Refused {
        if ((seen & bit) != 0) {
            throw Refused.INSTANCE;
        }
        return seen | bit;
    }
}

package kr.qfeedback.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
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

/**
 * Reads a valid request body in one pass over Jackson's tokens, without building a JSON tree: the
 * fast path of {@link FeedbackRequestParser}. It takes the same values the tree would hold
 * (Jackson's text, numbers and booleans) and checks them with the parser's own rules; for a body
 * that is not valid, or not in the plain shape (a field given twice, a JSON object or array where a
 * value belongs), it gives null and the parser reads the body as a tree, which names the error as
 * it always has. So it only ever returns what the tree path would return.
 */
final class PlainRequestReader {
    /** The body is not the plain shape this reader handles: let the tree parser read it. */
    private static final class NotPlain extends Exception {
        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads like Vert.x's own parser (the one the tree path uses): the same read features and
     * limits, copied from it, but from a byte array rather than through an input stream.
     */
    static final JsonFactory FACTORY = likeVertx();

    private PlainRequestReader() {
    }

    private static JsonFactory likeVertx() {
        try (JsonParser vertx = JacksonCodec.createParser(Buffer.buffer("{}"))) {
            JsonFactoryBuilder builder = new JsonFactoryBuilder().streamReadConstraints(vertx.streamReadConstraints());
            for (JsonReadFeature feature : JsonReadFeature.values()) {
                builder.configure(feature, vertx.isEnabled(feature.mappedFeature()));
            }
            for (StreamReadFeature feature : StreamReadFeature.values()) {
                builder.configure(feature, vertx.isEnabled(feature));
            }
            return builder.build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The request, or null when the tree parser must read this body. */
    static FeedbackRequest read(Buffer body, Clock clock) {
        try (JsonParser p = FACTORY.createParser(body.getBytes())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            FeedbackRequest request = root(p, clock);
            return p.nextToken() == null ? request : null;
        } catch (NotPlain | ApiError | IOException refused) {
            return null; // the tree parser reads the body again and reports what is wrong
        }
    }

    /** Reads the value of one field whose token has just been read; a scalar field has none. */
    @FunctionalInterface
    private interface ValueReader {
        Object read(JsonParser p, JsonToken token) throws IOException, NotPlain;
    }

    private static final String[] QUALIFICATION = {"code", "name", "grade"};
    private static final String[] EXAM = {"round", "stage", "examDate", "announcedOn", "result", "totalScore", "subjects"};
    private static final ValueReader[] EXAM_READERS = {null, null, null, null, null, null, PlainRequestReader::subjects};
    private static final String[] SUBJECT = {"name", "score"};
    private static final String[] CANDIDATE = {"birthDate", "writtenPassAnnouncedOn", "eligibilityDocuments", "attempts",
        "heldQualifications"};
    private static final ValueReader[] CANDIDATE_READERS = {null, null, null, null, PlainRequestReader::heldCodes};
    private static final String[] ROOT = {"candidateId", "asOf", "qualification", "exam", "candidate"};
    private static final ValueReader[] ROOT_READERS = {null, null,
        (p, t) -> fields(p, t, QUALIFICATION, null), (p, t) -> fields(p, t, EXAM, EXAM_READERS), PlainRequestReader::candidate};

    private static FeedbackRequest root(JsonParser p, Clock clock) throws IOException, NotPlain {
        Object[] root = fields(p, JsonToken.START_OBJECT, ROOT, ROOT_READERS);
        Object[] qualification = (Object[]) root[2];
        Object[] exam = (Object[]) root[3];
        if (qualification == null || exam == null) {
            throw NotPlain.INSTANCE;
        }
        String id = FeedbackRequestParser.requiredText(root[0], "candidateId", FeedbackRequestParser.MAX_ID_LENGTH);
        LocalDate date = FeedbackRequestParser.optionalDate(root[1], "asOf");
        QualificationRef ref = new QualificationRef(
                FeedbackRequestParser.requiredText(qualification[0], "qualification.code", 20),
                FeedbackRequestParser.optionalText(qualification[1], "qualification.name"),
                FeedbackRequestParser.requiredEnum(qualification[2], "qualification.grade", Grade.class));
        ExamResult result = FeedbackRequestParser.requiredEnum(exam[4], "exam.result", ExamResult.class);
        Double totalScore = FeedbackRequestParser.optionalScore(exam[5], "exam.totalScore");
        if (totalScore == null && result != ExamResult.ABSENT) {
            throw NotPlain.INSTANCE;
        }
        @SuppressWarnings("unchecked")
        List<SubjectScore> subjects = exam[6] == null ? List.of() : (List<SubjectScore>) exam[6];
        ExamSitting sitting = new ExamSitting(
                FeedbackRequestParser.requiredText(exam[0], "exam.round", FeedbackRequestParser.MAX_TEXT_LENGTH),
                FeedbackRequestParser.requiredEnum(exam[1], "exam.stage", Stage.class),
                FeedbackRequestParser.requiredDate(exam[2], "exam.examDate"),
                FeedbackRequestParser.requiredDate(exam[3], "exam.announcedOn"),
                result, totalScore, subjects);
        CandidateInfo candidate = root[4] == null ? CandidateInfo.UNKNOWN : (CandidateInfo) root[4];
        return new FeedbackRequest(id, date != null ? date : LocalDate.now(clock.withZone(FeedbackRequestParser.SEOUL)),
                ref, sitting, candidate);
    }

    /**
     * The values of the named fields of an object (others skipped), each read by its reader, or as
     * a scalar when it has none (or {@code readers} is null); null for JSON null and for a missing
     * field. A field given twice is left to the tree.
     */
    private static Object[] fields(JsonParser p, JsonToken token, String[] names, ValueReader[] readers)
            throws IOException, NotPlain {
        if (token != JsonToken.START_OBJECT) {
            throw NotPlain.INSTANCE;
        }
        Object[] values = new Object[names.length];
        int seen = 0;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            int index = indexOf(names, field);
            if (index < 0) {
                p.skipChildren();
            } else {
                seen = once(seen, 1 << index);
                ValueReader reader = readers == null ? null : readers[index];
                values[index] = reader == null ? scalar(p, t) : reader.read(p, t);
            }
        }
        return values;
    }

    /** Reads the {@code index}th item of an array whose token has just been read. */
    @FunctionalInterface
    private interface ItemReader<T> {
        T read(JsonParser p, JsonToken token, int index) throws IOException, NotPlain;
    }

    /** The items of an array (at most {@code max}, else the tree reads it); JSON null reads as none. */
    private static <T> List<T> items(JsonParser p, JsonToken token, int max, ItemReader<T> reader) throws IOException, NotPlain {
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (token != JsonToken.START_ARRAY) {
            throw NotPlain.INSTANCE;
        }
        List<T> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (items.size() == max) {
                throw NotPlain.INSTANCE;
            }
            items.add(reader.read(p, t, items.size()));
        }
        return items;
    }

    private static List<SubjectScore> subjects(JsonParser p, JsonToken token) throws IOException, NotPlain {
        return items(p, token, FeedbackRequestParser.MAX_SUBJECTS, PlainRequestReader::subject);
    }

    private static SubjectScore subject(JsonParser p, JsonToken token, int index) throws IOException, NotPlain {
        Object[] subject = fields(p, token, SUBJECT, null);
        String field = "exam.subjects[" + index + "]";
        String name = FeedbackRequestParser.requiredText(subject[0], field + ".name", FeedbackRequestParser.MAX_TEXT_LENGTH);
        Double score = FeedbackRequestParser.optionalScore(subject[1], field + ".score");
        if (score == null) {
            throw NotPlain.INSTANCE;
        }
        return new SubjectScore(name, score);
    }

    /** The candidate object; JSON null reads as nothing known. */
    private static CandidateInfo candidate(JsonParser p, JsonToken token) throws IOException, NotPlain {
        if (token == JsonToken.VALUE_NULL) {
            return CandidateInfo.UNKNOWN;
        }
        Object[] c = fields(p, token, CANDIDATE, CANDIDATE_READERS);
        @SuppressWarnings("unchecked")
        List<String> held = c[4] == null ? List.of() : (List<String>) c[4];
        return new CandidateInfo(
                FeedbackRequestParser.optionalDate(c[0], "candidate.birthDate"),
                FeedbackRequestParser.optionalDate(c[1], "candidate.writtenPassAnnouncedOn"),
                c[2] == null ? null
                        : FeedbackRequestParser.requiredEnum(c[2], "candidate.eligibilityDocuments", DocumentStatus.class),
                FeedbackRequestParser.attempts(c[3]), held);
    }

    /** The held qualification codes; JSON null reads as none. */
    private static List<String> heldCodes(JsonParser p, JsonToken token) throws IOException, NotPlain {
        return items(p, token, Integer.MAX_VALUE, (parser, item, index) -> FeedbackRequestParser.heldCode(scalar(parser, item), index));
    }

    /** A JSON value that is not an object or array, as the tree would hold it. */
    private static Object scalar(JsonParser p, JsonToken token) throws IOException, NotPlain {
        return switch (token) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw NotPlain.INSTANCE;
        };
    }

    /** Marks a field as read; a field given twice is left to the tree (which keeps the last). */
    private static int once(int seen, int bit) throws NotPlain {
        if ((seen & bit) != 0) {
            throw NotPlain.INSTANCE;
        }
        return seen | bit;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

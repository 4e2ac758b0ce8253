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

    private static FeedbackRequest root(JsonParser p, Clock clock) throws IOException, NotPlain {
        Object candidateId = null;
        Object asOf = null;
        Object[] qualification = null;
        Object[] exam = null;
        List<SubjectScore> subjects = List.of();
        CandidateInfo candidate = CandidateInfo.UNKNOWN;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "candidateId" -> {
                    seen = once(seen, 1);
                    candidateId = scalar(p, token);
                }
                case "asOf" -> {
                    seen = once(seen, 2);
                    asOf = scalar(p, token);
                }
                case "qualification" -> {
                    seen = once(seen, 4);
                    qualification = fields(p, token, "code", "name", "grade");
                }
                case "exam" -> {
                    seen = once(seen, 8);
                    if (token != JsonToken.START_OBJECT) {
                        throw NotPlain.INSTANCE;
                    }
                    exam = new Object[6];
                    int examSeen = 0;
                    String field;
                    while ((field = p.nextFieldName()) != null) {
                        JsonToken t = p.nextToken();
                        int index = switch (field) {
                            case "round" -> 0;
                            case "stage" -> 1;
                            case "examDate" -> 2;
                            case "announcedOn" -> 3;
                            case "result" -> 4;
                            case "totalScore" -> 5;
                            case "subjects" -> 6;
                            default -> -1;
                        };
                        if (index < 0) {
                            p.skipChildren();
                        } else if (index == 6) {
                            examSeen = once(examSeen, 1 << 6);
                            subjects = subjects(p, t);
                        } else {
                            examSeen = once(examSeen, 1 << index);
                            exam[index] = scalar(p, t);
                        }
                    }
                }
                case "candidate" -> {
                    seen = once(seen, 16);
                    candidate = candidate(p, token);
                }
                default -> p.skipChildren();
            }
        }
        if (qualification == null || exam == null) {
            throw NotPlain.INSTANCE;
        }
        String id = FeedbackRequestParser.requiredText(candidateId, "candidateId", FeedbackRequestParser.MAX_ID_LENGTH);
        LocalDate date = FeedbackRequestParser.optionalDate(asOf, "asOf");
        QualificationRef ref = new QualificationRef(
                FeedbackRequestParser.requiredText(qualification[0], "qualification.code", 20),
                FeedbackRequestParser.optionalText(qualification[1], "qualification.name"),
                FeedbackRequestParser.requiredEnum(qualification[2], "qualification.grade", Grade.class));
        ExamResult result = FeedbackRequestParser.requiredEnum(exam[4], "exam.result", ExamResult.class);
        Double totalScore = FeedbackRequestParser.optionalScore(exam[5], "exam.totalScore");
        if (totalScore == null && result != ExamResult.ABSENT) {
            throw NotPlain.INSTANCE;
        }
        ExamSitting sitting = new ExamSitting(
                FeedbackRequestParser.requiredText(exam[0], "exam.round", FeedbackRequestParser.MAX_TEXT_LENGTH),
                FeedbackRequestParser.requiredEnum(exam[1], "exam.stage", Stage.class),
                FeedbackRequestParser.requiredDate(exam[2], "exam.examDate"),
                FeedbackRequestParser.requiredDate(exam[3], "exam.announcedOn"),
                result, totalScore, subjects);
        return new FeedbackRequest(id, date != null ? date : LocalDate.now(clock.withZone(FeedbackRequestParser.SEOUL)),
                ref, sitting, candidate);
    }

    /** The values of the named fields of an object (others skipped); null for JSON null. */
    private static Object[] fields(JsonParser p, JsonToken token, String... names) throws IOException, NotPlain {
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
                values[index] = scalar(p, t);
            }
        }
        return values;
    }

    private static List<SubjectScore> subjects(JsonParser p, JsonToken token) throws IOException, NotPlain {
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (token != JsonToken.START_ARRAY) {
            throw NotPlain.INSTANCE;
        }
        List<SubjectScore> subjects = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (subjects.size() == FeedbackRequestParser.MAX_SUBJECTS) {
                throw NotPlain.INSTANCE;
            }
            Object[] subject = fields(p, t, "name", "score");
            String field = "exam.subjects[" + subjects.size() + "]";
            String name = FeedbackRequestParser.requiredText(subject[0], field + ".name", FeedbackRequestParser.MAX_TEXT_LENGTH);
            Double score = FeedbackRequestParser.optionalScore(subject[1], field + ".score");
            if (score == null) {
                throw NotPlain.INSTANCE;
            }
            subjects.add(new SubjectScore(name, score));
        }
        return subjects;
    }

    private static CandidateInfo candidate(JsonParser p, JsonToken token) throws IOException, NotPlain {
        if (token == JsonToken.VALUE_NULL) {
            return CandidateInfo.UNKNOWN;
        }
        if (token != JsonToken.START_OBJECT) {
            throw NotPlain.INSTANCE;
        }
        Object birthDate = null;
        Object writtenPass = null;
        Object documents = null;
        Object attempts = null;
        List<String> held = new ArrayList<>();
        int seen = 0;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "birthDate" -> {
                    seen = once(seen, 1);
                    birthDate = scalar(p, t);
                }
                case "writtenPassAnnouncedOn" -> {
                    seen = once(seen, 2);
                    writtenPass = scalar(p, t);
                }
                case "eligibilityDocuments" -> {
                    seen = once(seen, 4);
                    documents = scalar(p, t);
                }
                case "attempts" -> {
                    seen = once(seen, 8);
                    attempts = scalar(p, t);
                }
                case "heldQualifications" -> {
                    seen = once(seen, 16);
                    if (t == JsonToken.START_ARRAY) {
                        JsonToken item;
                        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                            held.add(FeedbackRequestParser.heldCode(scalar(p, item), held.size()));
                        }
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw NotPlain.INSTANCE;
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new CandidateInfo(
                FeedbackRequestParser.optionalDate(birthDate, "candidate.birthDate"),
                FeedbackRequestParser.optionalDate(writtenPass, "candidate.writtenPassAnnouncedOn"),
                documents == null ? null
                        : FeedbackRequestParser.requiredEnum(documents, "candidate.eligibilityDocuments", DocumentStatus.class),
                FeedbackRequestParser.attempts(attempts), held);
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

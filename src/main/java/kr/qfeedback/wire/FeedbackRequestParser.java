package kr.qfeedback.wire;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Reads the JSON body of {@code POST /v1/feedback} into a {@link FeedbackRequest}, or fails with
 * {@link ApiError#invalid} naming the field (e.g. {@code exam.subjects[1].score}) and what it
 * accepts. Unknown fields are ignored so that Q-Net can send more than the contract names. A valid
 * body is read in one pass ({@link PlainRequestReader}); any other is read as a tree, which finds
 * the error to report.
 */
public final class FeedbackRequestParser {
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** The largest request body accepted (64 KiB, the contract's limit), on the API and per batch line. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final java.time.Clock clock;

    public FeedbackRequestParser(java.time.Clock clock) {
        this.clock = clock;
    }

    public FeedbackRequest parse(Buffer body) {
        if (body != null && body.length() > 0) {
            FeedbackRequest plain = PlainRequestReader.read(body, clock);
            if (plain != null) {
                return plain;
            }
        }
        return parseTree(body);
    }

    /** Reads the body as a JSON tree, then checks it field by field; names the first problem found. */
    FeedbackRequest parseTree(Buffer body) {
        JsonObject root;
        try {
            Object value = body == null || body.length() == 0 ? null : io.vertx.core.json.Json.decodeValue(body);
            if (!(value instanceof JsonObject object)) {
                throw ApiError.invalid(
                        null, "The body must be one JSON object with candidateId, qualification and exam.");
            }
            root = object;
        } catch (DecodeException e) {
            throw ApiError.invalid(null, "The body is not valid JSON: " + firstLine(e.getMessage()));
        }
        String candidateId = requiredText(root, "candidateId", "candidateId", RequestFields.MAX_ID_LENGTH);
        LocalDate asOf = optionalDate(root, "asOf", "asOf");
        JsonObject q = requiredObject(root, "qualification", "qualification");
        QualificationRef qualification = new QualificationRef(
                requiredText(q, "code", "qualification.code", 20),
                optionalText(q, "name", "qualification.name"),
                requiredEnum(q, "grade", "qualification.grade", Grade.class));
        JsonObject e = requiredObject(root, "exam", "exam");
        ExamResult result = requiredEnum(e, "result", "exam.result", ExamResult.class);
        Double totalScore = optionalScore(e, "totalScore", "exam.totalScore");
        if (totalScore == null && result != ExamResult.ABSENT) {
            throw ApiError.invalid(
                    "exam.totalScore",
                    "exam.totalScore is required for a " + result
                            + " result: a number from 0 to 100 with at most one decimal place.");
        }
        ExamSitting exam = new ExamSitting(
                requiredText(e, "round", "exam.round", RequestFields.MAX_TEXT_LENGTH),
                requiredEnum(e, "stage", "exam.stage", Stage.class),
                requiredDate(e, "examDate", "exam.examDate"),
                requiredDate(e, "announcedOn", "exam.announcedOn"),
                result,
                totalScore,
                subjects(e));
        CandidateInfo candidate = candidate(root);
        return new FeedbackRequest(
                candidateId,
                asOf != null ? asOf : LocalDate.now(clock.withZone(SEOUL)),
                qualification,
                exam,
                candidate);
    }

    private CandidateInfo candidate(JsonObject root) {
        Object value = root.getValue("candidate");
        if (value == null) {
            return CandidateInfo.UNKNOWN;
        }
        if (!(value instanceof JsonObject c)) {
            throw ApiError.invalid("candidate", "candidate must be a JSON object (or omitted).");
        }
        Integer attempts = RequestFields.attempts(c.getValue("attempts"));
        List<String> held = new ArrayList<>();
        Object h = c.getValue("heldQualifications");
        if (h != null) {
            if (!(h instanceof JsonArray array)) {
                throw ApiError.invalid(
                        "candidate.heldQualifications",
                        "candidate.heldQualifications must be an array of qualification codes.");
            }
            for (int i = 0; i < array.size(); i++) {
                held.add(RequestFields.heldCode(array.getValue(i), i));
            }
        }
        DocumentStatus documents = c.getValue("eligibilityDocuments") == null
                ? null
                : requiredEnum(c, "eligibilityDocuments", "candidate.eligibilityDocuments", DocumentStatus.class);
        return new CandidateInfo(
                optionalDate(c, "birthDate", "candidate.birthDate"),
                optionalDate(c, "writtenPassAnnouncedOn", "candidate.writtenPassAnnouncedOn"),
                documents,
                attempts,
                held);
    }

    private List<SubjectScore> subjects(JsonObject exam) {
        Object value = exam.getValue("subjects");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiError.invalid(
                    "exam.subjects", "exam.subjects must be an array of {name, score} (it may be empty).");
        }
        if (array.size() > RequestFields.MAX_SUBJECTS) {
            throw ApiError.invalid(
                    "exam.subjects", "exam.subjects may list at most " + RequestFields.MAX_SUBJECTS + " subjects.");
        }
        List<SubjectScore> subjects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String field = "exam.subjects[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject s)) {
                throw ApiError.invalid(field, field + " must be an object {name, score}.");
            }
            String name = requiredText(s, "name", field + ".name", RequestFields.MAX_TEXT_LENGTH);
            Double score = optionalScore(s, "score", field + ".score");
            if (score == null) {
                throw ApiError.invalid(
                        field + ".score",
                        field + ".score is required: a number from 0 to 100 with at most one decimal place.");
            }
            subjects.add(new SubjectScore(name, score));
        }
        return subjects;
    }

    private static JsonObject requiredObject(JsonObject parent, String key, String field) {
        Object value = parent.getValue(key);
        if (value == null) {
            throw ApiError.invalid(field, field + " is required.");
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiError.invalid(field, field + " must be a JSON object.");
        }
        return object;
    }

    private static String requiredText(JsonObject parent, String key, String field, int maxLength) {
        return RequestFields.requiredText(parent.getValue(key), field, maxLength);
    }

    private static String optionalText(JsonObject parent, String key, String field) {
        return RequestFields.optionalText(parent.getValue(key), field);
    }

    private static <E extends Enum<E>> E requiredEnum(JsonObject parent, String key, String field, Class<E> type) {
        return RequestFields.requiredEnum(parent.getValue(key), field, type);
    }

    private static LocalDate requiredDate(JsonObject parent, String key, String field) {
        return RequestFields.requiredDate(parent.getValue(key), field);
    }

    private static LocalDate optionalDate(JsonObject parent, String key, String field) {
        return RequestFields.optionalDate(parent.getValue(key), field);
    }

    private static Double optionalScore(JsonObject parent, String key, String field) {
        return RequestFields.optionalScore(parent.getValue(key), field);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable body.";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}

package kr.qfeedback.wire;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    static final int MAX_ID_LENGTH = 64;
    static final int MAX_TEXT_LENGTH = 200;
    static final int MAX_SUBJECTS = 50;

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
                throw ApiError.invalid(null, "The body must be one JSON object with candidateId, qualification and exam.");
            }
            root = object;
        } catch (DecodeException e) {
            throw ApiError.invalid(null, "The body is not valid JSON: " + firstLine(e.getMessage()));
        }
        String candidateId = requiredText(root, "candidateId", "candidateId", MAX_ID_LENGTH);
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
            throw ApiError.invalid("exam.totalScore", "exam.totalScore is required for a " + result
                    + " result: a number from 0 to 100 with at most one decimal place.");
        }
        ExamSitting exam = new ExamSitting(
                requiredText(e, "round", "exam.round", MAX_TEXT_LENGTH),
                requiredEnum(e, "stage", "exam.stage", Stage.class),
                requiredDate(e, "examDate", "exam.examDate"),
                requiredDate(e, "announcedOn", "exam.announcedOn"),
                result,
                totalScore,
                subjects(e));
        CandidateInfo candidate = candidate(root);
        return new FeedbackRequest(candidateId, asOf != null ? asOf : LocalDate.now(clock.withZone(SEOUL)),
                qualification, exam, candidate);
    }

    private CandidateInfo candidate(JsonObject root) {
        Object value = root.getValue("candidate");
        if (value == null) {
            return CandidateInfo.UNKNOWN;
        }
        if (!(value instanceof JsonObject c)) {
            throw ApiError.invalid("candidate", "candidate must be a JSON object (or omitted).");
        }
        Integer attempts = attempts(c.getValue("attempts"));
        List<String> held = new ArrayList<>();
        Object h = c.getValue("heldQualifications");
        if (h != null) {
            if (!(h instanceof JsonArray array)) {
                throw ApiError.invalid("candidate.heldQualifications", "candidate.heldQualifications must be an array of qualification codes.");
            }
            for (int i = 0; i < array.size(); i++) {
                held.add(heldCode(array.getValue(i), i));
            }
        }
        DocumentStatus documents = c.getValue("eligibilityDocuments") == null ? null
                : requiredEnum(c, "eligibilityDocuments", "candidate.eligibilityDocuments", DocumentStatus.class);
        return new CandidateInfo(
                optionalDate(c, "birthDate", "candidate.birthDate"),
                optionalDate(c, "writtenPassAnnouncedOn", "candidate.writtenPassAnnouncedOn"),
                documents, attempts, held);
    }

    static Integer attempts(Object a) {
        if (a == null) {
            return null;
        }
        if (!(a instanceof Number n) || n.doubleValue() != Math.floor(n.doubleValue()) || n.doubleValue() < 0 || n.doubleValue() > 1000) {
            throw ApiError.invalid("candidate.attempts", "candidate.attempts must be a whole number from 0 to 1000.");
        }
        return n.intValue();
    }

    static String heldCode(Object value, int i) {
        if (!(value instanceof String code) || code.isBlank() || code.length() > 20) {
            throw ApiError.invalid("candidate.heldQualifications[" + i + "]", "Each held qualification must be a code string of 1–20 characters.");
        }
        return code;
    }

    private List<SubjectScore> subjects(JsonObject exam) {
        Object value = exam.getValue("subjects");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiError.invalid("exam.subjects", "exam.subjects must be an array of {name, score} (it may be empty).");
        }
        if (array.size() > MAX_SUBJECTS) {
            throw ApiError.invalid("exam.subjects", "exam.subjects may list at most " + MAX_SUBJECTS + " subjects.");
        }
        List<SubjectScore> subjects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String field = "exam.subjects[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject s)) {
                throw ApiError.invalid(field, field + " must be an object {name, score}.");
            }
            String name = requiredText(s, "name", field + ".name", MAX_TEXT_LENGTH);
            Double score = optionalScore(s, "score", field + ".score");
            if (score == null) {
                throw ApiError.invalid(field + ".score", field + ".score is required: a number from 0 to 100 with at most one decimal place.");
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
        return requiredText(parent.getValue(key), field, maxLength);
    }

    static String requiredText(Object value, String field, int maxLength) {
        if (value == null) {
            throw ApiError.invalid(field, field + " is required: a string of 1–" + maxLength + " characters.");
        }
        if (!(value instanceof String text) || text.isBlank() || text.length() > maxLength) {
            throw ApiError.invalid(field, field + " must be a non-blank string of 1–" + maxLength + " characters.");
        }
        return text;
    }

    private static String optionalText(JsonObject parent, String key, String field) {
        return optionalText(parent.getValue(key), field);
    }

    static String optionalText(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > MAX_TEXT_LENGTH) {
            throw ApiError.invalid(field, field + " must be a string of at most " + MAX_TEXT_LENGTH + " characters (or omitted).");
        }
        return text.isBlank() ? null : text;
    }

    private static <E extends Enum<E>> E requiredEnum(JsonObject parent, String key, String field, Class<E> type) {
        return requiredEnum(parent.getValue(key), field, type);
    }

    static <E extends Enum<E>> E requiredEnum(Object value, String field, Class<E> type) {
        if (value == null) {
            throw ApiError.invalid(field, field + " is required: one of " + accepted(type) + ".");
        }
        Object constant = value instanceof String text ? CONSTANTS_BY_NAME.get(type).get(text) : null;
        if (constant != null) {
            return type.cast(constant);
        }
        throw ApiError.invalid(field, field + " '" + value + "' is not accepted: use one of " + accepted(type) + ".");
    }

    /** An enum's constants by their exact names, made once per enum (getEnumConstants copies the array per call). */
    private static final ClassValue<Map<String, Object>> CONSTANTS_BY_NAME = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byName = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name(), constant);
            }
            return Map.copyOf(byName);
        }
    };

    private static String accepted(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static LocalDate requiredDate(JsonObject parent, String key, String field) {
        return requiredDate(parent.getValue(key), field);
    }

    static LocalDate requiredDate(Object value, String field) {
        LocalDate date = optionalDate(value, field);
        if (date == null) {
            throw ApiError.invalid(field, field + " is required: a date as YYYY-MM-DD.");
        }
        return date;
    }

    private static LocalDate optionalDate(JsonObject parent, String key, String field) {
        return optionalDate(parent.getValue(key), field);
    }

    static LocalDate optionalDate(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text && isIsoDateShape(text)) {
            try {
                // the shape is checked above, so the digits can be read directly (LocalDate.parse is several times slower)
                LocalDate date = LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
                if (date.getYear() >= 1900 && date.getYear() <= 2200) {
                    return date;
                }
            } catch (java.time.DateTimeException ignored) {
                // reported below with the field name
            }
        }
        throw ApiError.invalid(field, field + " '" + value + "' is not a valid date: use YYYY-MM-DD, e.g. 2026-03-11.");
    }

    /** YYYY-MM-DD with ASCII digits only (LocalDate.parse alone would also take other digits and signs). */
    private static boolean isIsoDateShape(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static Double optionalScore(JsonObject parent, String key, String field) {
        return optionalScore(parent.getValue(key), field);
    }

    static Double optionalScore(Object value, String field) {
        if (value == null) {
            return null;
        }
        Double tenths = wholeTenths(value);
        if (tenths != null) {
            return tenths;
        }
        String accepted = field + " must be a number from 0 to 100 with at most one decimal place";
        if (!(value instanceof Number number)) {
            throw ApiError.invalid(field, accepted + ", not '" + value + "'.");
        }
        BigDecimal exact;
        try {
            exact = new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            // 1e400 arrives as Double.POSITIVE_INFINITY, which has no decimal form
            throw ApiError.invalid(field, accepted + "; got " + number + ".");
        }
        if (exact.compareTo(BigDecimal.ZERO) < 0 || exact.compareTo(BigDecimal.valueOf(100)) > 0
                || exact.stripTrailingZeros().scale() > 1) {
            throw ApiError.invalid(field, accepted + "; got " + number + ".");
        }
        return exact.doubleValue();
    }

    /**
     * The usual score, read without BigDecimal: a whole number from 0 to 100, or a double that is
     * exactly a whole number of tenths from 0.1 to 100 (what the decimal check accepts, as the same
     * double); null for anything else, which the decimal check then reads
     * ({@code FeedbackRequestParserScoreTest} compares both on every tenth).
     */
    static Double wholeTenths(Object value) {
        if (value instanceof Integer n) {
            int v = n;
            return v >= 0 && v <= 100 ? Double.valueOf(v) : null;
        }
        if (value instanceof Double d) {
            double v = d;
            if (v > 0 && v <= 100) {
                long k = Math.round(v * 10);
                if (k / 10.0 == v) {
                    return d;
                }
            }
        }
        return null;
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

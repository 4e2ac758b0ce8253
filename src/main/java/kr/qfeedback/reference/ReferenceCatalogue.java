package kr.qfeedback.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.qfeedback.feedback.Grade;

/**
 * The qualifications of the reference data, as written by the Q-Net importer into
 * {@code qualifications.json}. Immutable; safe to share between threads.
 */
public final class ReferenceCatalogue {

    /** The file read by {@link #load(Path)}. */
    public static final String FILE_NAME = "qualifications.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String snapshotUpdated;
    private final List<Qualification> all;
    private final Map<String, Qualification> byCode;

    private ReferenceCatalogue(String snapshotUpdated, List<Qualification> qualifications) {
        this.snapshotUpdated = snapshotUpdated;
        List<Qualification> sorted = new ArrayList<>(qualifications);
        sorted.sort(Comparator.comparing(Qualification::code));
        this.all = List.copyOf(sorted);
        Map<String, Qualification> map = new HashMap<>();
        for (Qualification q : all) {
            map.put(q.code(), q);
        }
        // A hash map, not Map.copyOf: its look-up compares hashes before keys (a look-up per decision).
        this.byCode = java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Reads {@code qualifications.json} from {@code referenceDir}.
     *
     * @throws ReferenceDataException naming the file and what was wrong when it is missing or malformed
     */
    public static ReferenceCatalogue load(Path referenceDir) {
        Path file = referenceDir.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ReferenceDataException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ReferenceDataException(file + ": file not found", e);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new ReferenceDataException(file + ": file not found", e);
            }
            throw new ReferenceDataException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return new Reader(file.toString()).catalogue(root);
    }

    public Optional<Qualification> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** Every qualification, sorted by code. */
    public List<Qualification> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /** The date of the Q-Net snapshot the file was imported from (ISO, e.g. "2026-08-21"). */
    public String snapshotUpdated() {
        return snapshotUpdated;
    }

    /** Turns the JSON tree into records; every error names the file and the JSON path. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        ReferenceCatalogue catalogue(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw fail("", "expected a JSON object at the top, got " + describe(root));
            }
            String updated = string(root, "snapshotUpdated", "", false);
            date(updated, "snapshotUpdated");
            JsonNode array = root.get("qualifications");
            if (array == null || !array.isArray()) {
                throw fail("qualifications", "expected an array, got " + describe(array));
            }
            List<Qualification> qualifications = new ArrayList<>(array.size());
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < array.size(); i++) {
                String path = "qualifications[" + i + "]";
                Qualification q = qualification(array.get(i), path);
                Integer earlier = seen.putIfAbsent(q.code(), i);
                if (earlier != null) {
                    throw fail(path + ".code", "\"" + q.code() + "\" already used by qualifications[" + earlier + "]");
                }
                qualifications.add(q);
            }
            return new ReferenceCatalogue(updated, qualifications);
        }

        private Qualification qualification(JsonNode node, String path) {
            requireObject(node, path);
            String code = string(node, "code", path, false);
            if (code.isBlank()) {
                throw fail(path + ".code", "is empty");
            }
            String gradeName = string(node, "grade", path, true);
            Grade grade = null;
            if (gradeName != null) {
                try {
                    grade = Grade.valueOf(gradeName);
                } catch (IllegalArgumentException e) {
                    throw fail(path + ".grade", "unknown grade \"" + gradeName + "\"");
                }
            }
            return new Qualification(
                    code,
                    string(node, "name", path, false),
                    grade,
                    string(node, "series", path, true),
                    string(node, "field", path, true),
                    list(node, "writtenSubjects", path, (n, p) -> {
                        if (!n.isTextual()) {
                            throw fail(p, "expected a string, got " + describe(n));
                        }
                        return n.asText();
                    }),
                    list(node, "secondStageSubjects", path, (n, p) -> {
                        if (!n.isTextual()) {
                            throw fail(p, "expected a string, got " + describe(n));
                        }
                        return n.asText();
                    }),
                    criterion(node, "writtenCriterion", path),
                    criterion(node, "secondStageCriterion", path),
                    optionalInt(node, "writtenFee", path),
                    optionalInt(node, "secondStageFee", path),
                    list(node, "writtenStatistics", path, this::passRate),
                    list(node, "secondStageStatistics", path, this::passRate),
                    list(node, "rounds", path, this::round),
                    optionalList(node, "scheduleDisagreements", path, this::disagreement),
                    optionalString(node, "eligibilityText", path));
        }

        private PassCriterion criterion(JsonNode parent, String field, String path) {
            JsonNode node = parent.get(field);
            String at = path + "." + field;
            if (node == null) {
                throw fail(at, "missing (write null when there is no criterion)");
            }
            if (node.isNull()) {
                return null;
            }
            requireObject(node, at);
            Integer subjectMinimum = optionalInt(node, "subjectMinimum", at);
            Integer averageMinimum = optionalInt(node, "averageMinimum", at);
            if (averageMinimum == null) {
                throw fail(at + ".averageMinimum", "expected an integer, got null");
            }
            if (averageMinimum < 0 || averageMinimum > 100 || (subjectMinimum != null
                    && (subjectMinimum < 0 || subjectMinimum > 100))) {
                throw fail(at, "scores must lie between 0 and 100");
            }
            return new PassCriterion(subjectMinimum, averageMinimum);
        }

        private YearlyPassRate passRate(JsonNode node, String path) {
            requireObject(node, path);
            int applicants = requiredInt(node, "applicants", path);
            Double rate = optionalNumber(node, "passRate", path);
            if (applicants == 0 && rate != null) {
                throw fail(path + ".passRate", "expected null: nobody sat (applicants 0), so there is no pass rate");
            }
            return new YearlyPassRate(
                    requiredInt(node, "year", path),
                    applicants,
                    requiredInt(node, "passers", path),
                    rate);
        }

        private ScheduleDisagreement disagreement(JsonNode node, String path) {
            requireObject(node, path);
            String field = string(node, "field", path, false);
            if (!ExamRound.DATE_FIELDS.contains(field)) {
                throw fail(path + ".field", "\"" + field + "\" is not a date of a round (expected one of "
                        + String.join(", ", ExamRound.DATE_FIELDS) + ")");
            }
            LocalDate own = dateField(node, "ownValue", path);
            LocalDate series = dateField(node, "seriesValue", path);
            if (own == null || series == null || own.equals(series)) {
                throw fail(path, "expected two different dates in ownValue and seriesValue");
            }
            return new ScheduleDisagreement(string(node, "roundLabel", path, false), field, own, series);
        }

        private ExamRound round(JsonNode node, String path) {
            requireObject(node, path);
            return new ExamRound(
                    string(node, "label", path, false),
                    dateField(node, "writtenRegistrationStart", path),
                    dateField(node, "writtenRegistrationEnd", path),
                    dateField(node, "writtenExamDate", path),
                    dateField(node, "writtenPassDate", path),
                    dateField(node, "practicalRegistrationStart", path),
                    dateField(node, "practicalRegistrationEnd", path),
                    dateField(node, "practicalExamStart", path),
                    dateField(node, "practicalExamEnd", path),
                    dateField(node, "practicalPassDate", path),
                    dateField(node, "documentSubmissionStart", path),
                    dateField(node, "documentSubmissionEnd", path));
        }

        private interface Element<T> {
            T read(JsonNode node, String path);
        }

        private <T> List<T> list(JsonNode parent, String field, String path, Element<T> element) {
            JsonNode node = parent.get(field);
            String at = path + "." + field;
            if (node == null || !node.isArray()) {
                throw fail(at, "expected an array (empty when there is nothing), got " + describe(node));
            }
            List<T> values = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                values.add(element.read(node.get(i), at + "[" + i + "]"));
            }
            return values;
        }

        /** A list added after the first files were written: absent reads as empty. */
        private <T> List<T> optionalList(JsonNode parent, String field, String path, Element<T> element) {
            return parent.has(field) ? list(parent, field, path, element) : List.of();
        }

        /** A string added after the first files were written: absent reads as null. */
        private String optionalString(JsonNode parent, String field, String path) {
            return parent.has(field) ? string(parent, field, path, true) : null;
        }

        private String string(JsonNode parent, String field, String path, boolean nullable) {
            JsonNode node = parent.get(field);
            String at = path.isEmpty() ? field : path + "." + field;
            if (node == null) {
                throw fail(at, "missing");
            }
            if (node.isNull() && nullable) {
                return null;
            }
            if (!node.isTextual()) {
                throw fail(at, "expected a string" + (nullable ? " or null" : "") + ", got " + describe(node));
            }
            return node.asText();
        }

        private Integer optionalInt(JsonNode parent, String field, String path) {
            JsonNode node = parent.get(field);
            String at = path + "." + field;
            if (node == null) {
                throw fail(at, "missing (write null when unknown)");
            }
            if (node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw fail(at, "expected an integer or null, got " + describe(node));
            }
            return node.intValue();
        }

        private int requiredInt(JsonNode parent, String field, String path) {
            Integer value = optionalInt(parent, field, path);
            if (value == null) {
                throw fail(path + "." + field, "expected an integer, got null");
            }
            return value;
        }

        private Double optionalNumber(JsonNode parent, String field, String path) {
            JsonNode node = parent.get(field);
            if (node == null) {
                throw fail(path + "." + field, "missing (write null when unknown)");
            }
            if (node.isNull()) {
                return null;
            }
            if (!node.isNumber()) {
                throw fail(path + "." + field, "expected a number or null, got " + describe(node));
            }
            return node.doubleValue();
        }

        private LocalDate dateField(JsonNode parent, String field, String path) {
            String value = string(parent, field, path, true);
            return value == null ? null : date(value, path + "." + field);
        }

        private LocalDate date(String value, String at) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw fail(at, "expected an ISO date (yyyy-MM-dd), got \"" + value + "\"");
            }
        }

        private void requireObject(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                throw fail(path, "expected an object, got " + describe(node));
            }
        }

        private ReferenceDataException fail(String path, String problem) {
            return new ReferenceDataException(file + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
        }

        private static String describe(JsonNode node) {
            if (node == null || node.isMissingNode()) {
                return "nothing";
            }
            String text = node.toString();
            return node.getNodeType().name().toLowerCase()
                    + " " + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
        }
    }
}

package kr.qfeedback.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.Grade;

/**
 * Turns the JSON tree of {@code qualifications.json} into the records of a {@link ReferenceCatalogue};
 * every error names the file and the JSON path.
 */
final class CatalogueReader {
    private final JsonFields json;

    CatalogueReader(String file) {
        this.json = new JsonFields(file);
    }

    ReferenceCatalogue catalogue(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw json.fail("", "expected a JSON object at the top, got " + JsonFields.describe(root));
        }
        String updated = json.string(root, "snapshotUpdated", "", false);
        json.date(updated, "snapshotUpdated");
        JsonNode array = root.get("qualifications");
        if (array == null || !array.isArray()) {
            throw json.fail("qualifications", "expected an array, got " + JsonFields.describe(array));
        }
        List<Qualification> qualifications = new ArrayList<>(array.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "qualifications[" + i + "]";
            Qualification q = qualification(array.get(i), path);
            Integer earlier = seen.putIfAbsent(q.code(), i);
            if (earlier != null) {
                throw json.fail(path + ".code", "\"" + q.code() + "\" already used by qualifications[" + earlier + "]");
            }
            qualifications.add(q);
        }
        return new ReferenceCatalogue(updated, qualifications);
    }

    private Qualification qualification(JsonNode node, String path) {
        json.requireObject(node, path);
        String code = json.string(node, "code", path, false);
        if (code.isBlank()) {
            throw json.fail(path + ".code", "is empty");
        }
        String gradeName = json.string(node, "grade", path, true);
        Grade grade = null;
        if (gradeName != null) {
            try {
                grade = Grade.valueOf(gradeName);
            } catch (IllegalArgumentException e) {
                throw json.fail(path + ".grade", "unknown grade \"" + gradeName + "\"");
            }
        }
        return new Qualification(
                code,
                json.string(node, "name", path, false),
                grade,
                json.string(node, "series", path, true),
                json.string(node, "field", path, true),
                json.list(node, "writtenSubjects", path, (n, p) -> {
                    if (!n.isTextual()) {
                        throw json.fail(p, "expected a string, got " + JsonFields.describe(n));
                    }
                    return n.asText();
                }),
                json.list(node, "secondStageSubjects", path, (n, p) -> {
                    if (!n.isTextual()) {
                        throw json.fail(p, "expected a string, got " + JsonFields.describe(n));
                    }
                    return n.asText();
                }),
                criterion(node, "writtenCriterion", path),
                criterion(node, "secondStageCriterion", path),
                json.optionalInt(node, "writtenFee", path),
                json.optionalInt(node, "secondStageFee", path),
                json.list(node, "writtenStatistics", path, this::passRate),
                json.list(node, "secondStageStatistics", path, this::passRate),
                json.list(node, "rounds", path, this::round),
                json.optionalList(node, "scheduleDisagreements", path, this::disagreement),
                json.optionalString(node, "eligibilityText", path));
    }

    private PassCriterion criterion(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        String at = path + "." + field;
        if (node == null) {
            throw json.fail(at, "missing (write null when there is no criterion)");
        }
        if (node.isNull()) {
            return null;
        }
        json.requireObject(node, at);
        Integer subjectMinimum = json.optionalInt(node, "subjectMinimum", at);
        Integer averageMinimum = json.optionalInt(node, "averageMinimum", at);
        if (averageMinimum == null) {
            throw json.fail(at + ".averageMinimum", "expected an integer, got null");
        }
        if (averageMinimum < 0
                || averageMinimum > 100
                || (subjectMinimum != null && (subjectMinimum < 0 || subjectMinimum > 100))) {
            throw json.fail(at, "scores must lie between 0 and 100");
        }
        return new PassCriterion(subjectMinimum, averageMinimum);
    }

    private YearlyPassRate passRate(JsonNode node, String path) {
        json.requireObject(node, path);
        int applicants = json.requiredInt(node, "applicants", path);
        Double rate = json.optionalNumber(node, "passRate", path);
        if (applicants == 0 && rate != null) {
            throw json.fail(path + ".passRate", "expected null: nobody sat (applicants 0), so there is no pass rate");
        }
        return new YearlyPassRate(
                json.requiredInt(node, "year", path), applicants, json.requiredInt(node, "passers", path), rate);
    }

    private ScheduleDisagreement disagreement(JsonNode node, String path) {
        json.requireObject(node, path);
        String field = json.string(node, "field", path, false);
        if (!ExamRound.DATE_FIELDS.contains(field)) {
            throw json.fail(
                    path + ".field",
                    "\"" + field + "\" is not a date of a round (expected one of "
                            + String.join(", ", ExamRound.DATE_FIELDS) + ")");
        }
        LocalDate own = json.dateField(node, "ownValue", path);
        LocalDate series = json.dateField(node, "seriesValue", path);
        if (own == null || series == null || own.equals(series)) {
            throw json.fail(path, "expected two different dates in ownValue and seriesValue");
        }
        return new ScheduleDisagreement(json.string(node, "roundLabel", path, false), field, own, series);
    }

    private ExamRound round(JsonNode node, String path) {
        json.requireObject(node, path);
        return new ExamRound(
                json.string(node, "label", path, false),
                json.dateField(node, "writtenRegistrationStart", path),
                json.dateField(node, "writtenRegistrationEnd", path),
                json.dateField(node, "writtenExamDate", path),
                json.dateField(node, "writtenPassDate", path),
                json.dateField(node, "practicalRegistrationStart", path),
                json.dateField(node, "practicalRegistrationEnd", path),
                json.dateField(node, "practicalExamStart", path),
                json.dateField(node, "practicalExamEnd", path),
                json.dateField(node, "practicalPassDate", path),
                json.dateField(node, "documentSubmissionStart", path),
                json.dateField(node, "documentSubmissionEnd", path));
    }
}

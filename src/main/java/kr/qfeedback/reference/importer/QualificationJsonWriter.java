package kr.qfeedback.reference.importer;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ScheduleDisagreement;
import kr.qfeedback.reference.YearlyPassRate;

/**
 * Writes {@code qualifications.json}: fields in the order of the records, dates as ISO strings, nulls
 * as null, two-space indentation and "\n" line ends on every platform, so the same input always gives
 * the same bytes.
 */
final class QualificationJsonWriter {

    static final String FILE_NAME = "qualifications.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private QualificationJsonWriter() {}

    static String render(String source, String snapshotUpdated, List<Qualification> qualifications) {
        ObjectNode root = NODES.objectNode();
        root.put("source", source);
        root.put("snapshotUpdated", snapshotUpdated);
        ArrayNode array = root.putArray("qualifications");
        qualifications.forEach(q -> array.add(qualification(q)));
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code fileName} into {@code outDir} (created if needed) via a temporary file and a rename. */
    static Path write(Path outDir, String fileName, String content) {
        try {
            Files.createDirectories(outDir);
            Path target = outDir.resolve(fileName);
            Path temp = outDir.resolve("." + fileName + ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outDir.resolve(fileName) + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode qualification(Qualification q) {
        ObjectNode node = NODES.objectNode();
        node.put("code", q.code());
        node.put("name", q.name());
        node.put("grade", q.grade() == null ? null : q.grade().name());
        node.put("series", q.series());
        node.put("field", q.field());
        strings(node.putArray("writtenSubjects"), q.writtenSubjects());
        strings(node.putArray("secondStageSubjects"), q.secondStageSubjects());
        node.set("writtenCriterion", criterion(q.writtenCriterion()));
        node.set("secondStageCriterion", criterion(q.secondStageCriterion()));
        node.put("writtenFee", q.writtenFee());
        node.put("secondStageFee", q.secondStageFee());
        statistics(node.putArray("writtenStatistics"), q.writtenStatistics());
        statistics(node.putArray("secondStageStatistics"), q.secondStageStatistics());
        ArrayNode rounds = node.putArray("rounds");
        q.rounds().forEach(r -> rounds.add(round(r)));
        ArrayNode disagreements = node.putArray("scheduleDisagreements");
        for (ScheduleDisagreement d : q.scheduleDisagreements()) {
            ObjectNode item = disagreements.addObject();
            item.put("roundLabel", d.roundLabel());
            item.put("field", d.field());
            date(item, "ownValue", d.ownValue());
            date(item, "seriesValue", d.seriesValue());
        }
        node.put("eligibilityText", q.eligibilityText());
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static com.fasterxml.jackson.databind.JsonNode criterion(PassCriterion c) {
        if (c == null) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        node.put("subjectMinimum", c.subjectMinimum());
        node.put("averageMinimum", c.averageMinimum());
        return node;
    }

    private static void statistics(ArrayNode array, List<YearlyPassRate> rates) {
        for (YearlyPassRate r : rates) {
            ObjectNode node = array.addObject();
            node.put("year", r.year());
            node.put("applicants", r.applicants());
            node.put("passers", r.passers());
            node.put("passRate", r.passRate());
        }
    }

    private static ObjectNode round(ExamRound r) {
        ObjectNode node = NODES.objectNode();
        node.put("label", r.label());
        date(node, "writtenRegistrationStart", r.writtenRegistrationStart());
        date(node, "writtenRegistrationEnd", r.writtenRegistrationEnd());
        date(node, "writtenExamDate", r.writtenExamDate());
        date(node, "writtenPassDate", r.writtenPassDate());
        date(node, "practicalRegistrationStart", r.practicalRegistrationStart());
        date(node, "practicalRegistrationEnd", r.practicalRegistrationEnd());
        date(node, "practicalExamStart", r.practicalExamStart());
        date(node, "practicalExamEnd", r.practicalExamEnd());
        date(node, "practicalPassDate", r.practicalPassDate());
        date(node, "documentSubmissionStart", r.documentSubmissionStart());
        date(node, "documentSubmissionEnd", r.documentSubmissionEnd());
        return node;
    }

    private static void date(ObjectNode node, String field, LocalDate value) {
        node.put(field, value == null ? null : value.toString());
    }
}

package kr.qfeedback.reference.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceDataException;
import kr.qfeedback.reference.YearlyPassRate;

/**
 * Imports the Q-Net open API snapshot ({@code exams.json}, {@code schedules.json},
 * {@code raw_sample.json}, {@code stats/{jmcd}.json}) into the reference file the service loads,
 * {@code qualifications.json} (see {@link kr.qfeedback.reference.ReferenceCatalogue}).
 *
 * <p>Usage: {@code QnetImporter <qnet-folder> <out-folder>}, normally
 * {@code QnetImporter ../shared/data/qnet rules/reference}. Re-running on the same snapshot gives a
 * byte-identical file.
 */
public final class QnetImporter {

    /** Written into the file; deliberately free of paths so that the output does not depend on them. */
    public static final String SOURCE = "Q-Net open API snapshot (HRD Korea: 국가자격 종목 목록, 시험일정, "
            + "종목별 통계, 종목정보), imported by kr.qfeedback.reference.importer.QnetImporter";

    private static final String EXAMS = "exams.json";
    private static final String SCHEDULES = "schedules.json";
    private static final String RAW = "raw_sample.json";
    private static final String ACQUISITION = "취득방법";
    private static final String ELIGIBILITY = "응시자격";

    /** The qualifications of one snapshot, sorted by code, with the report of the import. */
    public record Imported(String snapshotUpdated, List<Qualification> qualifications, ImportReport report) {

        public Imported {
            qualifications = List.copyOf(qualifications);
        }
    }

    private QnetImporter() {}

    public static void main(String[] args) {
        if (args.length != 2 || args[0].isBlank() || args[1].isBlank()) {
            System.err.println("usage: QnetImporter <qnet-folder> <out-folder>");
            System.err.println("  e.g. QnetImporter ../shared/data/qnet rules/reference");
            System.exit(2);
            return;
        }
        try {
            ImportReport report = run(Path.of(args[0]), Path.of(args[1]));
            report.notes().forEach(note -> System.out.println("note: " + note));
            System.out.println("wrote " + Path.of(args[1]).resolve(QualificationJsonWriter.FILE_NAME));
            System.out.println(report.summary());
        } catch (ReferenceDataException | UncheckedIOException e) {
            System.err.println("import failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Imports the snapshot in {@code qnetDir} and writes {@code qualifications.json} into
     * {@code outDir} (created if needed).
     *
     * @throws ReferenceDataException naming the file and field when the snapshot is not as expected
     */
    public static ImportReport run(Path qnetDir, Path outDir) {
        Imported imported = importFrom(qnetDir);
        QualificationJsonWriter.write(outDir, QualificationJsonWriter.FILE_NAME, render(imported));
        QualificationJsonWriter.write(outDir, ImportReportDocument.FILE_NAME, renderReport(imported));
        return imported.report();
    }

    /** The JSON text {@link #run} would write for this snapshot. */
    public static String render(Imported imported) {
        return QualificationJsonWriter.render(SOURCE, imported.snapshotUpdated(), imported.qualifications());
    }

    /** The Korean import report (가져오기_보고서.md) {@link #run} would write for this snapshot. */
    public static String renderReport(Imported imported) {
        return ImportReportDocument.render(
                imported.snapshotUpdated(),
                imported.qualifications().size(),
                imported.report().findings());
    }

    /** Reads and converts the snapshot without writing anything. */
    public static Imported importFrom(Path qnetDir) {
        if (!Files.isDirectory(qnetDir)) {
            throw new ReferenceDataException(qnetDir + ": not a folder (expected the Q-Net snapshot with " + EXAMS
                    + ", " + SCHEDULES + ", " + RAW + " and stats/)");
        }
        List<String> notes = new ArrayList<>();
        JsonNode exams = QnetJson.read(qnetDir.resolve(EXAMS), EXAMS);
        String updated = QnetJson.text(exams, "updated", EXAMS + ": ").trim();
        QnetDates.iso(updated, EXAMS + ": updated");
        if (updated.isEmpty()) {
            throw new ReferenceDataException(EXAMS + ": updated: is empty (expected the snapshot date)");
        }
        JsonNode items = QnetJson.array(exams, "items", EXAMS + ": ");
        JsonNode count = exams.get("count");
        if (count != null && count.isInt() && count.intValue() != items.size()) {
            notes.add(EXAMS + ": count says " + count.intValue() + " but items holds " + items.size());
        }

        RoundAssembler rounds = new RoundAssembler(
                ScheduleRows.readSeries(QnetJson.read(qnetDir.resolve(SCHEDULES), SCHEDULES), SCHEDULES),
                ScheduleRows.readDocumentRows(QnetJson.read(qnetDir.resolve(RAW), RAW), RAW));

        List<Qualification> qualifications = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Map<String, String> criteriaTexts = new TreeMap<>();
        Map<String, List<String>> leftOutRounds = new TreeMap<>();
        int acquisitionTexts = 0;
        for (int i = 0; i < items.size(); i++) {
            String where = EXAMS + ": items[" + i + "].";
            JsonNode exam = items.get(i);
            String code = QnetJson.text(exam, "jmcd", where).trim();
            if (code.isEmpty()) {
                throw new ReferenceDataException(where + "jmcd: is empty");
            }
            if (!codes.add(code)) {
                throw new ReferenceDataException(where + "jmcd: \"" + code + "\" appears twice");
            }
            if (!code.matches("[0-9A-Za-z]+")) {
                throw new ReferenceDataException(where + "jmcd: \"" + code + "\" is not a plain code");
            }
            String name = QnetJson.text(exam, "name", where).trim();
            String qualType = QnetJson.text(exam, "qual_type", where).trim();
            String series = QnetJson.text(exam, "series", where).trim();
            String field = QnetJson.optionalText(exam, "field", where).trim();
            Grade grade = GradeClassifier.classify(qualType, series, name);

            String statsName = "stats/" + code + ".json";
            JsonNode stats = QnetJson.read(qnetDir.resolve("stats").resolve(code + ".json"), statsName);
            String statsWhere = statsName + ": ";
            String statsCode = QnetJson.text(stats, "jmcd", statsWhere).trim();
            if (!statsCode.equals(code)) {
                throw new ReferenceDataException(
                        statsWhere + "jmcd: \"" + statsCode + "\" but the file is for " + code);
            }
            String statsName2 = QnetJson.optionalText(stats, "name", statsWhere).trim();
            if (!statsName2.isEmpty() && !statsName2.equals(name)) {
                notes.add(statsWhere + "name \"" + statsName2 + "\" differs from " + EXAMS + " \"" + name + "\"; used "
                        + EXAMS);
            }

            AcquisitionTextParser.Result parsed = AcquisitionTextParser.Result.NOTHING;
            JsonNode info = QnetJson.array(stats, "info", statsWhere);
            String acquisitionHtml = null;
            String eligibilityHtml = null;
            for (int j = 0; j < info.size(); j++) {
                String infoWhere = statsWhere + "info[" + j + "].";
                String type = QnetJson.text(info.get(j), "type", infoWhere).trim();
                if (ACQUISITION.equals(type)) {
                    if (acquisitionHtml != null) {
                        notes.add(infoWhere + "a second " + ACQUISITION + " text; only the first one used");
                        continue;
                    }
                    acquisitionHtml = QnetJson.text(info.get(j), "content", infoWhere);
                    acquisitionTexts++;
                    parsed = AcquisitionTextParser.parse(acquisitionHtml);
                    String criteria =
                            AcquisitionTextParser.criteriaSection(AcquisitionTextParser.clean(acquisitionHtml));
                    if (criteria != null) {
                        criteriaTexts.put(code, criteria);
                    }
                } else if (ELIGIBILITY.equals(type) && eligibilityHtml == null) {
                    eligibilityHtml = QnetJson.text(info.get(j), "content", infoWhere);
                }
            }
            String eligibility = eligibilityHtml != null ? EligibilityText.fromEligibilityEntry(eligibilityHtml) : null;
            if (eligibility == null && acquisitionHtml != null) {
                eligibility = EligibilityText.fromAcquisitionText(acquisitionHtml);
            }

            FeeParser.Fees fees =
                    FeeParser.parse(QnetJson.object(stats, "fee", statsWhere), statsWhere + "fee.", notes::add);
            JsonNode statistics = QnetJson.object(stats, "stats", statsWhere);
            List<YearlyPassRate> written = passRates(statistics, "written", statsWhere + "stats.");
            List<YearlyPassRate> practical = passRates(statistics, "practical", statsWhere + "stats.");
            RoundAssembler.Assembled assembled =
                    rounds.rounds(code, grade, QnetJson.array(stats, "schedule", statsWhere), statsName);
            if (!assembled.leftOutLabels().isEmpty()) {
                leftOutRounds.put(code, assembled.leftOutLabels());
            }

            qualifications.add(new Qualification(
                    code,
                    name,
                    grade,
                    series,
                    field,
                    parsed.writtenSubjects(),
                    parsed.secondStageSubjects(),
                    parsed.writtenCriterion(),
                    parsed.secondStageCriterion(),
                    fees.written(),
                    fees.secondStage(),
                    written,
                    practical,
                    assembled.rounds(),
                    assembled.disagreements(),
                    eligibility));
        }
        qualifications.sort(Comparator.comparing(Qualification::code));
        notes.addAll(rounds.notes());
        ImportFindings findings = ImportFindings.collect(qualifications, criteriaTexts, leftOutRounds);
        return new Imported(updated, qualifications, report(qualifications, acquisitionTexts, notes, findings));
    }

    private static List<YearlyPassRate> passRates(JsonNode statistics, String stage, String where) {
        JsonNode array = QnetJson.array(statistics, stage, where);
        List<YearlyPassRate> rates = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = where + stage + "[" + i + "].";
            JsonNode row = array.get(i);
            int applicants = QnetJson.integer(row, "applicants", at);
            int passers = QnetJson.integer(row, "passers", at);
            if (applicants < 0 || passers < 0) {
                throw new ReferenceDataException(at.substring(0, at.length() - 1) + ": negative count");
            }
            double published = QnetJson.number(row, "passRate", at);
            // Nobody sat: the published 0.0 is no pass rate, so none is kept.
            rates.add(new YearlyPassRate(
                    QnetJson.integer(row, "year", at), applicants, passers, applicants == 0 ? null : published));
        }
        rates.sort(Comparator.comparingInt(YearlyPassRate::year));
        return rates;
    }

    private static ImportReport report(
            List<Qualification> qualifications, int acquisitionTexts, List<String> notes, ImportFindings findings) {
        int subjects = 0;
        int criteria = 0;
        int writtenSubjects = 0;
        int secondSubjects = 0;
        int writtenCriteria = 0;
        int secondCriteria = 0;
        int rounds = 0;
        int windows = 0;
        for (Qualification q : qualifications) {
            boolean w = !q.writtenSubjects().isEmpty();
            boolean s = !q.secondStageSubjects().isEmpty();
            writtenSubjects += w ? 1 : 0;
            secondSubjects += s ? 1 : 0;
            subjects += (w || s) ? 1 : 0;
            writtenCriteria += q.writtenCriterion() != null ? 1 : 0;
            secondCriteria += q.secondStageCriterion() != null ? 1 : 0;
            criteria += (q.writtenCriterion() != null || q.secondStageCriterion() != null) ? 1 : 0;
            rounds += q.rounds().size();
            for (ExamRound r : q.rounds()) {
                if (r.documentSubmissionStart() != null || r.documentSubmissionEnd() != null) {
                    windows++;
                }
            }
        }
        return new ImportReport(
                qualifications.size(),
                acquisitionTexts,
                subjects,
                criteria,
                writtenSubjects,
                secondSubjects,
                writtenCriteria,
                secondCriteria,
                rounds,
                windows,
                notes,
                findings);
    }
}

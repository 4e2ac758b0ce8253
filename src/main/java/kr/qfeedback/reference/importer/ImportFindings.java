package kr.qfeedback.reference.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ScheduleDisagreement;
import kr.qfeedback.reference.YearlyPassRate;

/**
 * What one import found in the snapshot that policy staff should see, in a stable order (by code,
 * then stage or round); rendered for them by {@link ImportReportDocument}.
 *
 * @param criterionDepartures   stated 합격기준 that differ from the grade's rule in 영 20조, one per stage
 * @param missingCriteria       graded qualifications whose 취득방법 text has no 합격기준 part at all
 * @param scheduleDisagreements dates on which own and series schedules disagree, grouped by round and date
 * @param registrationBeforeResults per grade: rounds whose second-stage registration opens before the
 *                              written results are announced
 * @param leftOutRounds         rounds not open to the public, left out of the qualifications' rounds
 * @param zeroApplicants        stages of a year that nobody sat (their pass rate is null)
 * @param eligibilityTexts      qualifications that got an 응시자격 text
 */
public record ImportFindings(
        List<CriterionDeparture> criterionDepartures,
        List<QualificationRef> missingCriteria,
        List<DisagreementGroup> scheduleDisagreements,
        List<RegistrationBeforeResults> registrationBeforeResults,
        List<LeftOutRound> leftOutRounds,
        List<ZeroApplicants> zeroApplicants,
        int eligibilityTexts) {

    public ImportFindings {
        criterionDepartures = List.copyOf(criterionDepartures);
        missingCriteria = List.copyOf(missingCriteria);
        scheduleDisagreements = List.copyOf(scheduleDisagreements);
        registrationBeforeResults = List.copyOf(registrationBeforeResults);
        leftOutRounds = List.copyOf(leftOutRounds);
        zeroApplicants = List.copyOf(zeroApplicants);
    }

    /** A qualification named in the report. */
    public record QualificationRef(String code, String name, Grade grade) {

        static QualificationRef of(Qualification q) {
            return new QualificationRef(q.code(), q.name(), q.grade());
        }
    }

    /**
     * A stage whose stated criterion is not the grade's rule.
     *
     * @param writtenStage true for the written stage, false for 실기/면접
     * @param statedText   the 합격기준 part of the 취득방법 text, as plain text
     */
    public record CriterionDeparture(
            QualificationRef qualification,
            boolean writtenStage,
            PassCriterion stated,
            PassCriterion statutory,
            String statedText) {}

    /** One disagreeing date shared by the qualifications {@code codes} (sorted). */
    public record DisagreementGroup(
            String series,
            String roundLabel,
            String field,
            LocalDate ownValue,
            LocalDate seriesValue,
            List<String> codes) {

        public DisagreementGroup {
            codes = List.copyOf(codes);
        }
    }

    /** Of {@code roundsChecked} rounds of {@code grade} with both dates, {@code roundsEarly} open early. */
    public record RegistrationBeforeResults(Grade grade, int roundsChecked, int roundsEarly) {}

    /** A round label not open to the public and the qualifications it was attached to. */
    public record LeftOutRound(String label, List<QualificationRef> qualifications) {

        public LeftOutRound {
            qualifications = List.copyOf(qualifications);
        }
    }

    /** The years in which nobody sat one stage of one qualification. */
    public record ZeroApplicants(QualificationRef qualification, boolean writtenStage, List<Integer> years) {

        public ZeroApplicants {
            years = List.copyOf(years);
        }
    }

    /** Statistics rows with no applicants, over all qualifications and stages. */
    public int zeroApplicantRows() {
        return zeroApplicants.stream().mapToInt(z -> z.years().size()).sum();
    }

    /** Qualifications with at least one criterion departure. */
    public long departingQualifications() {
        return criterionDepartures.stream()
                .map(d -> d.qualification().code())
                .distinct()
                .count();
    }

    /** Rounds left out over all qualifications. */
    public int leftOutRoundCount() {
        return leftOutRounds.stream().mapToInt(r -> r.qualifications().size()).sum();
    }

    /**
     * Collects the findings.
     *
     * @param qualifications the imported qualifications, sorted by code
     * @param criteriaTexts  code → the 합격기준 part of its 취득방법 text (absent when it has none)
     * @param leftOut        code → labels of the rounds left out as not open to the public
     */
    static ImportFindings collect(
            List<Qualification> qualifications, Map<String, String> criteriaTexts, Map<String, List<String>> leftOut) {
        List<CriterionDeparture> departures = new ArrayList<>();
        List<QualificationRef> missing = new ArrayList<>();
        Map<String, List<String>> disagreements = new TreeMap<>();
        Map<String, DisagreementGroup> groupKeys = new TreeMap<>();
        Map<Grade, int[]> early = new EnumMap<>(Grade.class);
        Map<String, List<QualificationRef>> leftOutByLabel = new TreeMap<>();
        List<ZeroApplicants> zero = new ArrayList<>();
        int eligibility = 0;
        for (Qualification q : qualifications) {
            QualificationRef ref = QualificationRef.of(q);
            if (q.grade() != null) {
                String text = criteriaTexts.get(q.code());
                if (text == null) {
                    missing.add(ref);
                }
                departure(ref, true, q.writtenCriterion(), StatutoryPassCriteria.written(q.grade()), text, departures);
                departure(
                        ref,
                        false,
                        q.secondStageCriterion(),
                        StatutoryPassCriteria.secondStage(q.grade()),
                        text,
                        departures);
                for (ExamRound r : q.rounds()) {
                    if (r.writtenPassDate() != null && r.practicalRegistrationStart() != null) {
                        int[] counts = early.computeIfAbsent(q.grade(), g -> new int[2]);
                        counts[0]++;
                        counts[1] += r.practicalRegistrationStart().isBefore(r.writtenPassDate()) ? 1 : 0;
                    }
                }
            }
            for (ScheduleDisagreement d : q.scheduleDisagreements()) {
                String series = GradeClassifier.scheduleSeries(q.grade());
                String key = series + "\u0000" + d.roundLabel() + "\u0000"
                        + String.format("%02d", ExamRound.DATE_FIELDS.indexOf(d.field())) + "\u0000" + d.ownValue()
                        + "\u0000" + d.seriesValue();
                groupKeys.putIfAbsent(
                        key,
                        new DisagreementGroup(
                                series, d.roundLabel(), d.field(), d.ownValue(), d.seriesValue(), List.of()));
                disagreements.computeIfAbsent(key, k -> new ArrayList<>()).add(q.code());
            }
            for (String label : leftOut.getOrDefault(q.code(), List.of())) {
                leftOutByLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(ref);
            }
            zeroApplicants(ref, true, q.writtenStatistics(), zero);
            zeroApplicants(ref, false, q.secondStageStatistics(), zero);
            eligibility += q.eligibilityText() != null ? 1 : 0;
        }
        List<DisagreementGroup> groups = new ArrayList<>();
        groupKeys.forEach((key, g) -> groups.add(new DisagreementGroup(
                g.series(),
                g.roundLabel(),
                g.field(),
                g.ownValue(),
                g.seriesValue(),
                disagreements.get(key).stream().sorted().toList())));
        List<RegistrationBeforeResults> registration = new ArrayList<>();
        early.forEach((grade, counts) -> registration.add(new RegistrationBeforeResults(grade, counts[0], counts[1])));
        List<LeftOutRound> rounds = new ArrayList<>();
        leftOutByLabel.forEach((label, refs) -> rounds.add(new LeftOutRound(label, refs)));
        return new ImportFindings(departures, missing, groups, registration, rounds, zero, eligibility);
    }

    private static void departure(
            QualificationRef ref,
            boolean written,
            PassCriterion stated,
            PassCriterion statutory,
            String text,
            List<CriterionDeparture> out) {
        if (stated != null && !stated.equals(statutory)) {
            out.add(new CriterionDeparture(ref, written, stated, statutory, text));
        }
    }

    private static void zeroApplicants(
            QualificationRef ref, boolean written, List<YearlyPassRate> rates, List<ZeroApplicants> out) {
        List<Integer> years = rates.stream()
                .filter(r -> r.applicants() == 0)
                .map(YearlyPassRate::year)
                .toList();
        if (!years.isEmpty()) {
            out.add(new ZeroApplicants(ref, written, years));
        }
    }
}

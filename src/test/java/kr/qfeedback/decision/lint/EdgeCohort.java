package kr.qfeedback.decision.lint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceCatalogue;

/**
 * A cohort of requests made to sit on the edges of the law rather than to look like a real one:
 * every grade (real qualifications with a schedule, with a year of 0 applicants, without a
 * schedule, plus an unknown code), every stage the grade has, every result, scores with and
 * without subjects on both sides of each criterion, {@code asOf} on the day before, of and after
 * each deadline of the sitting's round, exemption windows ending yesterday, today, tomorrow and in
 * 90 and 91 days, windows starting on 29 February, birth dates around the youth cut-off, every
 * document status and held qualifications or none. Deterministic for a seed.
 *
 * <p>Scores agree with the result under {@link PassLaw}, except two kinds of FAIL the service
 * accepts: a practical or interview FAIL with a passing score (영 20조③, legitimate) and a written
 * FAIL whose subjects meet the criterion (the contract lets the service refuse it or explain it
 * without claiming a shortfall; the caller skips it if refused).
 */
public final class EdgeCohort {
    /** 2026 정기 기사 calendar of docs/domain.md, for qualifications without a usable schedule. */
    private static final List<ExamRound> FALLBACK_ROUNDS = List.of(
            round(
                    "제1회",
                    "2026-01-30",
                    "2026-03-11",
                    "2026-03-23",
                    "2026-03-26",
                    "2026-04-18",
                    "2026-06-05",
                    "2026-01-30",
                    "2026-03-20"),
            round(
                    "제2회",
                    "2026-05-09",
                    "2026-06-10",
                    "2026-06-22",
                    "2026-06-25",
                    "2026-07-18",
                    "2026-09-04",
                    "2026-05-11",
                    "2026-06-19"),
            round(
                    "제3회",
                    "2026-08-07",
                    "2026-09-09",
                    "2026-09-21",
                    "2026-09-24",
                    "2026-10-24",
                    "2026-12-11",
                    "2026-08-10",
                    "2026-09-18"));

    private static final Pattern ROUND_LABEL = Pattern.compile("제\\s*(\\d+)\\s*회");
    private static final LocalDate LEAP_DAY = LocalDate.of(2024, 2, 29);
    private static final int[] EXEMPTION_ENDS_IN = {-1, 0, 1, PassLaw.EXPIRING_DAYS, PassLaw.EXPIRING_DAYS + 1};

    /** One qualification of the cohort: real (with its reference rounds) or unknown (the fallback calendar). */
    record Pick(
            String code,
            String name,
            boolean known,
            Grade grade,
            List<String> writtenSubjects,
            List<String> secondSubjects,
            List<ExamRound> rounds,
            String heldCode) {}

    /** One sitting: the round code as Q-Net sends it (2026-1) and the round it belongs to. */
    private record Sitting(String round, LocalDate examDate, LocalDate announcedOn, ExamRound of, ExamRound next) {}

    private record Scores(Double total, List<SubjectScore> subjects) {}

    private EdgeCohort() {}

    public static List<FeedbackRequest> generate(ReferenceCatalogue reference, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FeedbackRequest> requests = new ArrayList<>();
        int[] counter = {random.nextInt(1000)};
        for (Pick pick : picks(reference)) {
            for (Stage stage : List.of(Stage.WRITTEN, pick.grade().secondStage())) {
                List<Sitting> sittings = sittings(pick, stage);
                int variant = 0;
                for (ExamResult result : ExamResult.values()) {
                    for (Scores scores : scores(pick, stage, result, random)) {
                        Sitting sitting = sittings.get(variant++ % sittings.size());
                        ExamSitting exam = new ExamSitting(
                                sitting.round(),
                                stage,
                                sitting.examDate(),
                                sitting.announcedOn(),
                                result,
                                scores.total(),
                                scores.subjects());
                        for (LocalDate asOf : boundaries(sitting)) {
                            requests.add(request(pick, exam, asOf, null, counter[0]++));
                        }
                        exemptionEdges(pick, exam, sitting, requests, counter);
                    }
                }
            }
        }
        return requests;
    }

    /** Windows that end around asOf, and windows that start on 29 February. */
    private static void exemptionEdges(
            Pick pick, ExamSitting exam, Sitting sitting, List<FeedbackRequest> out, int[] counter) {
        boolean writtenPass = exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS;
        for (int endsIn : EXEMPTION_ENDS_IN) {
            if (writtenPass) {
                // this pass opens the window: its end is fixed, asOf moves
                LocalDate asOf = PassLaw.exemptionEnd(exam.announcedOn()).minusDays(endsIn);
                out.add(request(pick, exam, asOf, exam.announcedOn(), counter[0]++));
            } else {
                LocalDate asOf = sitting.announcedOn().plusDays(counter[0] % 7);
                LocalDate end = asOf.plusDays(endsIn);
                LocalDate from = end.plusDays(1).minusYears(PassLaw.EXEMPTION_YEARS);
                if (PassLaw.exemptionEnd(from).equals(end)) {
                    out.add(request(pick, exam, asOf, from, counter[0]++));
                }
            }
        }
        // a window from 29 February 2024 ends on 28 February 2026: seen before, on and after its end
        // (when the sitting's announcement allows), and from the sitting's own announcement
        for (LocalDate asOf : List.of(
                LocalDate.of(2026, 2, 27),
                LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 3, 1),
                sitting.announcedOn())) {
            if (!asOf.isBefore(sitting.announcedOn())) {
                out.add(request(pick, exam, asOf, LEAP_DAY, counter[0]++));
            }
        }
        if (writtenPass) {
            out.add(request(
                    pick,
                    new ExamSitting(
                            "2024-1",
                            exam.stage(),
                            LocalDate.of(2024, 2, 3),
                            LEAP_DAY,
                            exam.result(),
                            exam.totalScore(),
                            exam.subjects()),
                    LocalDate.of(2026, 2, 28),
                    null,
                    counter[0]++));
        }
    }

    /**
     * The candidate part turns through its values with the counter (births around the youth
     * cut-off of asOf's year, document statuses, held qualifications, the written pass) so that
     * each value meets every kind of sitting.
     */
    private static FeedbackRequest request(Pick pick, ExamSitting exam, LocalDate asOf, LocalDate writtenPass, int k) {
        int cutoffYear = PassLaw.youthCutoff(asOf).getYear();
        LocalDate[] births = {
            null,
            LocalDate.of(cutoffYear - 1, 12, 31),
            LocalDate.of(cutoffYear, 1, 1),
            LocalDate.of(cutoffYear, 1, 2),
            LocalDate.of(2001, 7, 15),
            LocalDate.of(1968, 4, 10)
        };
        DocumentStatus[] documents = {
            null, DocumentStatus.SUBMITTED, DocumentStatus.NOT_SUBMITTED, DocumentStatus.NOT_REQUIRED
        };
        LocalDate birth = births[k % births.length];
        DocumentStatus docs = documents[(k / births.length) % documents.length];
        List<String> held = (k / (births.length * documents.length)) % 2 == 0 ? null : List.of(pick.heldCode());
        LocalDate pass = writtenPass;
        if (pass == null) {
            pass = writtenPassFor(exam, (k / (births.length * documents.length * 2)) % 3);
        }
        String name = pick.name() == null || k % 5 == 0 ? pick.name() : null;
        if (name == null && !pick.known()) {
            name = pick.name();
        }
        return new FeedbackRequest(
                String.format("edge-%06d", k),
                asOf,
                new QualificationRef(pick.code(), name, pick.grade()),
                exam,
                new CandidateInfo(birth, pass, docs, k % 4 == 0 ? null : 1 + k % 3, held));
    }

    /** None, the sitting's own written pass (second stage) or an earlier one. */
    private static LocalDate writtenPassFor(ExamSitting exam, int which) {
        if (which == 0) {
            return null;
        }
        if (exam.stage().isSecond()) {
            LocalDate earlier = exam.examDate().minusDays(which == 1 ? 38 : 400);
            return earlier;
        }
        return which == 1 ? LocalDate.of(2025, 6, 13) : LEAP_DAY;
    }

    /** asOf on the day of the announcement and the day before/of/after each deadline of the sitting's round and the next. */
    private static List<LocalDate> boundaries(Sitting sitting) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(sitting.announcedOn());
        for (ExamRound r : java.util.Arrays.asList(sitting.of(), sitting.next())) {
            if (r == null) {
                continue;
            }
            for (LocalDate d : java.util.Arrays.asList(
                    r.documentSubmissionEnd(),
                    r.practicalRegistrationStart(),
                    r.practicalRegistrationEnd(),
                    r.writtenPassDate())) {
                if (d != null) {
                    days.add(d.minusDays(1));
                    days.add(d);
                    days.add(d.plusDays(1));
                }
            }
        }
        // a result is not seen before it is announced
        return new ArrayList<>(days.tailSet(sitting.announcedOn(), true));
    }

    private static List<Sitting> sittings(Pick pick, Stage stage) {
        List<ExamRound> rounds = new ArrayList<>();
        for (ExamRound r : pick.rounds()) {
            if (ROUND_LABEL.matcher(r.label()).find()) {
                rounds.add(r); // 산업별 맞춤형 고교등 필기면제검정 is not open to general candidates
            }
        }
        rounds.sort(Comparator.comparing(ExamRound::writtenExamDate, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Sitting> found = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            ExamRound r = rounds.get(i);
            ExamRound next = i + 1 < rounds.size() ? rounds.get(i + 1) : null;
            Matcher m = ROUND_LABEL.matcher(r.label());
            m.find();
            String code = "2026-" + Integer.parseInt(m.group(1));
            LocalDate exam = stage == Stage.WRITTEN ? r.writtenExamDate() : r.practicalExamStart();
            LocalDate announced = stage == Stage.WRITTEN ? r.writtenPassDate() : r.practicalPassDate();
            if (exam != null && announced != null && exam.getYear() == 2026 && !announced.isBefore(exam)) {
                found.add(new Sitting(code, exam, announced, r, next));
            }
        }
        if (found.isEmpty()) {
            return sittings(
                    new Pick(
                            pick.code(),
                            pick.name(),
                            pick.known(),
                            pick.grade(),
                            pick.writtenSubjects(),
                            pick.secondSubjects(),
                            FALLBACK_ROUNDS,
                            pick.heldCode()),
                    stage);
        }
        return found.size() > 2 ? List.of(found.get(0), found.get(found.size() - 1)) : found;
    }

    /** Scores on both sides of the criterion, with and without subjects; none for ABSENT. */
    private static List<Scores> scores(Pick pick, Stage stage, ExamResult result, SplittableRandom random) {
        List<Scores> out = new ArrayList<>();
        if (result == ExamResult.ABSENT) {
            out.add(new Scores(null, List.of()));
            return out;
        }
        boolean pass = result == ExamResult.PASS;
        if (PassLaw.judgedBySubject(pick.grade(), stage)) {
            List<String> names = pick.writtenSubjects();
            int n = names.size();
            if (pass) {
                out.add(bySubject(names, lowestThenEven(n, 400, 600 * n))); // 40.0 and an average of exactly 60
                out.add(bySubject(names, evenly(n, (650 + random.nextInt(300)) * n))); // comfortable
                out.add(new Scores(60.0, List.of()));
                out.add(new Scores(tenths(600 + random.nextInt(401)), List.of()));
            } else {
                out.add(bySubject(names, lowestThenEven(n, 400, 600 * n - 1))); // an average a hair under 60
                out.add(bySubject(names, lowestThenEven(n, 399, 650 * n))); // 과락 39.9, average over 60
                out.add(bySubject(names, lowestThenEven(n, 300, 500 * n))); // both
                out.add(new Scores(59.9, List.of()));
                out.add(new Scores(tenths(100 + random.nextInt(400)), List.of()));
                out.add(bySubject(names, lowestThenEven(n, 450, 650 * n))); // meets it: refused or explained
            }
            return out;
        }
        List<String> names = stage == Stage.WRITTEN ? pick.writtenSubjects() : pick.secondSubjects();
        // {total, mean of the subjects or -1 for none}, in tenths
        int[][] cases;
        if (pass) {
            cases = new int[][] {
                {600, -1},
                {600 + random.nextInt(401), -1},
                {710, 710},
                // the whole paper decides; subjects weighted unevenly may average on the other side of 60
                {610, stage == Stage.WRITTEN ? 570 : 610}
            };
        } else if (stage == Stage.WRITTEN) {
            cases = new int[][] {{599, -1}, {random.nextInt(590), -1}, {455, 455}, {580, 640}};
        } else {
            // the last three fail with a passing score (영 20조③)
            cases = new int[][] {{599, -1}, {random.nextInt(590), -1}, {500, 500}, {600, -1}, {855, -1}, {720, 720}};
        }
        for (int[] c : cases) {
            out.add(new Scores(
                    tenths(c[0]), c[1] < 0 ? List.of() : subjects(names, evenly(names.size(), c[1] * names.size()))));
        }
        return out;
    }

    /** A by-subject sitting: totalScore is the subjects' mean truncated to one decimal, as Q-Net prints it. */
    private static Scores bySubject(List<String> names, int[] tenths) {
        long sum = 0;
        for (int t : tenths) {
            sum += t;
        }
        return new Scores(tenths((int) (sum / tenths.length)), subjects(names, tenths));
    }

    /** One subject at {@code lowest}, the rest sharing what is left of {@code sum} as evenly as tenths allow. */
    private static int[] lowestThenEven(int n, int lowest, int sum) {
        int[] out = new int[n];
        out[0] = lowest;
        int[] rest = evenly(n - 1, sum - lowest);
        System.arraycopy(rest, 0, out, 1, n - 1);
        return out;
    }

    private static int[] evenly(int n, int sum) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = sum / n + (i < sum % n ? 1 : 0);
            if (out[i] > 1000) {
                throw new IllegalStateException("a subject over 100: " + sum + " over " + n);
            }
        }
        return out;
    }

    private static List<SubjectScore> subjects(List<String> names, int[] tenths) {
        List<SubjectScore> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.add(new SubjectScore(names.get(i), tenths(tenths[i])));
        }
        return out;
    }

    private static double tenths(int tenths) {
        return tenths / 10.0;
    }

    /**
     * For each grade: the first qualification (by code) with a 2026 schedule (and a document window
     * when the grade needs documents), the first with a year of 0 applicants, the first without a
     * schedule, and an unknown code; for SERVICE also 직업상담사1급 (documents needed) and
     * 직업상담사2급 (open to all). Only qualifications whose stated criteria are the grade's own.
     */
    static List<Pick> picks(ReferenceCatalogue reference) {
        List<Pick> picks = new ArrayList<>();
        for (Grade grade : Grade.values()) {
            List<Qualification> usable = reference.all().stream()
                    .filter(q -> q.grade() == grade && ownCriteriaAreTheGrades(q))
                    .sorted(Comparator.comparing(Qualification::code))
                    .toList();
            boolean needsDocuments = grade != Grade.CRAFTSMAN && grade != Grade.SERVICE;
            Set<Qualification> chosen = new LinkedHashSet<>();
            usable.stream()
                    .filter(q -> hasSittings(q)
                            && !q.writtenStatistics().isEmpty()
                            && (!PassLaw.judgedBySubject(grade, Stage.WRITTEN)
                                    || !q.writtenSubjects().isEmpty())
                            && (!needsDocuments
                                    || grade == Grade.PROFESSIONAL_ENGINEER
                                    || grade == Grade.MASTER_CRAFTSMAN
                                    || q.rounds().stream().anyMatch(r -> r.documentSubmissionEnd() != null)))
                    .findFirst()
                    .ifPresent(chosen::add);
            usable.stream()
                    .filter(EdgeCohort::hasZeroApplicantYear)
                    .min(Comparator.comparing((Qualification q) -> !latestYearHasZeroApplicants(q))
                            .thenComparing(q -> !hasSittings(q))
                            .thenComparing(Qualification::code))
                    .ifPresent(chosen::add);
            usable.stream().filter(q -> q.rounds().isEmpty()).findFirst().ifPresent(chosen::add);
            if (grade == Grade.SERVICE) {
                usable.stream()
                        .filter(q -> q.name().equals("직업상담사1급") || q.name().equals("직업상담사2급"))
                        .forEach(chosen::add);
            }
            String held =
                    usable.isEmpty() ? "1320" : usable.get(usable.size() - 1).code();
            for (Qualification q : chosen) {
                picks.add(new Pick(
                        q.code(),
                        q.name(),
                        true,
                        grade,
                        subjectsOr(q.writtenSubjects(), grade, true),
                        subjectsOr(q.secondStageSubjects(), grade, false),
                        q.rounds(),
                        held));
            }
            String unknown = "X" + (900 + grade.ordinal());
            if (reference.find(unknown).isPresent()) {
                throw new IllegalStateException(unknown + " is meant to be an unknown code");
            }
            picks.add(new Pick(
                    unknown,
                    "미등록 시험종목",
                    false,
                    grade,
                    subjectsOr(List.of(), grade, true),
                    subjectsOr(List.of(), grade, false),
                    List.of(),
                    held));
        }
        return picks;
    }

    private static List<String> subjectsOr(List<String> subjects, Grade grade, boolean written) {
        if (subjects.size() >= 2
                || (!subjects.isEmpty() && !(written && PassLaw.judgedBySubject(grade, Stage.WRITTEN)))) {
            return subjects;
        }
        if (!written) {
            return List.of(grade == Grade.PROFESSIONAL_ENGINEER ? "면접" : "작업형");
        }
        return grade == Grade.PROFESSIONAL_ENGINEER
                ? List.of("1교시", "2교시", "3교시", "4교시")
                : List.of("제1과목", "제2과목", "제3과목");
    }

    private static boolean ownCriteriaAreTheGrades(Qualification q) {
        return matches(q.writtenCriterion(), PassLaw.judgedBySubject(q.grade(), Stage.WRITTEN))
                && matches(q.secondStageCriterion(), false);
    }

    private static boolean matches(PassCriterion stated, boolean bySubject) {
        return stated == null
                || (stated.averageMinimum() == 60
                        && Objects.equals(stated.subjectMinimum(), bySubject ? Integer.valueOf(40) : null));
    }

    private static boolean hasSittings(Qualification q) {
        return q.rounds().stream()
                .anyMatch(r -> ROUND_LABEL.matcher(r.label()).find()
                        && r.writtenPassDate() != null
                        && r.writtenExamDate() != null
                        && r.writtenExamDate().getYear() == 2026
                        && r.practicalRegistrationEnd() != null);
    }

    private static boolean hasZeroApplicantYear(Qualification q) {
        return q.writtenStatistics().stream().anyMatch(r -> r.applicants() == 0)
                || q.secondStageStatistics().stream().anyMatch(r -> r.applicants() == 0);
    }

    private static boolean latestYearHasZeroApplicants(Qualification q) {
        return q.writtenStatistics().stream()
                        .max(Comparator.comparingInt(r -> r.year()))
                        .filter(r -> r.applicants() == 0)
                        .isPresent()
                || q.secondStageStatistics().stream()
                        .max(Comparator.comparingInt(r -> r.year()))
                        .filter(r -> r.applicants() == 0)
                        .isPresent();
    }

    private static ExamRound round(
            String label,
            String writtenExam,
            String writtenPass,
            String practicalFrom,
            String practicalTo,
            String practicalExam,
            String practicalPass,
            String docsFrom,
            String docsTo) {
        return new ExamRound(
                label,
                null,
                null,
                LocalDate.parse(writtenExam),
                LocalDate.parse(writtenPass),
                LocalDate.parse(practicalFrom),
                LocalDate.parse(practicalTo),
                LocalDate.parse(practicalExam),
                LocalDate.parse(practicalExam).plusDays(18),
                LocalDate.parse(practicalPass),
                LocalDate.parse(docsFrom),
                LocalDate.parse(docsTo));
    }
}

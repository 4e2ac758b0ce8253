package kr.qfeedback.cohort;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.decision.ScoreFacts;
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
import kr.qfeedback.rules.Parameters;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.reference.YearlyPassRate;

/**
 * Draws a realistic cohort of feedback requests from the reference statistics, for load tests,
 * impact reports and the {@code cohort} command. Every request is valid: it parses with
 * {@code http.FeedbackRequestParser} after a JSON round trip ({@link RequestJson}) and passes
 * {@code feedback.ConsistencyCheck} against the catalogue it was drawn from.
 *
 * <p>Deterministic: the same catalogue, seed and size give the same requests, on any JVM (a
 * {@link SplittableRandom} split once per request, Gaussian draws through {@link StrictMath},
 * the catalogue walked in code order). Request {@code i} does not depend on the size, so a
 * smaller cohort with the same seed is a prefix of a larger one (apart from the id padding).
 *
 * <h2>What follows the data</h2>
 * <ul>
 * <li><b>Qualification</b>: drawn in proportion to the applicants (written + second stage) of the
 *     latest statistics year of the catalogue, among qualifications that have a grade and
 *     figures for that year.</li>
 * <li><b>Stage</b>: WRITTEN or the grade's second stage (INTERVIEW for PROFESSIONAL_ENGINEER, else
 *     PRACTICAL) in the ratio of that year's written to second-stage applicants.</li>
 * <li><b>Result</b>: among candidates who sat, PASS with that stage's pass rate of that year,
 *     otherwise FAIL (Q-Net's pass rate counts those who sat, so absences come on top).</li>
 * <li><b>Scores</b>: one decimal place, consistent with the result under the criterion the
 *     decider applies (the qualification's own, else the grade default of 영 20조 that the shipped
 *     {@code rules/parameters.yaml} also holds): a PASS meets it; a FAIL misses the average or has a
 *     subject under the subject minimum (과락). Written sittings list the qualification's
 *     {@code writtenSubjects} when known, and {@code totalScore} is then their mean truncated to
 *     one decimal (so it lies on the same side of the whole-number minimum as the mean); other
 *     sittings carry a total only.</li>
 * <li><b>Dates</b>: exam and announcement dates of the qualification's 2026 rounds (제N회) where
 *     the reference data has them, else the fixed 2026 정기 기사 calendar ({@link #FALLBACK_CALENDAR});
 *     a practical is sat on a day of its exam period; {@code asOf} is the announcement day.</li>
 * <li><b>Ages</b> (on {@code asOf}): {@value #YOUNG_ADULT_PERCENT} % aged 20–39, the middle of the
 *     52–55 % that docs/domain.md ("Who and how many") gives for sittings; the rest spread over
 *     15–19 and 40–69 ({@link #AGE_BANDS}).</li>
 * </ul>
 *
 * <h2>Generator assumptions (the data holds no figures for these)</h2>
 * <ul>
 * <li><b>Absence</b>: a share of sittings ({@link #DEFAULT_ABSENT_SHARE} by default, a constructor
 *     option) is ABSENT, with no score. The statistics count only candidates who sat.</li>
 * <li>Rounds of one qualification are equally likely; a 과락 FAIL is drawn for
 *     {@value #CUT_FAIL_PERCENT} % of FAILs of criteria with a subject minimum.</li>
 * <li>Teenagers sit only CRAFTSMAN and SERVICE exams (others redraw among 40–69); PROFESSIONAL_ENGINEER
 *     and MASTER_CRAFTSMAN candidates drawn in their twenties are moved to their thirties (both keep
 *     the 20–39 share).</li>
 * <li>Second-stage sittings: {@value #SAME_CYCLE_PERCENT} % passed the written exam of the same
 *     round; the others between two weeks and ~2.2 years ({@value #MAX_WRITTEN_PASS_AGE_DAYS} days)
 *     before the exam, so some exemptions are EXPIRING or EXPIRED by {@code asOf}.</li>
 * <li>Written passes of grades that need eligibility documents (docs/domain.md: 기술사, 기능장, 기사,
 *     산업기사 and 직업상담사 1급, 사회조사분석사 1급, 임상심리사 2급) state them: 60 % NOT_SUBMITTED,
 *     30 % SUBMITTED (sent early), 10 % NOT_REQUIRED (hold a qualification that exempts them).
 *     Nothing else about the candidate (attempts, held qualifications) is generated.</li>
 * </ul>
 */
public final class CohortGenerator {
    /** Assumed share of ABSENT sittings; the reference data has no absence figures. */
    public static final double DEFAULT_ABSENT_SHARE = 0.05;
    /** The seed of the {@code cohort} command when none is given. */
    public static final long DEFAULT_SEED = 2026L;

    static final double YOUNG_ADULT_PERCENT = 53.5;
    static final int CUT_FAIL_PERCENT = 35;
    static final int SAME_CYCLE_PERCENT = 55;
    static final int MIN_WRITTEN_PASS_AGE_DAYS = 14;
    static final int MAX_WRITTEN_PASS_AGE_DAYS = 803;

    /**
     * Age bands {from, to, percent of sittings}: 20–39 = 33 + 20.5 = {@value #YOUNG_ADULT_PERCENT} %
     * (docs/domain.md: 52–55 % of sittings are aged 20–39); the rest is an assumption.
     */
    static final double[][] AGE_BANDS = {
            {15, 19, 9.0}, {20, 29, 33.0}, {30, 39, 20.5}, {40, 49, 18.0}, {50, 59, 13.0}, {60, 69, 6.5}};

    /**
     * The 2026 정기 기사 calendar (as the reference data gives it, e.g. for 1320 정보처리기사), used for
     * qualifications without usable rounds: {round, written exam, written pass announced,
     * practical from, practical to, practical pass announced}.
     */
    static final String[][] FALLBACK_CALENDAR = {
            {"1", "2026-01-30", "2026-03-11", "2026-04-18", "2026-05-06", "2026-06-05"},
            {"2", "2026-05-09", "2026-06-10", "2026-07-18", "2026-08-05", "2026-09-04"},
            {"3", "2026-08-07", "2026-09-09", "2026-10-24", "2026-11-13", "2026-12-11"}};

    private static final Pattern ROUND_LABEL = Pattern.compile("제\\s*(\\d+)\\s*회");
    private static final int ID_WIDTH = 7;

    private final double absentShare;
    private final int statisticsYear;
    private final Drawable[] drawables;
    private final long[] cumulativeWeight;

    public CohortGenerator(ReferenceCatalogue catalogue, Parameters parameters) {
        this(catalogue, parameters, DEFAULT_ABSENT_SHARE);
    }

    /**
     * @param absentShare the assumed share of ABSENT sittings, 0 to 1 (the data holds no figure)
     * @throws IllegalArgumentException when the share is out of range or no qualification has a
     *                                  grade and statistics
     */
    public CohortGenerator(ReferenceCatalogue catalogue, Parameters parameters, double absentShare) {
        Objects.requireNonNull(catalogue, "catalogue must not be null");
        Objects.requireNonNull(parameters, "parameters must not be null");
        if (!(absentShare >= 0 && absentShare < 1)) {
            throw new IllegalArgumentException("absentShare must be at least 0 and below 1, not " + absentShare);
        }
        this.absentShare = absentShare;
        this.statisticsYear = catalogue.all().stream()
                .filter(q -> q.grade() != null)
                .flatMap(q -> java.util.stream.Stream.concat(q.writtenStatistics().stream(), q.secondStageStatistics().stream()))
                .mapToInt(YearlyPassRate::year).max()
                .orElseThrow(() -> new IllegalArgumentException("No qualification of the reference data has a grade and statistics."));
        List<Drawable> list = new ArrayList<>();
        for (Qualification q : catalogue.all()) {
            Drawable d = q.grade() == null ? null : Drawable.of(q, parameters, statisticsYear);
            if (d != null) {
                list.add(d);
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("No qualification has applicants in " + statisticsYear + ".");
        }
        this.drawables = list.toArray(new Drawable[0]);
        this.cumulativeWeight = new long[drawables.length];
        long sum = 0;
        for (int i = 0; i < drawables.length; i++) {
            sum += drawables[i].weight;
            cumulativeWeight[i] = sum;
        }
    }

    /** The statistics year the cohort follows (the latest year in the catalogue). */
    public int statisticsYear() {
        return statisticsYear;
    }

    public double absentShare() {
        return absentShare;
    }

    /**
     * The requests drawn with {@code seed} as a list, for modest cohorts held in memory (the impact
     * report); big cohorts should stream through {@link #write} or {@link #requests}.
     */
    public static List<FeedbackRequest> list(ReferenceCatalogue catalogue, Parameters parameters, long seed, int size) {
        List<FeedbackRequest> list = new ArrayList<>(Math.max(0, size));
        new CohortGenerator(catalogue, parameters).requests(seed, size).forEachRemaining(list::add);
        return list;
    }

    /** Writes {@code size} requests drawn with {@code seed} as NDJSON to {@code out}, one at a time. */
    public static void write(ReferenceCatalogue catalogue, Parameters parameters, long seed, int size, Path out)
            throws IOException {
        new CohortGenerator(catalogue, parameters).write(seed, size, out);
    }

    /** Streams the requests to {@code out} (created or truncated) in flat memory: one line per request. */
    public void write(long seed, int size, Path out) throws IOException {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            write(seed, size, stream);
        }
    }

    /** Writes the requests as NDJSON (UTF-8, {@code \n} after every line) without closing the stream. */
    public void write(long seed, int size, OutputStream out) throws IOException {
        Iterator<FeedbackRequest> requests = requests(seed, size);
        while (requests.hasNext()) {
            out.write(RequestJson.toJson(requests.next()).toBuffer().getBytes());
            out.write('\n');
        }
        out.flush();
    }

    /** The requests, drawn lazily one at a time; ids C0000001, C0000002, … */
    public Iterator<FeedbackRequest> requests(long seed, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, not " + size);
        }
        SplittableRandom root = new SplittableRandom(seed);
        int width = Math.max(ID_WIDTH, Integer.toString(size).length());
        return new Iterator<>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return next <= size;
            }

            @Override
            public FeedbackRequest next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String id = "C" + "0".repeat(Math.max(0, width - Integer.toString(next).length())) + next;
                next++;
                return draw(root.split(), id);
            }
        };
    }

    /** Draws one request from its own random stream. */
    FeedbackRequest draw(SplittableRandom r, String candidateId) {
        Drawable q = pickQualification(r);
        Grade grade = q.grade;
        boolean written = r.nextDouble() < q.writtenShare;
        Stage stage = written ? Stage.WRITTEN : grade.secondStage();
        ExamResult result = r.nextDouble() < absentShare ? ExamResult.ABSENT
                : r.nextDouble() * 100 < (written ? q.writtenPassRate : q.secondPassRate) ? ExamResult.PASS : ExamResult.FAIL;

        Sitting sitting = written ? q.writtenSittings[r.nextInt(q.writtenSittings.length)]
                : q.secondSittings[r.nextInt(q.secondSittings.length)];
        long span = ChronoUnit.DAYS.between(sitting.examFrom, sitting.examTo);
        LocalDate examDate = span <= 0 ? sitting.examFrom : sitting.examFrom.plusDays(r.nextInt((int) span + 1));
        LocalDate announcedOn = sitting.announcedOn;

        Scores scores = scores(r, result, written ? q.writtenSubjects : List.of(), written ? q.writtenCriterion : q.secondCriterion,
                written ? q.writtenWholePaper : true);
        ExamSitting exam = new ExamSitting(sitting.round, stage, examDate, announcedOn, result, scores.total, scores.subjects);

        LocalDate birthDate = birthDate(r, grade, announcedOn);
        LocalDate writtenPass = written ? null : writtenPassAnnouncedOn(r, sitting, examDate);
        DocumentStatus documents = written && result == ExamResult.PASS && q.documentsRequired ? documents(r) : null;
        CandidateInfo candidate = new CandidateInfo(birthDate, writtenPass, documents, null, List.of());
        return new FeedbackRequest(candidateId, announcedOn, new QualificationRef(q.code, q.name, grade), exam, candidate);
    }

    private Drawable pickQualification(SplittableRandom r) {
        long ticket = r.nextLong(cumulativeWeight[cumulativeWeight.length - 1]);
        int at = Arrays.binarySearch(cumulativeWeight, ticket);
        // the first index whose cumulative weight exceeds the ticket
        int index = at >= 0 ? at + 1 : -at - 1;
        return drawables[index];
    }

    private record Scores(Double total, List<SubjectScore> subjects) {
    }

    private static Scores scores(SplittableRandom r, ExamResult result, List<String> names, PassCriterion criterion,
                                 boolean wholePaper) {
        if (result == ExamResult.ABSENT) {
            return new Scores(null, List.of());
        }
        boolean pass = result == ExamResult.PASS;
        int averageMinimum = criterion.averageMinimum() * 10;
        if (names.isEmpty()) {
            int tenths = pass ? clamp(averageMinimum + (int) Math.round(Math.abs(gaussian(r)) * 120), averageMinimum, 1000)
                    : clamp(averageMinimum - 1 - (int) Math.round(Math.abs(gaussian(r)) * 150), 0, Math.max(0, averageMinimum - 1));
            return new Scores(tenths / 10.0, List.of());
        }
        int n = names.size();
        Integer subjectMinimum = criterion.subjectMinimum() == null ? null : criterion.subjectMinimum() * 10;
        int[] tenths = new int[n];
        for (int attempt = 0; attempt < 64; attempt++) {
            if (pass) {
                double mean = averageMinimum + 60 + Math.abs(gaussian(r)) * 70;
                for (int i = 0; i < n; i++) {
                    tenths[i] = clamp((int) Math.round(mean + gaussian(r) * 90), 0, 1000);
                }
            } else if (subjectMinimum != null && subjectMinimum > 0 && r.nextInt(100) < CUT_FAIL_PERCENT) {
                for (int i = 0; i < n; i++) {
                    tenths[i] = clamp((int) Math.round(averageMinimum + 20 + gaussian(r) * 120), 0, 1000);
                }
                tenths[r.nextInt(n)] = r.nextInt(subjectMinimum);
            } else {
                double mean = averageMinimum - 40 - Math.abs(gaussian(r)) * 90;
                int floor = subjectMinimum == null || subjectMinimum >= averageMinimum ? 0 : subjectMinimum;
                for (int i = 0; i < n; i++) {
                    tenths[i] = clamp((int) Math.round(mean + gaussian(r) * 100), floor, 1000);
                }
            }
            Scores scores = withSubjects(names, tenths);
            if (ScoreFacts.of(scores.total, scores.subjects, criterion, wholePaper).meetsCriterion() == pass) {
                return scores;
            }
        }
        // Practically unreachable; a deterministic answer that is right by construction.
        Arrays.fill(tenths, pass ? Math.max(averageMinimum, subjectMinimum == null ? 0 : subjectMinimum) : Math.max(0, averageMinimum - 10));
        return withSubjects(names, tenths);
    }

    private static Scores withSubjects(List<String> names, int[] tenths) {
        List<SubjectScore> subjects = new ArrayList<>(names.size());
        long sum = 0;
        for (int i = 0; i < names.size(); i++) {
            subjects.add(new SubjectScore(names.get(i), tenths[i] / 10.0));
            sum += tenths[i];
        }
        long meanTenths = Math.floorDiv(sum, names.size());
        return new Scores(meanTenths / 10.0, subjects);
    }

    /** A birth date giving an age on {@code asOf} drawn from {@link #AGE_BANDS}. */
    private static LocalDate birthDate(SplittableRandom r, Grade grade, LocalDate asOf) {
        double ticket = r.nextDouble() * 100;
        int band = 0;
        for (double cumulative = AGE_BANDS[0][2]; ticket >= cumulative && band < AGE_BANDS.length - 1; ) {
            band++;
            cumulative += AGE_BANDS[band][2];
        }
        int from = (int) AGE_BANDS[band][0];
        int to = (int) AGE_BANDS[band][1];
        int age = from + r.nextInt(to - from + 1);
        if (age < 20 && grade != Grade.CRAFTSMAN && grade != Grade.SERVICE) {
            age = 40 + r.nextInt(30);
        } else if (age < 30 && age >= 20 && (grade == Grade.PROFESSIONAL_ENGINEER || grade == Grade.MASTER_CRAFTSMAN)) {
            age += 10;
        }
        LocalDate latest = asOf.minusYears(age);
        LocalDate earliest = asOf.minusYears(age + 1L).plusDays(1);
        return earliest.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(earliest, latest) + 1));
    }

    private static LocalDate writtenPassAnnouncedOn(SplittableRandom r, Sitting sitting, LocalDate examDate) {
        if (sitting.writtenPassOfRound != null && !sitting.writtenPassOfRound.isAfter(examDate) && r.nextInt(100) < SAME_CYCLE_PERCENT) {
            return sitting.writtenPassOfRound;
        }
        return examDate.minusDays(MIN_WRITTEN_PASS_AGE_DAYS + r.nextInt(MAX_WRITTEN_PASS_AGE_DAYS - MIN_WRITTEN_PASS_AGE_DAYS + 1));
    }

    private static DocumentStatus documents(SplittableRandom r) {
        int ticket = r.nextInt(100);
        return ticket < 60 ? DocumentStatus.NOT_SUBMITTED : ticket < 90 ? DocumentStatus.SUBMITTED : DocumentStatus.NOT_REQUIRED;
    }

    /** Box–Muller through StrictMath, so that the same seed gives the same numbers on every JVM. */
    private static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** One dated sitting of a stage: the round id, the exam day or period, the announcement day. */
    private record Sitting(String round, LocalDate examFrom, LocalDate examTo, LocalDate announcedOn, LocalDate writtenPassOfRound) {
    }

    /** What the generator needs of one qualification, resolved once. */
    private static final class Drawable {
        final String code;
        final String name;
        final Grade grade;
        final long weight;
        final double writtenShare;
        final double writtenPassRate;
        final double secondPassRate;
        final List<String> writtenSubjects;
        final PassCriterion writtenCriterion;
        final PassCriterion secondCriterion;
        final boolean writtenWholePaper;
        final Sitting[] writtenSittings;
        final Sitting[] secondSittings;
        final boolean documentsRequired;

        private Drawable(Qualification q, Parameters parameters, long writtenApplicants, long secondApplicants, double writtenPassRate,
                         double secondPassRate) {
            this.code = q.code();
            this.name = q.name();
            this.grade = q.grade();
            this.weight = writtenApplicants + secondApplicants;
            this.writtenShare = (double) writtenApplicants / weight;
            this.writtenPassRate = writtenPassRate;
            this.secondPassRate = secondPassRate;
            this.writtenSubjects = q.writtenSubjects();
            this.writtenCriterion = parameters.criterion(q.code(), grade, false);
            this.secondCriterion = parameters.criterion(q.code(), grade, true);
            this.writtenWholePaper = parameters.judgedOnWholePaper(grade, false);
            this.writtenSittings = sittings(q.rounds(), true);
            this.secondSittings = sittings(q.rounds(), false);
            this.documentsRequired = parameters.requiresDocuments(grade, q.code());
        }

        /** Null when the qualification had no applicants in {@code year}. */
        static Drawable of(Qualification q, Parameters parameters, int year) {
            YearlyPassRate written = inYear(q.writtenStatistics(), year);
            YearlyPassRate second = inYear(q.secondStageStatistics(), year);
            long w = written == null ? 0 : Math.max(0, written.applicants());
            long s = second == null ? 0 : Math.max(0, second.applicants());
            if (w + s == 0) {
                return null;
            }
            return new Drawable(q, parameters, w, s, drawRate(written), drawRate(second));
        }

        /** The pass rate to draw results with; a stage nobody sat has none and is never drawn (weight 0). */
        private static double drawRate(YearlyPassRate figures) {
            return figures == null || figures.passRate() == null ? 0 : figures.passRate();
        }

        private static YearlyPassRate inYear(List<YearlyPassRate> statistics, int year) {
            for (YearlyPassRate y : statistics) {
                if (y.year() == year) {
                    return y;
                }
            }
            return null;
        }

        private static Sitting[] sittings(List<ExamRound> rounds, boolean written) {
            List<Sitting> found = new ArrayList<>();
            for (int i = 0; i < rounds.size(); i++) {
                ExamRound round = rounds.get(i);
                Matcher m = ROUND_LABEL.matcher(round.label());
                if (!m.find()) {
                    continue;
                }
                String id = "2026-" + Integer.parseInt(m.group(1));
                if (written) {
                    if (in2026(round.writtenExamDate()) && round.writtenPassDate() != null
                            && !round.writtenPassDate().isBefore(round.writtenExamDate())) {
                        found.add(new Sitting(id, round.writtenExamDate(), round.writtenExamDate(), round.writtenPassDate(), null));
                    }
                } else if (in2026(round.practicalExamStart()) && round.practicalExamEnd() != null && round.practicalPassDate() != null
                        && !round.practicalExamEnd().isBefore(round.practicalExamStart())
                        && !round.practicalPassDate().isBefore(round.practicalExamEnd())) {
                    found.add(new Sitting(id, round.practicalExamStart(), round.practicalExamEnd(), round.practicalPassDate(),
                            round.writtenPassDate()));
                }
            }
            if (found.isEmpty()) {
                for (String[] row : FALLBACK_CALENDAR) {
                    String id = "2026-" + row[0];
                    found.add(written
                            ? new Sitting(id, LocalDate.parse(row[1]), LocalDate.parse(row[1]), LocalDate.parse(row[2]), null)
                            : new Sitting(id, LocalDate.parse(row[3]), LocalDate.parse(row[4]), LocalDate.parse(row[5]), LocalDate.parse(row[2])));
                }
            }
            return found.toArray(new Sitting[0]);
        }

        private static boolean in2026(LocalDate date) {
            return date != null && date.getYear() == 2026;
        }
    }
}

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
import kr.qfeedback.feedback.CandidateInfo;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.ExamSitting;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.QualificationRef;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.reference.YearlyPassRate;
import kr.qfeedback.rules.Parameters;

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
 * <li><b>Scores</b> ({@link Scores}): one decimal place, consistent with the result under the
 *     criterion the decider applies, as the rule set's {@link Parameters} give it (the
 *     qualification's own, else the grade's of 영 20조): a PASS meets it; a FAIL misses the average
 *     or has a subject under the subject minimum (과락). Written sittings list the qualification's
 *     {@code writtenSubjects} when known, and {@code totalScore} is then their mean truncated to
 *     one decimal (so it lies on the same side of the whole-number minimum as the mean); other
 *     sittings carry a total only.</li>
 * <li><b>Dates</b>: exam and announcement dates of the qualification's 2026 rounds (제N회) where
 *     the reference data has them, else the fixed 2026 정기 기사 calendar
 *     ({@link Sitting#FALLBACK_CALENDAR}); a practical is sat on a day of its exam period;
 *     {@code asOf} is the announcement day.</li>
 * <li><b>Ages</b> (on {@code asOf}): {@value CandidateBackground#YOUNG_ADULT_PERCENT} % aged 20–39,
 *     the middle of the 52–55 % that docs/domain.md ("Who and how many") gives for sittings; the
 *     rest spread over 15–19 and 40–69 ({@link CandidateBackground#AGE_BANDS}).</li>
 * </ul>
 *
 * <h2>Generator assumptions (the data holds no figures for these)</h2>
 * <ul>
 * <li><b>Absence</b>: a share of sittings ({@link #DEFAULT_ABSENT_SHARE} by default, a constructor
 *     option) is ABSENT, with no score. The statistics count only candidates who sat.</li>
 * <li>Rounds of one qualification are equally likely; a 과락 FAIL is drawn for
 *     {@value Scores#CUT_FAIL_PERCENT} % of FAILs of criteria with a subject minimum.</li>
 * <li>Teenagers sit only CRAFTSMAN and SERVICE exams (others redraw among 40–69); PROFESSIONAL_ENGINEER
 *     and MASTER_CRAFTSMAN candidates drawn in their twenties are moved to their thirties (both keep
 *     the 20–39 share).</li>
 * <li>Second-stage sittings: {@value CandidateBackground#SAME_CYCLE_PERCENT} % passed the written
 *     exam of the same round; the others between two weeks and ~2.2 years
 *     ({@value CandidateBackground#MAX_WRITTEN_PASS_AGE_DAYS} days) before the exam, so some
 *     exemptions are EXPIRING or EXPIRED by {@code asOf}.</li>
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

    private static final int ID_WIDTH = 7;

    private final double absentShare;
    private final int statisticsYear;
    private final CohortQualification[] qualifications;
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
                .flatMap(q -> java.util.stream.Stream.concat(
                        q.writtenStatistics().stream(), q.secondStageStatistics().stream()))
                .mapToInt(YearlyPassRate::year)
                .max()
                .orElseThrow(() -> new IllegalArgumentException(
                        "No qualification of the reference data has a grade and statistics."));
        List<CohortQualification> list = new ArrayList<>();
        for (Qualification q : catalogue.all()) {
            CohortQualification d = q.grade() == null ? null : CohortQualification.of(q, parameters, statisticsYear);
            if (d != null) {
                list.add(d);
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("No qualification has applicants in " + statisticsYear + ".");
        }
        this.qualifications = list.toArray(new CohortQualification[0]);
        this.cumulativeWeight = new long[qualifications.length];
        long sum = 0;
        for (int i = 0; i < qualifications.length; i++) {
            sum += qualifications[i].weight;
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
                String id = "C"
                        + "0".repeat(Math.max(0, width - Integer.toString(next).length())) + next;
                next++;
                return draw(root.split(), id);
            }
        };
    }

    /** Draws one request from its own random stream. */
    FeedbackRequest draw(SplittableRandom r, String candidateId) {
        CohortQualification q = pickQualification(r);
        Grade grade = q.grade;
        boolean written = r.nextDouble() < q.writtenShare;
        Stage stage = written ? Stage.WRITTEN : grade.secondStage();
        ExamResult result = r.nextDouble() < absentShare
                ? ExamResult.ABSENT
                : r.nextDouble() * 100 < (written ? q.writtenPassRate : q.secondPassRate)
                        ? ExamResult.PASS
                        : ExamResult.FAIL;

        Sitting sitting = written
                ? q.writtenSittings[r.nextInt(q.writtenSittings.length)]
                : q.secondSittings[r.nextInt(q.secondSittings.length)];
        long span = ChronoUnit.DAYS.between(sitting.examFrom(), sitting.examTo());
        LocalDate examDate = span <= 0 ? sitting.examFrom() : sitting.examFrom().plusDays(r.nextInt((int) span + 1));
        LocalDate announcedOn = sitting.announcedOn();

        Scores scores = Scores.draw(
                r,
                result,
                written ? q.writtenSubjects : List.of(),
                written ? q.writtenCriterion : q.secondCriterion,
                written ? q.writtenWholePaper : q.secondWholePaper);
        ExamSitting exam = new ExamSitting(
                sitting.round(), stage, examDate, announcedOn, result, scores.total(), scores.subjects());

        LocalDate birthDate = CandidateBackground.birthDate(r, grade, announcedOn);
        LocalDate writtenPass = written ? null : CandidateBackground.writtenPassAnnouncedOn(r, sitting, examDate);
        DocumentStatus documents =
                written && result == ExamResult.PASS && q.documentsRequired ? CandidateBackground.documents(r) : null;
        CandidateInfo candidate = new CandidateInfo(birthDate, writtenPass, documents, null, List.of());
        return new FeedbackRequest(
                candidateId, announcedOn, new QualificationRef(q.code, q.name, grade), exam, candidate);
    }

    private CohortQualification pickQualification(SplittableRandom r) {
        long ticket = r.nextLong(cumulativeWeight[cumulativeWeight.length - 1]);
        int at = Arrays.binarySearch(cumulativeWeight, ticket);
        // the first index whose cumulative weight exceeds the ticket
        int index = at >= 0 ? at + 1 : -at - 1;
        return qualifications[index];
    }
}

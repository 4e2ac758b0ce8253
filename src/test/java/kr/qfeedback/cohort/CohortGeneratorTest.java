package kr.qfeedback.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import kr.qfeedback.decision.ScoreFacts;
import kr.qfeedback.feedback.ConsistencyCheck;
import kr.qfeedback.feedback.DocumentStatus;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.PassCriterion;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceCatalogue;
import kr.qfeedback.reference.YearlyPassRate;
import kr.qfeedback.rules.ShippedParameters;
import kr.qfeedback.wire.FeedbackRequestParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortGeneratorTest {
    private static final Path REFERENCE = Path.of("rules", "reference");
    private static final int MIX_SIZE = 20_000;
    private static ReferenceCatalogue catalogue;
    private static List<FeedbackRequest> cohort;

    @BeforeAll
    static void drawOneCohort() {
        catalogue = ReferenceCatalogue.load(REFERENCE);
        cohort = draw(new CohortGenerator(catalogue, ShippedParameters.get()), 42, MIX_SIZE);
    }

    private static List<FeedbackRequest> draw(CohortGenerator generator, long seed, int size) {
        List<FeedbackRequest> list = new ArrayList<>(size);
        generator.requests(seed, size).forEachRemaining(list::add);
        return list;
    }

    private static Qualification qualification(FeedbackRequest r) {
        return catalogue.find(r.qualification().code()).orElseThrow();
    }

    @Test
    void theSameSeedGivesAByteIdenticalFileAndAnotherSeedADifferentOne(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.ndjson");
        Path again = dir.resolve("again.ndjson");
        Path other = dir.resolve("other.ndjson");
        CohortGenerator.write(catalogue, ShippedParameters.get(), 7, 3000, first);
        CohortGenerator.write(catalogue, ShippedParameters.get(), 7, 3000, again);
        CohortGenerator.write(catalogue, ShippedParameters.get(), 8, 3000, other);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(again));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(other)));
        assertEquals(3000, Files.readAllLines(first, StandardCharsets.UTF_8).size());
    }

    @Test
    void aSmallerCohortWithTheSameSeedIsAPrefixOfALargerOne() {
        CohortGenerator generator = new CohortGenerator(catalogue, ShippedParameters.get());
        List<FeedbackRequest> small = draw(generator, 42, 100);
        for (int i = 0; i < small.size(); i++) {
            assertEquals(small.get(i), cohort.get(i));
        }
    }

    @Test
    void theListForImpactReportsHoldsTheSameRequestsAsTheStream() {
        assertEquals(cohort.subList(0, 300), CohortGenerator.list(catalogue, ShippedParameters.get(), 42, 300));
        assertEquals(List.of(), CohortGenerator.list(catalogue, ShippedParameters.get(), 42, 0));
    }

    @Test
    void everyGeneratedRequestParsesBackUnchangedAndPassesTheConsistencyCheck(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cohort.ndjson");
        new CohortGenerator(catalogue, ShippedParameters.get()).write(42, 5000, file);
        FeedbackRequestParser parser =
                new FeedbackRequestParser(Clock.fixed(java.time.Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC));
        Iterator<FeedbackRequest> expected = cohort.iterator();
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                FeedbackRequest parsed = parser.parse(Buffer.buffer(line));
                assertEquals(expected.next(), parsed, line);
                Grade known = qualification(parsed).grade();
                assertEquals(java.util.Optional.empty(), ConsistencyCheck.check(parsed, known), line);
            });
        }
    }

    @Test
    void candidateIdsAreCAndTheZeroPaddedIndex() {
        assertEquals("C0000001", cohort.get(0).candidateId());
        assertEquals("C0020000", cohort.get(MIX_SIZE - 1).candidateId());
        assertEquals(
                MIX_SIZE,
                cohort.stream().map(FeedbackRequest::candidateId).distinct().count());
    }

    @Test
    void qualificationsAreDrawnInProportionToTheirApplicantsOfTheLatestYear() {
        int year = new CohortGenerator(catalogue, ShippedParameters.get()).statisticsYear();
        assertEquals(2025, year);
        long total = 0;
        for (Qualification q : catalogue.all()) {
            if (q.grade() != null) {
                total += applicants(q.writtenStatistics(), year) + applicants(q.secondStageStatistics(), year);
            }
        }
        Qualification q1320 = catalogue.find("1320").orElseThrow();
        double expected =
                (applicants(q1320.writtenStatistics(), year) + applicants(q1320.secondStageStatistics(), year))
                        * 100.0
                        / total;
        double actual = cohort.stream()
                        .filter(r -> r.qualification().code().equals("1320"))
                        .count()
                * 100.0
                / MIX_SIZE;
        assertEquals(expected, actual, 1.0, "share of 1320 정보처리기사 in %");
        assertTrue(cohort.stream()
                .allMatch(r -> qualification(r).grade() == r.qualification().grade()));
        assertTrue(cohort.stream()
                .allMatch(r -> r.qualification().name().equals(qualification(r).name())));
    }

    private static long applicants(List<YearlyPassRate> statistics, int year) {
        return statistics.stream()
                .filter(y -> y.year() == year)
                .mapToLong(YearlyPassRate::applicants)
                .sum();
    }

    @Test
    void theWrittenPassShareOf1320FollowsItsLatestPassRate() {
        Qualification q1320 = catalogue.find("1320").orElseThrow();
        double passRate = q1320.writtenStatistics().stream()
                .filter(y -> y.year() == 2025)
                .findFirst()
                .orElseThrow()
                .passRate();
        List<FeedbackRequest> sat = cohort.stream()
                .filter(r -> r.qualification().code().equals("1320")
                        && r.exam().stage() == Stage.WRITTEN
                        && r.exam().result() != ExamResult.ABSENT)
                .toList();
        assertTrue(sat.size() > 300, "enough 1320 written sittings: " + sat.size());
        double passes =
                sat.stream().filter(r -> r.exam().result() == ExamResult.PASS).count() * 100.0 / sat.size();
        assertEquals(passRate, passes, 4.0, "1320 written pass share in %");
    }

    @Test
    void stagesFollowTheRatioOfWrittenToSecondStageApplicantsAndProfessionalEngineersHaveInterviews() {
        Qualification q1320 = catalogue.find("1320").orElseThrow();
        double written = applicants(q1320.writtenStatistics(), 2025);
        double expected = written * 100 / (written + applicants(q1320.secondStageStatistics(), 2025));
        List<FeedbackRequest> of1320 = cohort.stream()
                .filter(r -> r.qualification().code().equals("1320"))
                .toList();
        double actual =
                of1320.stream().filter(r -> r.exam().stage() == Stage.WRITTEN).count() * 100.0 / of1320.size();
        assertEquals(expected, actual, 4.0, "1320 written share in %");
        for (FeedbackRequest r : cohort) {
            Stage stage = r.exam().stage();
            assertTrue(
                    stage == Stage.WRITTEN || stage == r.qualification().grade().secondStage(), r.toString());
        }
        assertTrue(cohort.stream().anyMatch(r -> r.exam().stage() == Stage.INTERVIEW));
    }

    @Test
    void ageTwentyToThirtyNineIsBetween52And55PercentAsTheDomainNotesSay() {
        long young =
                cohort.stream().map(this::age).filter(a -> a >= 20 && a <= 39).count();
        double share = young * 100.0 / MIX_SIZE;
        assertTrue(share >= 50 && share <= 58, "20–39 share " + share + " %");
        assertTrue(cohort.stream().map(this::age).allMatch(a -> a >= 15 && a <= 69));
        assertTrue(cohort.stream().anyMatch(r -> age(r) < 20) && cohort.stream().anyMatch(r -> age(r) >= 60));
        assertTrue(cohort.stream()
                .filter(r -> age(r) < 20)
                .allMatch(r -> r.qualification().grade() == Grade.CRAFTSMAN
                        || r.qualification().grade() == Grade.SERVICE));
    }

    private int age(FeedbackRequest r) {
        return Period.between(r.candidate().birthDate(), r.asOf()).getYears();
    }

    @Test
    void theAssumedAbsentShareIsAnOptionAndDefaultsToFivePercent() {
        double absent = cohort.stream()
                        .filter(r -> r.exam().result() == ExamResult.ABSENT)
                        .count()
                * 100.0
                / MIX_SIZE;
        assertEquals(CohortGenerator.DEFAULT_ABSENT_SHARE * 100, absent, 1.0);
        List<FeedbackRequest> many = draw(new CohortGenerator(catalogue, ShippedParameters.get(), 0.2), 42, 5000);
        double share = many.stream()
                        .filter(r -> r.exam().result() == ExamResult.ABSENT)
                        .count()
                * 100.0
                / many.size();
        assertEquals(20, share, 2.0);
        assertTrue(draw(new CohortGenerator(catalogue, ShippedParameters.get(), 0), 42, 2000).stream()
                .noneMatch(r -> r.exam().result() == ExamResult.ABSENT));
        assertThrows(
                IllegalArgumentException.class, () -> new CohortGenerator(catalogue, ShippedParameters.get(), 1.0));
        assertThrows(
                IllegalArgumentException.class, () -> new CohortGenerator(catalogue, ShippedParameters.get(), -0.1));
    }

    @Test
    void scoresHaveOneDecimalAndAgreeWithTheResultUnderTheCriterionTheDeciderApplies() {
        int cutFails = 0;
        int averageFails = 0;
        for (FeedbackRequest r : cohort) {
            var exam = r.exam();
            if (exam.result() == ExamResult.ABSENT) {
                assertNull(exam.totalScore());
                assertTrue(exam.subjects().isEmpty());
                continue;
            }
            assertOneDecimal(exam.totalScore());
            exam.subjects().forEach(s -> assertOneDecimal(s.score()));
            Qualification q = qualification(r);
            Grade grade = r.qualification().grade();
            PassCriterion criterion = ShippedParameters.get()
                    .criterion(q.code(), grade, exam.stage().isSecond());
            ScoreFacts facts = ScoreFacts.of(
                    exam.totalScore(),
                    exam.subjects(),
                    criterion,
                    ShippedParameters.get()
                            .judgedOnWholePaper(grade, exam.stage().isSecond()));
            assertEquals(exam.result() == ExamResult.PASS, facts.meetsCriterion(), r.toString());
            if (exam.stage() == Stage.WRITTEN) {
                assertEquals(
                        q.writtenSubjects(),
                        exam.subjects().stream().map(SubjectScore::name).toList());
            } else {
                assertTrue(exam.subjects().isEmpty());
            }
            if (exam.result() == ExamResult.FAIL
                    && !facts.subjectsBelowMinimum().isEmpty()) {
                cutFails++;
            } else if (exam.result() == ExamResult.FAIL) {
                averageFails++;
            }
        }
        assertTrue(cutFails > 100, "FAILs by a subject under the minimum (과락): " + cutFails);
        assertTrue(averageFails > cutFails, "FAILs by the average: " + averageFails);
    }

    private static void assertOneDecimal(Double score) {
        assertNotNull(score);
        assertTrue(score >= 0 && score <= 100, "score " + score);
        assertTrue(new BigDecimal(score.toString()).stripTrailingZeros().scale() <= 1, "one decimal place: " + score);
    }

    @Test
    void datesComeFromThe2026RoundsOfTheQualificationAndAsOfIsTheAnnouncementDay() {
        Set<String> writtenOf1320 =
                Set.of("2026-1 2026-01-30 2026-03-11", "2026-2 2026-05-09 2026-06-10", "2026-3 2026-08-07 2026-09-09");
        for (FeedbackRequest r : cohort) {
            var exam = r.exam();
            assertEquals(exam.announcedOn(), r.asOf());
            assertEquals(2026, exam.examDate().getYear());
            assertFalse(exam.announcedOn().isBefore(exam.examDate()));
            assertTrue(exam.round().matches("2026-\\d+"), exam.round());
            if (r.qualification().code().equals("1320") && exam.stage() == Stage.WRITTEN) {
                assertTrue(
                        writtenOf1320.contains(exam.round() + " " + exam.examDate() + " " + exam.announcedOn()),
                        r.toString());
            }
            if (r.qualification().code().equals("1320")
                    && exam.stage() == Stage.PRACTICAL
                    && exam.round().equals("2026-1")) {
                assertFalse(exam.examDate().isBefore(LocalDate.parse("2026-04-18")));
                assertFalse(exam.examDate().isAfter(LocalDate.parse("2026-05-06")));
                assertEquals(LocalDate.parse("2026-06-05"), exam.announcedOn());
            }
        }
    }

    @Test
    void secondStageSittingsCarryAWrittenPassOfTheLastTwoYearsSomeOfThemExpiringOrExpired() {
        int expired = 0;
        int expiring = 0;
        for (FeedbackRequest r : cohort) {
            LocalDate writtenPass = r.candidate().writtenPassAnnouncedOn();
            if (r.exam().stage() == Stage.WRITTEN) {
                assertNull(writtenPass);
                continue;
            }
            assertNotNull(writtenPass);
            long before = ChronoUnit.DAYS.between(writtenPass, r.exam().examDate());
            assertTrue(before >= 0 && before <= CandidateBackground.MAX_WRITTEN_PASS_AGE_DAYS, r.toString());
            long remaining =
                    ChronoUnit.DAYS.between(r.asOf(), writtenPass.plusYears(2).minusDays(1));
            if (remaining < 0) {
                expired++;
            } else if (remaining <= 90) {
                expiring++;
            }
        }
        assertTrue(expired > 100, "expired: " + expired);
        assertTrue(expiring > 100, "expiring: " + expiring);
    }

    @Test
    void onlyWrittenPassesOfGradesThatNeedThemStateEligibilityDocuments() {
        Set<Grade> needing =
                Set.of(Grade.PROFESSIONAL_ENGINEER, Grade.MASTER_CRAFTSMAN, Grade.ENGINEER, Grade.INDUSTRIAL_ENGINEER);
        int stated = 0;
        for (FeedbackRequest r : cohort) {
            DocumentStatus documents = r.candidate().eligibilityDocuments();
            boolean writtenPass = r.exam().stage() == Stage.WRITTEN && r.exam().result() == ExamResult.PASS;
            if (writtenPass && needing.contains(r.qualification().grade())) {
                assertNotNull(documents, r.toString());
                stated++;
            } else if (documents != null) {
                assertTrue(writtenPass && r.qualification().grade() == Grade.SERVICE, r.toString());
            }
        }
        assertTrue(stated > 500, "written passes with documents: " + stated);
        assertTrue(cohort.stream().anyMatch(r -> r.candidate().eligibilityDocuments() == DocumentStatus.NOT_SUBMITTED));
    }
}

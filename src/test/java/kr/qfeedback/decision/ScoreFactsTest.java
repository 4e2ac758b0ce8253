package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.PassCriterion;
import org.junit.jupiter.api.Test;

class ScoreFactsTest {
    private static final PassCriterion ENGINEER_WRITTEN = new PassCriterion(40, 60);
    private static final PassCriterion OVERALL_60 = new PassCriterion(null, 60);

    @Test
    void theAverageIsTheMeanOfTheSubjectsRoundedToTwoDecimals() {
        ScoreFacts facts = ScoreFacts.of(
                63.3,
                List.of(new SubjectScore("A", 70), new SubjectScore("B", 60), new SubjectScore("C", 60)),
                ENGINEER_WRITTEN,
                false);
        assertEquals(63.33, facts.average());
        assertEquals(0.0, facts.shortfall());
        assertTrue(facts.meetsCriterion());
    }

    @Test
    void theMeanHasTheSameBitsAsTheStreamsCompensatedAverage() {
        SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 200_000; i++) {
            int n = 1 + random.nextInt(i % 10 == 0 ? 40 : 8);
            List<SubjectScore> subjects = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                double score = switch (i % 3) {
                    case 0 -> random.nextInt(10_001) / 100.0; // scores as requests give them, in hundredths
                    case 1 -> random.nextInt(1_001) / 10.0;
                    default -> random.nextDouble() * Math.pow(10, random.nextInt(-3, 8)); // anything else
                };
                subjects.add(new SubjectScore("S" + j, score));
            }
            double expected =
                    subjects.stream().mapToDouble(SubjectScore::score).average().orElseThrow();
            assertEquals(
                    Double.doubleToLongBits(expected),
                    Double.doubleToLongBits(ScoreFacts.average(subjects)),
                    subjects::toString);
        }
    }

    @Test
    void withoutSubjectsTheTotalScoreIsTheAverage() {
        ScoreFacts facts = ScoreFacts.of(55.5, List.of(), OVERALL_60, true);
        assertEquals(55.5, facts.average());
        assertEquals(4.5, facts.shortfall());
        assertNull(facts.lowestSubjectScore());
        assertFalse(facts.meetsCriterion());
    }

    @Test
    void aSubjectUnderTheSubjectMinimumFailsTheCriterionWhateverTheAverage() {
        ScoreFacts facts = ScoreFacts.of(
                72.0,
                List.of(new SubjectScore("A", 95), new SubjectScore("B", 39.9), new SubjectScore("C", 81)),
                ENGINEER_WRITTEN,
                false);
        assertEquals(List.of("B"), facts.subjectsBelowMinimum());
        assertEquals(0.0, facts.shortfall());
        assertFalse(facts.meetsCriterion());
        assertEquals(39.9, facts.lowestSubjectScore());
    }

    @Test
    void exactlyTheSubjectMinimumIsNotACutOff() {
        ScoreFacts facts = ScoreFacts.of(
                60.0, List.of(new SubjectScore("A", 40), new SubjectScore("B", 80)), ENGINEER_WRITTEN, false);
        assertTrue(facts.subjectsBelowMinimum().isEmpty());
        assertTrue(facts.meetsCriterion());
    }

    @Test
    void weakestSubjectsComeFirstAndTiesKeepTheRequestOrder() {
        ScoreFacts facts = ScoreFacts.of(
                60.0,
                List.of(
                        new SubjectScore("A", 70),
                        new SubjectScore("B", 50),
                        new SubjectScore("C", 70),
                        new SubjectScore("D", 50)),
                ENGINEER_WRITTEN,
                false);
        assertEquals(List.of("B", "D", "A", "C"), facts.weakestFirst());
    }

    @Test
    void anAbsenceHasNoAverageAndNoShortfall() {
        ScoreFacts facts = ScoreFacts.of(null, List.of(), OVERALL_60, true);
        assertNull(facts.average());
        assertNull(facts.shortfall());
        assertFalse(facts.meetsCriterion());
    }

    @Test
    void theMeanIsComparedAtFullPrecisionSoAHairUnderTheMinimumFails() {
        List<SubjectScore> subjects = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            subjects.add(new SubjectScore("S" + i, 60));
        }
        subjects.add(new SubjectScore("S20", 59.9)); // mean 59.99523…, which rounds to 60.00
        ScoreFacts facts = ScoreFacts.of(60.0, subjects, ENGINEER_WRITTEN, false);
        assertFalse(facts.meetsCriterion(), "59.995 is under 60");
        assertTrue(facts.average() < 60, "the shown average never reaches a minimum it missed: " + facts.average());
        assertEquals(0.01, facts.shortfall());
    }

    @Test
    void aWholePaperGradeIsJudgedOnItsTotalNotOnTheMeanOfItsSubjects() {
        List<SubjectScore> parts = List.of(new SubjectScore("A", 90), new SubjectScore("B", 50));
        ScoreFacts onTotal = ScoreFacts.of(58.0, parts, OVERALL_60, true);
        assertFalse(onTotal.meetsCriterion(), "the paper scored 58 out of 100 although its parts average 70");
        assertEquals(58.0, onTotal.average());
        assertEquals(2.0, onTotal.shortfall());
        assertTrue(ScoreFacts.of(60.0, parts, OVERALL_60, true).meetsCriterion());
    }

    @Test
    void fiveSubjectsAllAtSeventyMeetTheEngineerCriterion() {
        List<SubjectScore> subjects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            subjects.add(new SubjectScore("S" + i, 70));
        }
        ScoreFacts facts = ScoreFacts.of(70.0, subjects, ENGINEER_WRITTEN, false);
        assertTrue(facts.meetsCriterion());
        assertEquals(0.0, facts.shortfall());
    }
}

package kr.qfeedback.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kr.qfeedback.feedback.SubjectScore;
import kr.qfeedback.reference.PassCriterion;
import org.junit.jupiter.api.Test;

class ScoreFactsTest {
    private static final PassCriterion ENGINEER_WRITTEN = new PassCriterion(40, 60);
    private static final PassCriterion OVERALL_60 = new PassCriterion(null, 60);

    @Test
    void theAverageIsTheMeanOfTheSubjectsRoundedToTwoDecimals() {
        ScoreFacts facts = ScoreFacts.of(63.3, List.of(new SubjectScore("A", 70), new SubjectScore("B", 60), new SubjectScore("C", 60)),
                ENGINEER_WRITTEN);
        assertEquals(63.33, facts.average());
        assertEquals(0.0, facts.shortfall());
        assertTrue(facts.meetsCriterion());
    }

    @Test
    void withoutSubjectsTheTotalScoreIsTheAverage() {
        ScoreFacts facts = ScoreFacts.of(55.5, List.of(), OVERALL_60);
        assertEquals(55.5, facts.average());
        assertEquals(4.5, facts.shortfall());
        assertNull(facts.lowestSubjectScore());
        assertFalse(facts.meetsCriterion());
    }

    @Test
    void aSubjectUnderTheSubjectMinimumFailsTheCriterionWhateverTheAverage() {
        ScoreFacts facts = ScoreFacts.of(72.0, List.of(new SubjectScore("A", 95), new SubjectScore("B", 39.9), new SubjectScore("C", 81)),
                ENGINEER_WRITTEN);
        assertEquals(List.of("B"), facts.subjectsBelowMinimum());
        assertEquals(0.0, facts.shortfall());
        assertFalse(facts.meetsCriterion());
        assertEquals(39.9, facts.lowestSubjectScore());
    }

    @Test
    void exactlyTheSubjectMinimumIsNotACutOff() {
        ScoreFacts facts = ScoreFacts.of(60.0, List.of(new SubjectScore("A", 40), new SubjectScore("B", 80)), ENGINEER_WRITTEN);
        assertTrue(facts.subjectsBelowMinimum().isEmpty());
        assertTrue(facts.meetsCriterion());
    }

    @Test
    void weakestSubjectsComeFirstAndTiesKeepTheRequestOrder() {
        ScoreFacts facts = ScoreFacts.of(60.0, List.of(new SubjectScore("A", 70), new SubjectScore("B", 50),
                new SubjectScore("C", 70), new SubjectScore("D", 50)), ENGINEER_WRITTEN);
        assertEquals(List.of("B", "D", "A", "C"), facts.weakestFirst());
    }

    @Test
    void anAbsenceHasNoAverageAndNoShortfall() {
        ScoreFacts facts = ScoreFacts.of(null, List.of(), OVERALL_60);
        assertNull(facts.average());
        assertNull(facts.shortfall());
        assertFalse(facts.meetsCriterion());
    }
}

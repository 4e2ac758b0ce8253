package kr.qfeedback.reference.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NonPublicRoundsTest {

    @Test
    void recognisesTheHighSchoolExemptionRoundOfTheSnapshot() {
        assertTrue(NonPublicRounds.isNonPublic("2026년 정기 기능사 산업별 맞춤형 고교등 필기면제검정"));
    }

    @Test
    void recognisesEitherPhraseAloneAndIgnoresSpacing() {
        assertTrue(NonPublicRounds.isNonPublic("2027년 산업별맞춤형 검정"));
        assertTrue(NonPublicRounds.isNonPublic("고교등  필기면제검정 (특별)"));
    }

    @Test
    void keepsOrdinaryRoundsOpenToThePublic() {
        assertFalse(NonPublicRounds.isNonPublic("제3회"));
        assertFalse(NonPublicRounds.isNonPublic("2026년 상시 기능사"));
        assertFalse(NonPublicRounds.isNonPublic(null));
    }
}

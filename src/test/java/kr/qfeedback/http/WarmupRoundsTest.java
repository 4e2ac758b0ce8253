package kr.qfeedback.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the warm-up stops: after the first round that no longer halves the CPU per decision. */
class WarmupRoundsTest {

    @Test
    void theFirstRoundIsAlwaysRun() {
        assertTrue(new WarmupRounds().worthAnother());
    }

    @Test
    void roundsGoOnWhileEachHalvesTheBestCostSoFarAndStopAfterTheFirstThatDoesNot() {
        WarmupRounds rounds = new WarmupRounds();
        rounds.record(2_000 * 280_000L, 2_000); // the interpreter and class loading
        assertTrue(rounds.worthAnother(), "one round says nothing about the next");
        rounds.record(2_000 * 45_000L, 2_000); // C1 code: a sixth of the first round
        assertTrue(rounds.worthAnother(), "the last round paid");
        rounds.record(2_000 * 30_000L, 2_000); // a third less: the JIT's refinement
        assertFalse(rounds.worthAnother(), "a third less is not worth holding readiness back for");
        assertEquals("280, 45, 30", rounds.curve(), "CPU µs per decision by round, for the log");
    }

    @Test
    void aSlowerRoundAfterAFastOneStopsTheWarmup() {
        WarmupRounds rounds = new WarmupRounds();
        rounds.record(2_000 * 300_000L, 2_000);
        rounds.record(2_000 * 40_000L, 2_000);
        rounds.record(2_000 * 55_000L, 2_000); // the machine's other load, or a deoptimisation
        assertFalse(rounds.worthAnother());
    }

    @Test
    void anEmptyRoundDoesNotDivideByZero() {
        WarmupRounds rounds = new WarmupRounds();
        rounds.record(1_000_000L, 0);
        assertEquals("1000", rounds.curve());
    }
}

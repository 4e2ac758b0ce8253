package kr.qfeedback.acceptance;

import java.util.Objects;

/**
 * The few assertions the acceptance steps need. They live in the service (not only in tests)
 * because publishing runs the same scenarios as its gate; a failed expectation is an
 * {@link AssertionError}, which Cucumber reports as a failed step.
 */
final class Expect {

    private Expect() {}

    static void assertEquals(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(what + " ==> 기대: <" + expected + "> 실제: <" + actual + ">");
        }
    }

    static void assertTrue(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    static void assertFalse(boolean condition, String message) {
        assertTrue(!condition, message);
    }

    static void assertNotNull(Object value, String message) {
        assertTrue(value != null, message);
    }

    static <T> T fail(String message) {
        throw new AssertionError(message);
    }
}

package kr.qfeedback.reference.importer;

import java.util.List;

/**
 * Recognises rounds of the schedule that are not open to the public, such as
 * "2026년 정기 기능사 산업별 맞춤형 고교등 필기면제검정" (for students of designated high schools).
 * Source: docs/domain.md, "Written-exam exemption": such rounds are never offered or counted for
 * general candidates, so the import leaves them out of a qualification's rounds and lists them in
 * the import report.
 */
final class NonPublicRounds {

    /** Phrases of a round label that mark a round held only for a designated group. */
    static final List<String> LABEL_PHRASES = List.of("산업별 맞춤형", "고교등 필기면제검정");

    private NonPublicRounds() {}

    /** True when {@code label} names a round that general candidates cannot sit. */
    static boolean isNonPublic(String label) {
        if (label == null) {
            return false;
        }
        String unspaced = label.replaceAll("\\s+", "");
        for (String phrase : LABEL_PHRASES) {
            if (unspaced.contains(phrase.replace(" ", ""))) {
                return true;
            }
        }
        return false;
    }
}

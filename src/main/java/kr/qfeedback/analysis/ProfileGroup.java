package kr.qfeedback.analysis;

import kr.qfeedback.rules.model.Profile;

/**
 * Profiles the rules cannot tell apart: the first one, evaluated for all of them, and how many
 * there are (counted while the space is enumerated).
 */
final class ProfileGroup {
    final Profile example;
    int count;

    ProfileGroup(Profile example) {
        this.example = example;
    }
}

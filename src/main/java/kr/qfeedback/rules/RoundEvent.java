package kr.qfeedback.rules;

/** Which date of a practical (or interview) round must fall inside the exemption window for it to count. */
public enum RoundEvent {
    REGISTRATION_START,
    EXAM_START
}

package kr.qfeedback.rules;

/** Which stage a section's data is about: the stage of this exam, or the stage after it. */
public enum DataStage {
    SAME,
    NEXT
}

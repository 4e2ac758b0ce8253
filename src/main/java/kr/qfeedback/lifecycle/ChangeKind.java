package kr.qfeedback.lifecycle;

/** How a file differs between two versions. */
public enum ChangeKind {
    ADDED,
    REMOVED,
    CHANGED
}

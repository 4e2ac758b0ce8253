package kr.qfeedback.feedback;

/** How a section is emphasised on the page. */
public enum Tone {
    SUCCESS,
    FAILURE,
    WARNING,
    INFO
}

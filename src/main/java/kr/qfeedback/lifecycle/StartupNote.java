package kr.qfeedback.lifecycle;

import java.nio.charset.StandardCharsets;
import kr.qfeedback.rules.RuleFiles;

/**
 * The audit note of a version applied from the rules folder at start-up, with the reason staff
 * wrote in the folder's change note when there is one.
 */
final class StartupNote {
    /** The file of a rules folder in which staff state why this version changes what it changes. */
    static final String CHANGE_NOTE = "변경_사유.md";

    private static final int NOTE_LIMIT = 4000;

    private StartupNote() {}

    /**
     * The fixed sentence, then the reason staff wrote in {@link #CHANGE_NOTE} when the folder has one
     * (cut at {@value #NOTE_LIMIT} characters).
     */
    static String of(RuleFiles files) {
        String note = "시작할 때 규칙 폴더에서 적용";
        byte[] reason = files.files().get(CHANGE_NOTE);
        if (reason == null) {
            return note;
        }
        String text = new String(reason, StandardCharsets.UTF_8).strip();
        if (text.length() > NOTE_LIMIT) {
            text = text.substring(0, NOTE_LIMIT) + " …";
        }
        return text.isEmpty() ? note : note + ". 변경 사유(" + CHANGE_NOTE + "):\n" + text;
    }
}

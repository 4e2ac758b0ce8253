package kr.qfeedback.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.qfeedback.rules.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupNoteTest {

    @Test
    void aFolderWithoutAChangeNoteIsNotedWithTheFixedSentence(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("parameters.yaml"), "x: 1");
        assertEquals("시작할 때 규칙 폴더에서 적용", StartupNote.of(RuleFiles.read(dir)));
    }

    @Test
    void theReasonStaffWroteInTheChangeNoteGoesIntoTheAuditNote(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(StartupNote.CHANGE_NOTE), "\n청년 할인 기준을 출생일로 바꿈(사업 공고)\n", StandardCharsets.UTF_8);
        String note = StartupNote.of(RuleFiles.read(dir));
        assertTrue(note.startsWith("시작할 때 규칙 폴더에서 적용. 변경 사유(변경_사유.md):\n"), note);
        assertTrue(note.endsWith("청년 할인 기준을 출생일로 바꿈(사업 공고)"), note);
    }

    @Test
    void theShippedRulesFolderStatesWhyThisVersionChanged() {
        String note = StartupNote.of(RuleFiles.read(Path.of("rules")));
        assertTrue(note.contains("민법 160조") && note.contains("시행규칙 14조") && note.contains("시행령 20조"), note);
    }
}

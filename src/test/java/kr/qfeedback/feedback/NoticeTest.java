package kr.qfeedback.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeTest {

    @Test
    void aNoticeOfTemplatePiecesReadsAndEqualsAsOneMadeFromItsString() {
        Text message = Text.of(List.of("정보처리기사", new Text.Fixed(" 시험 일정이 없어 다음 일정 안내를 생략했습니다.")));
        Notice filled = new Notice("NO_SCHEDULE", message);
        Notice plain = new Notice("NO_SCHEDULE", "정보처리기사 시험 일정이 없어 다음 일정 안내를 생략했습니다.");
        assertEquals("정보처리기사 시험 일정이 없어 다음 일정 안내를 생략했습니다.", filled.message());
        assertEquals(plain, filled);
        assertEquals(plain.hashCode(), filled.hashCode());
        assertEquals("Notice[code=NO_SCHEDULE, message=정보처리기사 시험 일정이 없어 다음 일정 안내를 생략했습니다.]", filled.toString());
    }
}

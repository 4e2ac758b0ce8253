package kr.qfeedback.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void aTextReadsAsItsPiecesJoinedAndEqualsAnyTextThatReadsTheSame() {
        Text.Fixed before = new Text.Fixed("필기 합격 후 ");
        Text.Fixed after = new Text.Fixed("까지 필기가 면제됩니다.");
        Text filled = Text.of(List.of(before, "2028-03-10", after));
        assertEquals("필기 합격 후 2028-03-10까지 필기가 면제됩니다.", filled.toString());
        assertSame(filled.toString(), filled.toString(), "joined once");
        assertEquals(Text.of("필기 합격 후 2028-03-10까지 필기가 면제됩니다."), filled);
        assertEquals(Text.of("필기 합격 후 2028-03-10까지 필기가 면제됩니다.").hashCode(), filled.hashCode());
        assertNotEquals(Text.of(List.of(before, "2028-03-11", after)), filled);
        assertEquals(3, filled.parts());
        assertSame(before, filled.part(0));
        assertEquals("2028-03-10", filled.part(1));
    }

    @Test
    void aSharedFilledTextIsOneFixedPieceThatReadsAsItsString() {
        Text shared = Text.fixed("[정보처리기사 ]2027년 제1회 실기시험 원서접수 시작(2027.03.02)");
        assertEquals(1, shared.parts());
        Text.Fixed piece = (Text.Fixed) shared.part(0);
        assertEquals(shared.toString(), piece.text());
        assertEquals(Text.of("[정보처리기사 ]2027년 제1회 실기시험 원서접수 시작(2027.03.02)"), shared);
        assertNull(Text.fixed(null));
    }

    @Test
    void theListOfPiecesIsCopiedAndHoldsOnlyFixedPiecesAndStrings() {
        List<Object> parts = new ArrayList<>(List.of(new Text.Fixed("a"), "b"));
        Text text = Text.of(parts);
        parts.add("c");
        assertEquals("ab", text.toString());
        assertThrows(IllegalArgumentException.class, () -> Text.of(List.of(1)));
        assertNull(Text.of((String) null));
    }

    @Test
    void aTextMadeOfAnArrayHandedOverReadsAsTheFirstPartsOfIt() {
        Text.Fixed piece = new Text.Fixed("합격률 ");
        Object[] whole = {piece, "44.5", new Text.Fixed("%")};
        assertEquals("합격률 44.5%", Text.ofOwn(whole, 3).toString());
        Object[] longer = {piece, "44.5", null};
        Text first = Text.ofOwn(longer, 2);
        assertEquals("합격률 44.5", first.toString());
        assertEquals(2, first.parts());
        assertThrows(IllegalArgumentException.class, () -> Text.ofOwn(new Object[] {1}, 1));
    }

    @Test
    void aFixedPieceKeepsTheFormAWriterMadeOfIt() {
        Text.Fixed piece = new Text.Fixed("다음 일정");
        assertNull(piece.writtenForm());
        byte[] form = {1, 2, 3};
        piece.keepWrittenForm(form);
        assertSame(form, piece.writtenForm());
    }

    @Test
    void aSectionReadsItsTitleAndBodyAsStringsAndEqualsOneMadeFromStrings() {
        Section fromTexts = new Section(
                SectionId.WRITTEN_EXEMPTION,
                1,
                Tone.INFO,
                Text.of(List.of(new Text.Fixed("제"), "목")),
                Text.of(List.of("본", new Text.Fixed("문"))),
                java.util.Map.of(),
                List.of());
        Section fromStrings =
                new Section(SectionId.WRITTEN_EXEMPTION, 1, Tone.INFO, "제목", "본문", java.util.Map.of(), List.of());
        assertEquals("제목", fromTexts.title());
        assertEquals("본문", fromTexts.body());
        assertEquals(fromStrings, fromTexts);
        assertEquals(fromStrings.hashCode(), fromTexts.hashCode());
    }
}

package kr.qfeedback.reference.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EligibilityTextTest {

    @Test
    void givesThePlainTextOfAnEligibilityEntryWithoutStylesTagsEntitiesOrHeading() {
        String html = "BODY {\tFONT-SIZE: 10pt}P {\tMARGIN: 0px}<p>□ 응시자격 :</p><p>o 제한&nbsp;없음 &lt;2014.12.30&gt;"
                + " &middot; 끝</p>";

        assertEquals("o 제한 없음 <2014.12.30> · 끝", EligibilityText.fromEligibilityEntry(html));
    }

    @Test
    void givesNullForAnEntryThatIsOnlyAHeading() {
        assertNull(EligibilityText.fromEligibilityEntry("<p>□ 응시자격</p>"));
    }

    @Test
    void takesTheNumberedEligibilityPartOfAnAcquisitionTextUpToTheNextPart() {
        String html = "① 시행처 : 한국산업인력공단 ③ 응시자격 - 기사취득후 실무경력 4년 등 ④ 합격기준 - 100점 만점 60점 이상";

        assertEquals("기사취득후 실무경력 4년 등", EligibilityText.fromAcquisitionText(html));
    }

    @Test
    void ignoresAMentionOfEligibilityInASentenceOfTheAcquisitionText() {
        assertNull(EligibilityText.fromAcquisitionText("① 시행처 : 협회 응시자격 서류심사에 통과한 자를 최종합격자로 발표하며"));
    }

    @Test
    void cutsALongTextAtTheLastSentenceEndBeforeTheLimitAndMarksTheCut() {
        String sentence = "가".repeat(95) + " 있는 사람은 응시할 수 없다. "; // 113 characters with the space
        String text = sentence.repeat(7).trim();

        String shortened = EligibilityText.shorten(text);

        assertEquals(sentence.repeat(5).trim() + " …", shortened);
        assertTrue(shortened.length() <= EligibilityText.LIMIT + 2);
    }

    @Test
    void cutsBeforeAListItemRatherThanAfterADateOrAListNumber() {
        String item = "금고 이상의 형을 선고받고 2014.12.30 이후 그 집행이 끝나지 아니한 사람";
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            text.append(i).append(". ").append(item);
        }

        String shortened = EligibilityText.shorten(text.toString());

        assertTrue(shortened.endsWith("아니한 사람 …"), shortened);
        assertTrue(shortened.length() <= EligibilityText.LIMIT + 2, shortened);
    }

    @Test
    void leavesATextWithinTheLimitAsItIs() {
        String text = "제한 없음. ".repeat(50).trim();

        assertEquals(text, EligibilityText.shorten(text));
    }
}

package kr.qfeedback.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KoreanParticlesTest {

    @Test
    void aWordEndingInAFinalConsonantTakesTheFirstFormAndAVowelTheSecond() {
        assertEquals("정보처리기사는 기술사는 산업기사를", KoreanParticles.resolve("정보처리기사은(는) 기술사은(는) 산업기사을(를)"));
        assertEquals("필기시험은 면접이 실기와", KoreanParticles.resolve("필기시험은(는) 면접이(가) 실기과(와)"));
    }

    @Test
    void numbersAreReadAsKoreanNumbers() {
        assertEquals("종목코드 1320은", KoreanParticles.resolve("종목코드 1320은(는)"), "천삼백이십: 십 ends in ㅂ");
        assertEquals("종목코드 1999는", KoreanParticles.resolve("종목코드 1999은(는)"), "구 ends in a vowel");
        assertEquals(
                "0011은 2번으로 7로 6으로",
                KoreanParticles.resolve("0011은(는) 2번으로(로) 7으로(로) 6으로(로)"),
                "일·칠 end in ㄹ, which takes 로; 육 takes 으로");
    }

    @Test
    void closingBracketsAndQuotesAreLookedThrough() {
        assertEquals("가구제작산업기사(2142)는", KoreanParticles.resolve("가구제작산업기사(2142)은(는)"));
        assertEquals("'서울'로", KoreanParticles.resolve("'서울'으로(로)"));
    }

    @Test
    void aTextWithoutTwoFormParticlesIsLeftAlone() {
        String text = "이 문장에는 (는) 같은 괄호만 있습니다";
        assertFalse(KoreanParticles.needed(text));
        assertEquals(text, KoreanParticles.resolve(text));
        assertTrue(KoreanParticles.needed("{qualificationCode}은(는)"));
    }

    @Test
    void aFilledTemplateResolvesItsParticlesBothWays() {
        CompiledTemplate template = CompiledTemplate.of("종목코드 {qualificationCode}은(는) 기준 자료에 없습니다.");
        assertEquals(
                "종목코드 1320은 기준 자료에 없습니다.", template.fill(p -> p == Placeholder.QUALIFICATION_CODE ? "1320" : null));
        assertEquals(
                "종목코드 0042는 기준 자료에 없습니다.",
                Placeholders.fill(
                        "종목코드 {qualificationCode}은(는) 기준 자료에 없습니다.", java.util.Map.of("qualificationCode", "0042")));
    }
}

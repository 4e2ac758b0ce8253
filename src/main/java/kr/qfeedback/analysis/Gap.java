package kr.qfeedback.analysis;

import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.rules.model.Profile;

/**
 * Profiles the rules leave without something the page needs, counted per kind, outcome, section
 * and rule, with the first such profile as example. Blocks a publish.
 *
 * @param row      the rule that showed the section (null for {@link Kind#NO_RESULT_SUMMARY})
 * @param profiles how many profiles of the analysed space have this gap
 */
public record Gap(Kind kind, String outcome, SectionId section, RowRef row, Profile example, int profiles) {

    public enum Kind {
        /** No rule shows RESULT_SUMMARY. */
        NO_RESULT_SUMMARY,
        /** The shown section has no order (it would be placed last, with order 2147483647). */
        NO_ORDER,
        /** The shown section has no message, or one messages.yaml lacks (the page cannot be rendered). */
        NO_MESSAGE
    }

    String describe() {
        String cases = Korean.outcome(outcome) + " 결과 중 " + String.format("%,d", profiles) + "개 경우";
        String instance = "(예: " + Korean.profile(example) + ")";
        return switch (kind) {
            case NO_RESULT_SUMMARY ->
                "[빈틈] " + cases + "에 " + Korean.eulReul(Korean.section(section)) + " 보여 주는 행이 없습니다" + instance
                        + ". 이 경우에 맞는 행을 추가하거나 조건 칸을 고쳐 주세요.";
            case NO_ORDER ->
                "[빈틈] " + Korean.iGa(row.described()) + " " + cases + "에 " + Korean.eulReul(Korean.section(section))
                        + " 순서 없이 보여 줍니다" + instance + ". 순서가 없으면 화면 맨 아래(순서 2147483647)에 나옵니다. 순서를 적어 주세요.";
            case NO_MESSAGE ->
                "[빈틈] " + Korean.iGa(row.described()) + " " + cases + "에 " + Korean.eulReul(Korean.section(section))
                        + " 문구 없이(또는 messages.yaml 에 없는 문구로) 보여 줍니다" + instance
                        + ". 이런 경우에는 결과 화면을 만들 수 없습니다. 문구 이름을 적어 주세요.";
        };
    }
}

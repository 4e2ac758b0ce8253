package kr.qfeedback.analysis;

import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.rules.model.Profile;

/**
 * Two rules that show the same section for the same profile identically (same order, tone,
 * message and data stage): harmless today, but a later edit of one row would make it a conflict. A warning.
 */
public record Overlap(SectionId section, RowRef upper, RowRef lower, Profile example, int profiles) {

    String describe() {
        return "[주의] " + Korean.gwaWa(upper.label()) + " " + Korean.iGa(lower.shortAfter(upper))
                + " 같은 경우(예: " + Korean.profile(example) + ")에 " + Korean.eulReul(Korean.section(section))
                + " 똑같이 보여 줍니다(" + String.format("%,d", profiles) + "개 경우). 지금은 결과가 같지만, "
                + "한 행을 지우거나 조건 칸으로 나눠 주세요. (" + upper.described() + " / " + lower.described() + ")";
    }
}

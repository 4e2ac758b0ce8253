package kr.qfeedback.analysis;

import java.util.List;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.rules.model.Profile;

/**
 * Two rules that show the same section for the same profile differently. Today the upper row wins
 * silently; a conflict blocks a publish until the conditions separate the rows.
 *
 * @param upper       the rule that wins (higher in the table, or the earlier file)
 * @param differences what differs: {@code order}, {@code tone}, {@code message}, {@code dataStage}
 * @param profiles    how many profiles of the analysed space get both rows
 */
public record Conflict(
        SectionId section, RowRef upper, RowRef lower, List<String> differences, Profile example, int profiles) {

    public Conflict {
        differences = List.copyOf(differences);
    }

    String describe() {
        return "[충돌] " + Korean.gwaWa(upper.label()) + " " + Korean.iGa(lower.shortAfter(upper))
                + " 같은 경우(예: " + Korean.profile(example) + ")에 " + Korean.eulReul(Korean.section(section))
                + " 서로 다른 " + Korean.euro(Korean.differences(differences)) + " 보여 줍니다("
                + String.format("%,d", profiles) + "개 경우). 지금은 위의 " + Korean.iGa(upper.label())
                + " 이깁니다. 조건 칸으로 두 행이 겹치지 않게 나눠 주세요. (" + upper.described() + " / " + lower.described() + ")";
    }
}

package kr.qfeedback.analysis;

import java.util.Map;

/**
 * A table row no profile reaches only because a parameter switch is off (e.g. the survey row while
 * '만족도 조사 진행' is 아니오): with the switch on, some profile reaches it. Not a mistake, and not
 * reported as a dead row.
 *
 * @param parameter     the record component of {@code PolicyParameters} that keeps the row off
 * @param parameterName the switch as staff name it in parameters.yaml
 */
public record SwitchedOffRow(RowRef row, String parameter, String parameterName) {
    /** How staff name each switch in parameters.yaml. */
    private static final Map<String, String> NAMES = Map.of(
            "surveyEnabled", "만족도 조사 진행",
            "youthDiscountEnabled", "청년 응시료 할인 진행");

    static SwitchedOffRow of(RowRef row, String parameter) {
        return new SwitchedOffRow(row, parameter, NAMES.getOrDefault(parameter, parameter));
    }

    String describe() {
        return "[안내] " + Korean.eunNeun(row.described()) + " parameters.yaml 의 '" + parameterName()
                + "' 스위치가 꺼져 있어 쓰이지 않습니다(스위치가 꺼져 있어 쓰이지 않음). 잘못된 행이 아니며, 스위치를 켜면 적용됩니다.";
    }
}

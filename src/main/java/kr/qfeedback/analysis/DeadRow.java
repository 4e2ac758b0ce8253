package kr.qfeedback.analysis;

import java.util.List;
import java.util.Map;

/**
 * A table row that applies to no profile of the analysed space. A warning, not a block.
 *
 * @param needs the judgement facts (fact types besides Profile and PolicyParameters) the row's conditions need,
 *              e.g. {@code SurveyCampaign}: the row may be dead because no judgement rule or switch produces them
 */
public record DeadRow(RowRef row, List<String> needs) {
    private static final Map<String, String> JUDGEMENTS = Map.of(
            "ExemptionStatus", "필기면제 상태(judgements.drl)",
            "YouthDiscountEligible", "청년 응시료 할인 대상(judgements.drl)",
            "SurveyCampaign", "만족도 조사 기간(parameters.yaml 의 '만족도 조사 진행' 스위치)");

    public DeadRow {
        needs = List.copyOf(needs);
    }

    String describe(int profilesChecked) {
        StringBuilder line = new StringBuilder("[주의] ")
                .append(Korean.eunNeun(row.described()))
                .append(" 검사한 ")
                .append(String.format("%,d", profilesChecked))
                .append("개 경우 어디에도 적용되지 않습니다. 조건 칸끼리 서로 맞지 않는지 확인해 주세요.");
        if (!needs.isEmpty()) {
            line.append(" 이 행은 ")
                    .append(String.join(
                            ", ",
                            needs.stream()
                                    .map(n -> JUDGEMENTS.getOrDefault(n, n))
                                    .toList()))
                    .append(" 판단이 있을 때만 적용됩니다. 그 판단이 나오는지도 확인해 주세요.");
        }
        return line.toString();
    }
}

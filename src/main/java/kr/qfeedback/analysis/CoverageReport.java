package kr.qfeedback.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * What the completeness and conflict analysis of one rule set found over every discretised
 * profile: gaps and conflicts block a publish, dead rows and overlaps warn; rows a parameter switch
 * keeps off are listed apart, as information.
 *
 * @param profilesChecked the profiles of the discretised space, every one of which is covered
 * @param millis          how long the analysis took
 * @param casesEvaluated  how many rule evaluations that took: one per group of profiles the rules cannot tell apart
 */
public record CoverageReport(
        List<Gap> gaps,
        List<DeadRow> deadRows,
        List<SwitchedOffRow> switchedOffRows,
        List<Conflict> conflicts,
        List<Overlap> overlaps,
        int profilesChecked,
        long millis,
        int casesEvaluated) {

    public CoverageReport {
        gaps = List.copyOf(gaps);
        deadRows = List.copyOf(deadRows);
        switchedOffRows = List.copyOf(switchedOffRows);
        conflicts = List.copyOf(conflicts);
        overlaps = List.copyOf(overlaps);
    }

    /** Gaps or conflicts: this version must not be published. */
    public boolean blocksPublish() {
        return !gaps.isEmpty() || !conflicts.isEmpty();
    }

    /** One Korean line for staff per finding, after a summary line; blocking findings first. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "규칙 검사: 가능한 경우 %,d개를 규칙이 구별하는 %,d개 묶음으로 나눠 모두 검사했습니다(%,d ms). "
                        + "빈틈 %d개, 충돌 %d개, 적용되지 않는 행 %d개, 똑같이 겹치는 행 %d쌍. %s",
                profilesChecked,
                casesEvaluated,
                millis,
                gaps.size(),
                conflicts.size(),
                deadRows.size(),
                overlaps.size(),
                blocksPublish() ? "빈틈이나 충돌이 있어 게시할 수 없습니다." : "게시를 막는 문제는 없습니다."));
        gaps.forEach(g -> lines.add(g.describe()));
        conflicts.forEach(c -> lines.add(c.describe()));
        deadRows.forEach(d -> lines.add(d.describe(profilesChecked)));
        switchedOffRows.forEach(r -> lines.add(r.describe()));
        overlaps.forEach(o -> lines.add(o.describe()));
        return List.copyOf(lines);
    }
}

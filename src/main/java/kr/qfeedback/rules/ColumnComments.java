package kr.qfeedback.rules;

import java.util.Map;

/** The Korean comment on each column header of the decision table: what the column means and what it takes. */
final class ColumnComments {
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("stage", "이번 시험의 단계입니다. WRITTEN 필기, PRACTICAL 실기, INTERVIEW 면접."),
            Map.entry("result", "이번 시험의 결과입니다. PASS 합격, FAIL 불합격, ABSENT 결시."),
            Map.entry(
                    "grade",
                    "자격 등급입니다. PROFESSIONAL_ENGINEER 기술사, MASTER_CRAFTSMAN 기능장, ENGINEER 기사, "
                            + "INDUSTRIAL_ENGINEER 산업기사, CRAFTSMAN 기능사, SERVICE 서비스 분야."),
            Map.entry(
                    "documents",
                    "응시자격 서류 상황입니다. 정책상 필요 없는 종목과 같은 분야의 같은 등급 이상 자격이 있는 사람은 "
                            + "NOT_REQUIRED 로 봅니다. _OVERDUE 는 마감일이 지난 경우입니다."),
            Map.entry(
                    "exemptionRounds",
                    "필기면제 기간 안에 접수할 수 있는 실기(면접) 회차가 남았는지입니다. LEFT 남음, " + "NONE_LEFT 남지 않음(만료 포함), UNKNOWN 모름."),
            Map.entry("status", "judgements.drl 이 정한 필기면제 상태입니다. ACTIVE 유효, EXPIRING 만료 임박, EXPIRED 만료."),
            Map.entry("scored", "총점이 왔는지입니다."),
            Map.entry("subjectsScored", "과목별 점수가 왔는지입니다."),
            Map.entry("belowSubjectMinimum", "과목 최저점 미만(과락) 과목이 있는지입니다."),
            Map.entry("scoreMeetsCriterion", "점수가 합격기준을 충족하는지입니다(실기·면접을 점수 외 사유로 불합격한 경우 구분용)."),
            Map.entry("stageStatisticsKnown", "이 종목·단계의 합격률 통계가 있는지입니다."),
            Map.entry("nextStageStatisticsKnown", "다음 단계(실기·면접)의 통계가 있는지입니다."),
            Map.entry("sameStageScheduleKnown", "응시할 수 있는 다음 회차 일정이 있는지입니다."),
            Map.entry("nextStageScheduleKnown", "다음 단계 회차 일정이 있는지입니다."),
            Map.entry("writtenPassKnown", "필기 합격 발표일(필기면제 시작일)을 아는지입니다."));

    private ColumnComments() {}

    /** The comment of a column of {@code kind} testing {@code field} (may be null) under {@code header}. */
    static String explain(ColumnKind kind, String field, String header) {
        String title = header.isBlank() ? "" : header.lines().findFirst().orElse("") + ": ";
        String body = switch (kind) {
            case DESCRIPTION -> "이 행이 하는 일을 적습니다. 추적(?explain=true) 결과에 그대로 나옵니다.";
            case FLAG -> describe(field, "예/아니오 조건입니다.") + " O 예, X 아니오, 비우면 따지지 않습니다.";
            case MARK -> "judgements.drl 의 판단이 있을 때만 이 행을 적용하려면 O 를 적습니다. 비우면 따지지 않습니다.";
            case ENUM -> describe(field, "값 목록 조건입니다.") + " 여러 개는 쉼표로, 비우면 따지지 않습니다.";
            case NUMBER -> "가장 낮은 과목 점수가 이 점수 미만일 때만 적용합니다. 0~100.";
            case SECTION -> "보여 줄 섹션 ID 입니다.";
            case ORDER -> "화면에서의 순서입니다. 작을수록 위에 보입니다. 0~9999 정수.";
            case TONE -> "강조 방식입니다. SUCCESS 성공, FAILURE 실패, WARNING 주의, INFO 안내.";
            case MESSAGE -> "messages.yaml 에서 이 섹션 아래에 있는 문구 이름입니다.";
            case DATA_STAGE -> "합격률 추이·일정 섹션이 어느 단계의 자료를 보여 줄지입니다. SAME 이번 단계, NEXT 다음 단계.";
            case OTHER -> "시스템이 읽는 칸입니다.";
        };
        return title + body + " 1~9행은 시스템이 읽는 칸이라 잠겨 있습니다.";
    }

    private static String describe(String field, String otherwise) {
        return field == null ? otherwise : FIELDS.getOrDefault(field, otherwise);
    }
}

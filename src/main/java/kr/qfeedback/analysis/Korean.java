package kr.qfeedback.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.rules.model.Profile;

/** Korean wording of the coverage report for staff: section and outcome names, example profiles, particles. */
final class Korean {
    private static final Map<String, String> STAGES = Map.of("WRITTEN", "필기", "PRACTICAL", "실기", "INTERVIEW", "면접");
    private static final Map<String, String> RESULTS = Map.of("PASS", "합격", "FAIL", "불합격", "ABSENT", "결시");
    private static final Map<String, String> GRADES = Map.of(
            "PROFESSIONAL_ENGINEER",
            "기술사",
            "MASTER_CRAFTSMAN",
            "기능장",
            "ENGINEER",
            "기사",
            "INDUSTRIAL_ENGINEER",
            "산업기사",
            "CRAFTSMAN",
            "기능사",
            "SERVICE",
            "서비스 분야");
    private static final Map<String, String> DOCUMENTS = Map.of(
            "SUBMITTED",
            "응시자격 서류 제출",
            "NOT_SUBMITTED",
            "응시자격 서류 미제출",
            "NOT_REQUIRED",
            "응시자격 서류 불필요",
            "UNKNOWN",
            "응시자격 서류 상태 모름");
    private static final Map<String, String> DIFFERENCES =
            Map.of("order", "순서", "tone", "톤", "message", "문구", "dataStage", "자료 단계");
    /** Whether the Korean reading of each digit ends in a final consonant (영 일 이 삼 사 오 육 칠 팔 구). */
    private static final boolean[] DIGIT_BATCHIM = {true, true, false, true, false, false, true, true, true, false};

    private Korean() {}

    static String section(SectionId id) {
        String name = switch (id) {
            case RESULT_SUMMARY -> "결과 요약";
            case SCORE_BREAKDOWN -> "과목별 점수";
            case PASS_CRITERIA -> "합격기준";
            case WEAK_SUBJECTS -> "취약 과목";
            case PASSER_COMPARISON -> "합격자 비교";
            case PASS_RATE_TREND -> "합격률 추이";
            case PREP_PERIOD -> "준비 기간";
            case WRITTEN_EXEMPTION -> "필기면제 기간";
            case ELIGIBILITY_DOCUMENTS -> "응시자격 서류";
            case NEXT_EXAM_SCHEDULE -> "다음 시험 일정";
            case REAPPLY -> "재접수";
            case LEARNING_RESOURCES -> "학습자료";
            case TRAINING -> "교육";
            case CERTIFICATE_ISSUE -> "자격증 발급";
            case RELATED_QUALIFICATIONS -> "관련 자격";
            case JOBS -> "일자리";
            case YOUTH_FEE_DISCOUNT -> "청년 응시료 할인";
            case SURVEY -> "만족도 조사";
        };
        return name + "(" + id.name() + ")";
    }

    /** e.g. {@code 필기 불합격(WRITTEN_FAIL)}. */
    static String outcome(String code) {
        int at = code == null ? -1 : code.indexOf('_');
        if (at < 0) {
            return String.valueOf(code);
        }
        String stage = STAGES.getOrDefault(code.substring(0, at), code.substring(0, at));
        String result = RESULTS.getOrDefault(code.substring(at + 1), code.substring(at + 1));
        return stage + " " + result + "(" + code + ")";
    }

    /** The differing attributes of a conflict, e.g. {@code 톤·문구}. */
    static String differences(List<String> differences) {
        return String.join(
                "·",
                differences.stream().map(d -> DIFFERENCES.getOrDefault(d, d)).toList());
    }

    /** Every field of an example profile, in words staff use. */
    static String profile(Profile p) {
        List<String> parts = new ArrayList<>();
        parts.add(STAGES.getOrDefault(p.stage(), p.stage()) + " " + RESULTS.getOrDefault(p.result(), p.result()));
        parts.add(GRADES.getOrDefault(p.grade(), p.grade()));
        parts.add(p.qualificationKnown() ? "기준 자료에 있는 종목" : "기준 자료에 없는 종목");
        if (!p.scored()) {
            parts.add("총점 없음");
        } else {
            parts.add("총점 " + number(p.totalScore()));
        }
        if (p.subjectsScored()) {
            parts.add("가장 낮은 과목 " + number(p.lowestSubjectScore()) + "점");
        } else if (p.scored()) {
            parts.add("과목 점수 없음");
        }
        if (p.scored() || p.belowSubjectMinimum() || p.scoreMeetsCriterion()) {
            parts.add(p.belowSubjectMinimum() ? "과락 있음" : "과락 없음");
            parts.add(p.scoreMeetsCriterion() ? "점수는 합격기준 충족" : "점수는 합격기준 미달");
        }
        parts.add("이번 단계 통계 " + (p.stageStatisticsKnown() ? "있음" : "없음"));
        if ("WRITTEN".equals(p.stage()) || p.nextStageStatisticsKnown()) {
            parts.add("다음 단계 통계 " + (p.nextStageStatisticsKnown() ? "있음" : "없음"));
        }
        parts.add("같은 단계 다음 회차 일정 " + (p.sameStageScheduleKnown() ? "있음" : "없음"));
        if ("WRITTEN".equals(p.stage()) || p.nextStageScheduleKnown()) {
            parts.add("다음 단계 회차 일정 " + (p.nextStageScheduleKnown() ? "있음" : "없음"));
        }
        if (!p.writtenPassKnown()) {
            parts.add("필기 합격일 모름");
        } else if (p.exemptionDaysRemaining() == null) {
            parts.add("필기 합격일 앎");
        } else {
            parts.add("필기면제 남은 날 " + p.exemptionDaysRemaining() + "일");
        }
        parts.add(p.age() == null ? "나이 모름" : "만 " + p.age() + "세");
        parts.add(DOCUMENTS.getOrDefault(p.documents(), "응시자격 서류 " + p.documents()));
        if (p.surveyEnded()) {
            parts.add("만족도 조사 마감일 지남");
        }
        return String.join(", ", parts);
    }

    /** 이/가 after the word. */
    static String iGa(String word) {
        return word + (batchim(word) ? "이" : "가");
    }

    /** 을/를 after the word. */
    static String eulReul(String word) {
        return word + (batchim(word) ? "을" : "를");
    }

    /** 과/와 after the word. */
    static String gwaWa(String word) {
        return word + (batchim(word) ? "과" : "와");
    }

    /** 은/는 after the word. */
    static String eunNeun(String word) {
        return word + (batchim(word) ? "은" : "는");
    }

    /** 으로/로 after the word (로 after ㄹ). */
    static String euro(String word) {
        char last = lastSound(word);
        boolean rieul = last >= 0xAC00 && last <= 0xD7A3 && (last - 0xAC00) % 28 == 8;
        return word + (batchim(word) && !rieul ? "으로" : "로");
    }

    private static String number(Double value) {
        if (value == null) {
            return "-";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }

    /** Whether the word's last sounded syllable ends in a consonant; a trailing (…) is skipped. */
    private static boolean batchim(String word) {
        char last = lastSound(word);
        if (last >= 0xAC00 && last <= 0xD7A3) {
            return (last - 0xAC00) % 28 != 0;
        }
        if (last >= '0' && last <= '9') {
            return DIGIT_BATCHIM[last - '0'];
        }
        return false;
    }

    private static char lastSound(String word) {
        String w = word.strip();
        if (w.endsWith(")")) {
            int depth = 0;
            for (int i = w.length() - 1; i >= 0; i--) {
                char c = w.charAt(i);
                depth += c == ')' ? 1 : c == '(' ? -1 : 0;
                if (depth == 0) {
                    w = w.substring(0, i).strip();
                    break;
                }
            }
        }
        return w.isEmpty() ? ' ' : w.charAt(w.length() - 1);
    }
}

# language: ko
기능: 기준 자료에 없는 종목
  종목코드가 기준 자료(rules/reference/qualifications.json)에 없어도 오류가 아니다.
  결정은 그대로 내리되 통계(합격자 비교, 합격률 추이, 준비 기간)나 일정(다음 시험 일정)이
  필요한 섹션은 빼고, 안내(notices)에 UNKNOWN_QUALIFICATION 으로 그 이유를 알린다.
  합격기준은 등급별 기본값(parameters.yaml "합격기준 기본값")을 쓴다.

  배경:
    조건 기준 자료에 없는 종목 "신설종목기사"(9999, 기사) 응시자가 있다
    그리고 생년월일은 "2000-08-15"이다

  시나리오: 미등록 종목 필기 불합격 — 통계·일정 섹션 없이 불합격 안내
    조건 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
    만일 "필기" 시험 결과 "불합격", 총점 54점을 받는다
    그리고 과목 점수는 다음과 같다:
      | 과목   | 점수 |
      | 제1과목 | 45 |
      | 제2과목 | 60 |
      | 제3과목 | 57 |
    그러면 결과는 "WRITTEN_FAIL"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                 | 톤       |
      | RESULT_SUMMARY     | FAILURE |
      | SCORE_BREAKDOWN    | INFO    |
      | PASS_CRITERIA      | FAILURE |
      | WEAK_SUBJECTS      | WARNING |
      | REAPPLY            | INFO    |
      | LEARNING_RESOURCES | INFO    |
      | TRAINING           | INFO    |
      | YOUTH_FEE_DISCOUNT | INFO    |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "신설종목기사"가 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "불합격"이 들어 있다
    그리고 "PASS_CRITERIA" 섹션의 자료는 다음과 같다:
      | 항목             | 값      |
      | subjectMinimum | 40     |
      | averageMinimum | 60     |
      | shortfall      | 6      |
      | failedSubjects | (빈 목록) |
    그리고 안내 "UNKNOWN_QUALIFICATION"이 있다
    그리고 "PASSER_COMPARISON" 섹션은 보이지 않는다
    그리고 "PASS_RATE_TREND" 섹션은 보이지 않는다
    그리고 "PREP_PERIOD" 섹션은 보이지 않는다
    그리고 "NEXT_EXAM_SCHEDULE" 섹션은 보이지 않는다
    그리고 모든 섹션의 제목과 본문이 채워져 있다
    그리고 모든 섹션에 정해진 자료 항목이 빠짐없이 있다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다

  시나리오: 미등록 종목 필기 합격 — 서류 마감일과 남은 실기 회차는 알 수 없다
    조건 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
    그리고 응시자격 서류는 "미제출"이다
    만일 "필기" 시험 결과 "합격", 총점 65점을 받는다
    그러면 결과는 "WRITTEN_PASS"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                    | 톤       |
      | RESULT_SUMMARY        | SUCCESS |
      | ELIGIBILITY_DOCUMENTS | WARNING |
      | WRITTEN_EXEMPTION     | INFO    |
      | SCORE_BREAKDOWN       | INFO    |
      | PASS_CRITERIA         | INFO    |
      | TRAINING              | INFO    |
    그리고 "ELIGIBILITY_DOCUMENTS" 섹션의 "deadline"은 값이 없다
    그리고 "WRITTEN_EXEMPTION" 섹션의 자료는 다음과 같다:
      | 항목                  | 값          |
      | validFrom           | 2026-03-11 |
      | validUntil          | 2028-03-10 |
      | daysRemaining       | 730        |
      | status              | ACTIVE     |
      | practicalRoundsLeft | (없음)       |
    그리고 안내 "UNKNOWN_QUALIFICATION"이 있다
    그리고 안내 "NO_DOCUMENT_WINDOW"가 있다
    그리고 모든 섹션에 정해진 자료 항목이 빠짐없이 있다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다

  시나리오: 미등록 종목 실기 합격 — 최종 합격 안내는 그대로
    조건 시험은 "2026-1" 회차로 "2026-04-18"에 치렀고 "2026-06-05"에 발표되었다
    만일 "실기" 시험 결과 "합격", 총점 81점을 받는다
    그러면 결과는 "PRACTICAL_PASS"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                     |
      | RESULT_SUMMARY         |
      | CERTIFICATE_ISSUE      |
      | SCORE_BREAKDOWN        |
      | RELATED_QUALIFICATIONS |
      | JOBS                   |
      | TRAINING               |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "최종 합격"이 들어 있다
    그리고 안내 "UNKNOWN_QUALIFICATION"이 있다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다

  시나리오: 미등록 종목 실기 불합격 — 필기면제 기간은 보이고 통계·일정은 빠진다
    조건 시험은 "2026-1" 회차로 "2026-04-18"에 치렀고 "2026-06-05"에 발표되었다
    그리고 필기 합격 발표일은 "2026-03-11"이다
    만일 "실기" 시험 결과 "불합격", 총점 50점을 받는다
    그러면 결과는 "PRACTICAL_FAIL"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                 |
      | RESULT_SUMMARY     |
      | SCORE_BREAKDOWN    |
      | PASS_CRITERIA      |
      | WRITTEN_EXEMPTION  |
      | REAPPLY            |
      | LEARNING_RESOURCES |
      | TRAINING           |
      | YOUTH_FEE_DISCOUNT |
    그리고 "WRITTEN_EXEMPTION" 섹션의 "practicalRoundsLeft"는 값이 없다
    그리고 안내 "UNKNOWN_QUALIFICATION"이 있다

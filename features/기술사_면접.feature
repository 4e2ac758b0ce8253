# language: ko
기능: 기술사 면접 결과 안내
  기술사의 두 번째 단계는 실기가 아니라 면접이다. 면접에 합격하면 최종 합격이고,
  면접 불합격·결시는 실기 불합격·결시와 같은 안내를 면접 기준으로 보여 준다.
  정보관리기술사(0601) 2026년 제138회: 필기 합격자 발표 2026-03-25, 면접 2026-05-02 ~ 2026-05-16,
  최종 합격자 발표 2026-05-29. 다음 제139회 면접 접수 2026-06-08 ~ 2026-07-02, 면접 2026-08-01부터.

  배경:
    조건 "정보관리기술사"(0601, 기술사) 응시자가 있다
    그리고 생년월일은 "1985-11-20"이다

  시나리오: 정보관리기술사 면접 합격 — 최종 합격
    조건 시험은 "2026-138" 회차로 "2026-05-02"에 치렀고 "2026-05-29"에 발표되었다
    그리고 필기 합격 발표일은 "2026-03-25"이다
    만일 "면접" 시험 결과 "합격", 총점 72점을 받는다
    그러면 결과는 "INTERVIEW_PASS"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                     | 톤       |
      | RESULT_SUMMARY         | SUCCESS |
      | CERTIFICATE_ISSUE      | SUCCESS |
      | SCORE_BREAKDOWN        | INFO    |
      | RELATED_QUALIFICATIONS | INFO    |
      | JOBS                   | INFO    |
      | TRAINING               | INFO    |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "정보관리기술사 최종 합격"이 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 본문에 "면접"이 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 자료는 다음과 같다:
      | 항목        | 값         |
      | result    | PASS      |
      | stage     | INTERVIEW |
      | finalPass | true      |
    그리고 "WRITTEN_EXEMPTION" 섹션은 보이지 않는다
    그리고 안내는 없다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다

  시나리오: 정보관리기술사 면접 불합격 — 남은 필기면제 기간과 다음 면접 일정
    조건 시험은 "2026-138" 회차로 "2026-05-02"에 치렀고 "2026-05-29"에 발표되었다
    그리고 필기 합격 발표일은 "2026-03-25"이다
    만일 "면접" 시험 결과 "불합격", 총점 55점을 받는다
    그러면 결과는 "INTERVIEW_FAIL"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                 | 톤       |
      | RESULT_SUMMARY     | FAILURE |
      | SCORE_BREAKDOWN    | INFO    |
      | PASS_CRITERIA      | FAILURE |
      | WRITTEN_EXEMPTION  | INFO    |
      | PASSER_COMPARISON  | INFO    |
      | PASS_RATE_TREND    | INFO    |
      | REAPPLY            | INFO    |
      | NEXT_EXAM_SCHEDULE | INFO    |
      | LEARNING_RESOURCES | INFO    |
      | TRAINING           | INFO    |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "면접시험 결과: 불합격"이 들어 있다
    그리고 "PASS_CRITERIA" 섹션의 자료는 다음과 같다:
      | 항목             | 값      |
      | subjectMinimum | (없음)   |
      | averageMinimum | 60     |
      | shortfall      | 5      |
      | failedSubjects | (빈 목록) |
    그리고 "WRITTEN_EXEMPTION" 섹션의 자료는 다음과 같다:
      | 항목                  | 값          |
      | validFrom           | 2026-03-25 |
      | validUntil          | 2028-03-24 |
      | daysRemaining       | 665        |
      | status              | ACTIVE     |
      | practicalRoundsLeft | 2          |
    그리고 "PASS_RATE_TREND" 섹션의 "stage"는 "INTERVIEW"이다
    그리고 "PASS_RATE_TREND" 섹션의 연도별 합격률은 다음과 같다:
      | 연도   | 합격률  |
      | 2021 | 74.5 |
      | 2022 | 72.3 |
      | 2023 | 72.1 |
      | 2024 | 76.7 |
      | 2025 | 61.2 |
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 자료는 다음과 같다:
      | 항목                | 값          |
      | stage             | INTERVIEW  |
      | registrationStart | 2026-06-08 |
      | registrationEnd   | 2026-07-02 |
      | examDate          | 2026-08-01 |
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 제목에 "면접"이 들어 있다
    그리고 "YOUTH_FEE_DISCOUNT" 섹션은 보이지 않는다
    그리고 안내는 없다
    그리고 모든 섹션의 제목과 본문이 채워져 있다
    그리고 모든 섹션에 정해진 자료 항목이 빠짐없이 있다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다

  시나리오: 정보관리기술사 면접 결시
    조건 시험은 "2026-138" 회차로 "2026-05-02"에 치렀고 "2026-05-29"에 발표되었다
    그리고 필기 합격 발표일은 "2026-03-25"이다
    만일 "면접" 시험에 결시한다
    그러면 결과는 "INTERVIEW_ABSENT"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                 | 톤       |
      | RESULT_SUMMARY     | WARNING |
      | WRITTEN_EXEMPTION  | INFO    |
      | REAPPLY            | INFO    |
      | NEXT_EXAM_SCHEDULE | INFO    |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "면접시험에 응시하지 않으셨습니다"가 들어 있다
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 "stage"는 "INTERVIEW"이다

  시나리오: 정보관리기술사 필기 합격 — 다음 단계는 실기가 아니라 면접으로 안내한다
    조건 시험은 "2026-138" 회차로 "2026-02-07"에 치렀고 "2026-03-25"에 발표되었다
    그리고 응시자격 서류는 "제출"이다
    만일 "필기" 시험 결과 "합격", 총점 63점을 받는다
    그러면 결과는 "WRITTEN_PASS"이다
    그리고 "PASS_RATE_TREND" 섹션의 "stage"는 "INTERVIEW"이다
    그리고 "PASS_RATE_TREND" 섹션의 제목에 "면접"이 들어 있다
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 "stage"는 "INTERVIEW"이다
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 제목에 "면접"이 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 본문에 "실기"가 들어 있지 않다
    그리고 "WRITTEN_EXEMPTION" 섹션의 본문에 "실기"가 들어 있지 않다
